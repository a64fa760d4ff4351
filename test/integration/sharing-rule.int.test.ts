import { randomUUID } from 'node:crypto';
import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessOfRow, type SharedRecordColumns, visibleTo } from '../../src/server/platform/policy/visibility-filter.js';
import { HANDLING_CODES } from '../../src/shared/handling-codes.js';
import { isVisibleTo, type SharedRecordAccess, type Viewer } from '../../src/shared/visibility.js';
import { type DistributionName, EXPECTED, VIEWER_NAMES, type ViewerName } from '../support/sharing-table.js';
import { openTestDatabase } from '../support/test-database.js';

/**
 * One sharing rule, three forms: `isVisibleTo` (TypeScript), the SQL function `liaison_visible`
 * called with parameters, and `visibleTo` (the WHERE condition of every read path) over a VALUES
 * table. They must agree on every handling code × distribution (every combination of named unit,
 * organisation, sharing group and all partners; from a unit, or from an organisation alone, as a
 * library document may be) × viewer, and the four single distributions must match the sharing
 * table of product.md (test/support/sharing-table.ts).
 *
 * Cast, as in the sharing table: the originator is unit O1 of organisation O (O2 another of its
 * units); R1 is the named unit of organisation R (R2 another unit of R); sharing group S holds R and
 * G; X is a partner outside S; P is the platform admin's organisation, with no unit.
 */
const id = {
  O: randomUUID(),
  O1: randomUUID(),
  O2: randomUUID(),
  R: randomUUID(),
  R1: randomUUID(),
  R2: randomUUID(),
  G: randomUUID(),
  G1: randomUUID(),
  X: randomUUID(),
  X1: randomUUID(),
  P: randomUUID(),
  S: randomUUID(),
};

const VIEWERS: Record<ViewerName | 'anonymous', Viewer | null> = {
  'originating unit': { organisationId: id.O, unitIds: [id.O1], sharingGroupIds: [] },
  'originator organisation, other unit': { organisationId: id.O, unitIds: [id.O2], sharingGroupIds: [] },
  'member of the named unit': { organisationId: id.R, unitIds: [id.R1], sharingGroupIds: [id.S] },
  'same organisation, other unit': { organisationId: id.R, unitIds: [id.R2], sharingGroupIds: [id.S] },
  'other organisation in the group': { organisationId: id.G, unitIds: [id.G1], sharingGroupIds: [id.S] },
  'organisation outside the group': { organisationId: id.X, unitIds: [id.X1], sharingGroupIds: [] },
  'platform admin without membership': { organisationId: id.P, unitIds: [], sharingGroupIds: [] },
  anonymous: null,
};
const VIEWER_KEYS = [...VIEWER_NAMES, 'anonymous'] as const;

/** The four targets a sender may choose, as the stored columns they add (a unit brings its organisation). */
const TARGETS: Record<DistributionName, Partial<SharedRecordAccess>> = {
  'named units': { recipientUnits: [id.R1], recipientOrganisations: [id.R] },
  organisation: { recipientOrganisations: [id.R] },
  'sharing group': { recipientSharingGroups: [id.S] },
  'all partners': { toAllPartners: true },
};
const TARGET_NAMES = Object.keys(TARGETS) as DistributionName[];

interface Probe extends SharedRecordAccess {
  id: string;
  label: string;
  /** The single target of the sharing table, when the probe has exactly one and comes from a unit. */
  single: DistributionName | null;
}

/** Every subset of the four targets (none: only the originator), from a unit or from an organisation alone. */
const probes: Probe[] = [];
for (let mask = 0; mask < 1 << TARGET_NAMES.length; mask++) {
  const chosen = TARGET_NAMES.filter((_, bit) => mask & (1 << bit));
  const units = new Set<string>();
  const organisations = new Set<string>();
  const groups = new Set<string>();
  let toAllPartners = false;
  for (const target of chosen.map((name) => TARGETS[name])) {
    for (const unit of target.recipientUnits ?? []) units.add(unit);
    for (const organisation of target.recipientOrganisations ?? []) organisations.add(organisation);
    for (const group of target.recipientSharingGroups ?? []) groups.add(group);
    toAllPartners ||= !!target.toAllPartners;
  }
  for (const fromUnit of [true, false]) {
    for (const handlingCode of HANDLING_CODES) {
      probes.push({
        id: randomUUID(),
        label: `${handlingCode} to ${chosen.join(' + ') || 'nobody'}, from ${fromUnit ? 'a unit' : 'an organisation'}`,
        single: chosen.length === 1 && fromUnit ? chosen[0] : null,
        handlingCode,
        // An organisation's record without a unit (a library document): TypeScript reads '' as none.
        originatorUnitId: fromUnit ? id.O1 : '',
        originatorOrganisationId: id.O,
        recipientUnits: [...units],
        recipientOrganisations: [...organisations],
        recipientSharingGroups: [...groups],
        toAllPartners,
      });
    }
  }
}

const originatorUnit = (probe: Probe) => probe.originatorUnitId || null;

/** The record's columns as a VALUES table, as every table of shared records carries them. */
function probeTable(): RawBuilder<unknown> {
  const rows = probes.map(
    (p) => sql`(${p.id}::uuid, ${p.handlingCode}::text, ${originatorUnit(p)}::uuid, ${p.originatorOrganisationId}::uuid,
      ${p.recipientUnits}::uuid[], ${p.recipientOrganisations}::uuid[], ${p.recipientSharingGroups}::uuid[], ${p.toAllPartners}::boolean)`,
  );
  return sql`(values ${sql.join(rows)}) as r(id, handling_code, originator_unit_id, originator_organisation_id,
    recipient_units, recipient_organisations, recipient_sharing_groups, to_all_partners)`;
}

let database: Awaited<ReturnType<typeof openTestDatabase>>;
/** By the SQL function called with parameters: probe id → viewer → visible. */
const byFunction = new Map<string, Record<string, boolean>>();
/** By visibleTo over the VALUES table: viewer → visible probe ids. */
const byFilter = new Map<string, Set<string>>();

beforeAll(async () => {
  database = await openTestDatabase();
  for (const probe of probes) {
    const columns = VIEWER_KEYS.map((key, i) => {
      const viewer = VIEWERS[key];
      return sql`liaison_visible(${probe.handlingCode}::text, ${originatorUnit(probe)}::uuid, ${probe.originatorOrganisationId}::uuid,
        ${probe.recipientUnits}::uuid[], ${probe.recipientOrganisations}::uuid[], ${probe.recipientSharingGroups}::uuid[],
        ${probe.toAllPartners}::boolean, ${viewer?.organisationId ?? null}::uuid, ${viewer?.unitIds ?? []}::uuid[],
        ${viewer?.sharingGroupIds ?? []}::uuid[]) as ${sql.ref(`v${i}`)}`;
    });
    const { rows } = await sql<Record<string, boolean>>`select ${sql.join(columns)}`.execute(database.db);
    byFunction.set(probe.id, Object.fromEntries(VIEWER_KEYS.map((key, i) => [key, rows[0][`v${i}`]])));
  }
  for (const key of VIEWER_KEYS) {
    const { rows } = await sql<{ id: string }>`select r.id from ${probeTable()} where ${visibleTo(VIEWERS[key], 'r')}`.execute(
      database.db,
    );
    byFilter.set(key, new Set(rows.map((row) => row.id)));
  }
});
afterAll(() => database.close());

describe('the sharing rule in TypeScript and in SQL', () => {
  it(`covers ${HANDLING_CODES.length} codes × 16 distributions × 2 originators`, () => {
    expect(probes).toHaveLength(HANDLING_CODES.length * 16 * 2);
  });

  for (const key of VIEWER_KEYS) {
    it(`${key}: liaison_visible, visibleTo and isVisibleTo agree on every record`, () => {
      for (const probe of probes) {
        const expected = isVisibleTo(probe, VIEWERS[key]);
        expect(byFunction.get(probe.id)?.[key], `liaison_visible, ${probe.label}`).toBe(expected);
        expect(byFilter.get(key)?.has(probe.id), `visibleTo, ${probe.label}`).toBe(expected);
      }
    });
  }

  it('matches the sharing table of product.md on the four single distributions', () => {
    for (const probe of probes.filter((p) => p.single)) {
      const single = probe.single as DistributionName;
      for (const name of VIEWER_NAMES) {
        const expected = EXPECTED[single][name][HANDLING_CODES.indexOf(probe.handlingCode)] === 'Y';
        expect(byFunction.get(probe.id)?.[name], `${name}, ${probe.label}`).toBe(expected);
      }
    }
  });

  it('shows the public TLP:CLEAR records only, whatever the distribution', () => {
    for (const probe of probes) {
      expect(byFunction.get(probe.id)?.anonymous, probe.label).toBe(probe.handlingCode === 'TLP:CLEAR');
    }
  });

  it('never answers null: the rule may be negated and compared', async () => {
    const { rows } = await sql<{ nulls: number }>`select count(*)::int as nulls from ${probeTable()}
      where ${visibleTo(VIEWERS['originating unit'], 'r')} is null`.execute(database.db);
    expect(rows[0].nulls).toBe(0);
  });

  it('is inlined by PostgreSQL: plans hold the plain conditions, the public only TLP:CLEAR', async () => {
    const plan = async (viewer: Viewer | null) =>
      (
        await sql<{ 'QUERY PLAN': string }>`explain (costs off) select m.id from messages m
          where ${visibleTo(viewer, 'm')}`.execute(database.db)
      ).rows
        .map((row) => row['QUERY PLAN'])
        .join('\n');
    const publicPlan = await plan(null);
    expect(publicPlan).not.toContain('liaison_visible');
    expect(publicPlan).toMatch(/Filter: \(+(m\.)?handling_code = 'TLP:CLEAR'::text\)+$/m);
    const memberPlan = await plan(VIEWERS['member of the named unit']);
    expect(memberPlan).not.toContain('liaison_visible');
    expect(memberPlan).toContain('recipient_units &&');
    expect(memberPlan).toContain('to_all_partners');
  });

  it('lets each unit see a message exactly as a viewer with that unit and its organisation’s active groups', async () => {
    // The delivery triggers' form (unit_may_see_message), over the demo's messages and units.
    const { rows } = await sql<
      SharedRecordColumns & { unit_id: string; organisation_id: string; groups: string[]; may: boolean }
    >`
      select u.id as unit_id, u.organisation_id,
        array(select g.sharing_group_id from sharing_group_members g join sharing_groups sg on sg.id = g.sharing_group_id
          and sg.active where g.organisation_id = u.organisation_id)::text[] as groups,
        m.handling_code, m.originator_unit_id, m.originator_organisation_id, m.recipient_units, m.recipient_organisations,
        m.recipient_sharing_groups, m.to_all_partners, unit_may_see_message(u.id, u.organisation_id, m) as may
      from messages m cross join units u`.execute(database.db);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.may))).toEqual(new Set([true, false]));
    for (const row of rows) {
      const viewer = { organisationId: row.organisation_id, unitIds: [row.unit_id], sharingGroupIds: row.groups };
      expect(row.may).toBe(isVisibleTo(accessOfRow(row), viewer));
    }
  });
});
