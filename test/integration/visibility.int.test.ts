import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDistribution, visibleTo } from '../../src/server/platform/policy/visibility-filter.js';
import { HANDLING_CODES, type HandlingCode } from '../../src/shared/handling-codes.js';
import { isVisibleTo, type SharedRecordAccess, type Viewer } from '../../src/shared/visibility.js';
import { type DistributionName, EXPECTED as SHARING_TABLE } from '../support/sharing-table.js';
import { openTestDatabase } from '../support/test-database.js';

/**
 * The sharing rules of product.md as a table, checked against both halves of the one visibility
 * rule: the TypeScript predicate and the SQL filter every read path uses.
 *
 * Cast: the originator is a unit of organisation O. Organisation R has the named unit R1 and
 * another unit R2. Sharing group S holds R and G. X is a partner outside S. The platform admin
 * belongs to organisation P (outside S) and to no unit.
 */
const ids = {
  O: randomUUID(),
  originUnit: randomUUID(),
  originOtherUnit: randomUUID(),
  R: randomUUID(),
  R1: randomUUID(),
  R2: randomUUID(),
  G: randomUUID(),
  gUnit: randomUUID(),
  X: randomUUID(),
  xUnit: randomUUID(),
  P: randomUUID(),
  S: randomUUID(),
};

const viewers: Record<string, Viewer | null> = {
  'originating unit': { organisationId: ids.O, unitIds: [ids.originUnit], sharingGroupIds: [] },
  'originator organisation, other unit': { organisationId: ids.O, unitIds: [ids.originOtherUnit], sharingGroupIds: [] },
  'member of the named unit': { organisationId: ids.R, unitIds: [ids.R1], sharingGroupIds: [ids.S] },
  'same organisation, other unit': { organisationId: ids.R, unitIds: [ids.R2], sharingGroupIds: [ids.S] },
  'other organisation in the group': { organisationId: ids.G, unitIds: [ids.gUnit], sharingGroupIds: [ids.S] },
  'organisation outside the group': { organisationId: ids.X, unitIds: [ids.xUnit], sharingGroupIds: [] },
  'platform admin without membership': { organisationId: ids.P, unitIds: [], sharingGroupIds: [] },
  'no session': null,
};

const distributions: Record<
  DistributionName,
  Omit<SharedRecordAccess, 'handlingCode' | 'originatorUnitId' | 'originatorOrganisationId'>
> = {
  'named units': { recipientUnits: [ids.R1], recipientOrganisations: [ids.R], recipientSharingGroups: [], toAllPartners: false },
  organisation: { recipientUnits: [], recipientOrganisations: [ids.R], recipientSharingGroups: [], toAllPartners: false },
  'sharing group': { recipientUnits: [], recipientOrganisations: [], recipientSharingGroups: [ids.S], toAllPartners: false },
  'all partners': { recipientUnits: [], recipientOrganisations: [], recipientSharingGroups: [], toAllPartners: true },
};

// The sharing table of every enforcement test (Y visible, . not), and the public sees TLP:CLEAR only.
const EXPECTED = {} as Record<DistributionName, Record<string, string>>;
for (const [distribution, row] of Object.entries(SHARING_TABLE) as [DistributionName, Record<string, string>][]) {
  EXPECTED[distribution] = { ...row, 'no session': '....Y' };
}

interface Probe extends SharedRecordAccess {
  id: string;
  distribution: DistributionName;
}

const probes: Probe[] = (Object.keys(distributions) as DistributionName[]).flatMap((distribution) =>
  HANDLING_CODES.map((handlingCode: HandlingCode) => ({
    id: randomUUID(),
    distribution,
    handlingCode,
    originatorUnitId: ids.originUnit,
    originatorOrganisationId: ids.O,
    ...distributions[distribution],
  })),
);

let database: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  database = await openTestDatabase();
  // The columns every table of shared records carries (docs/ARCHITECTURE.md).
  await sql`create table visibility_probe (
    id uuid primary key, handling_code text not null, originator_unit_id uuid not null,
    originator_organisation_id uuid not null, recipient_units uuid[] not null,
    recipient_organisations uuid[] not null, recipient_sharing_groups uuid[] not null,
    to_all_partners boolean not null)`.execute(database.db);
  for (const p of probes) {
    await sql`insert into visibility_probe values (${p.id}, ${p.handlingCode}, ${p.originatorUnitId},
      ${p.originatorOrganisationId}, ${p.recipientUnits}::uuid[], ${p.recipientOrganisations}::uuid[],
      ${p.recipientSharingGroups}::uuid[], ${p.toAllPartners})`.execute(database.db);
  }
});
afterAll(() => database.close());

describe('visibility rule: code × distribution × viewer', () => {
  for (const [viewerName, viewer] of Object.entries(viewers)) {
    it(`${viewerName}: the SQL filter, the predicate and product.md agree`, async () => {
      const rows = await sql<{ id: string }>`select id from visibility_probe r where ${visibleTo(viewer, 'r')}`.execute(
        database.db,
      );
      const bySql = new Set(rows.rows.map((row) => row.id));
      for (const probe of probes) {
        const expected = EXPECTED[probe.distribution][viewerName][HANDLING_CODES.indexOf(probe.handlingCode)] === 'Y';
        const where = `${probe.handlingCode} to ${probe.distribution}`;
        expect(isVisibleTo(probe, viewer), `predicate, ${where}`).toBe(expected);
        expect(bySql.has(probe.id), `SQL filter, ${where}`).toBe(expected);
      }
    });
  }

  it('counts through the filter match the table (no leak through aggregates)', async () => {
    const outsider = viewers['organisation outside the group'];
    const result = await sql<{ count: number }>`select count(*)::int as count from visibility_probe r
      where ${visibleTo(outsider, 'r')}`.execute(database.db);
    const expected = probes.filter(
      (p) => EXPECTED[p.distribution]['organisation outside the group'][HANDLING_CODES.indexOf(p.handlingCode)] === 'Y',
    );
    expect(result.rows[0].count).toBe(expected.length);
  });
});

describe('resolveDistribution', () => {
  it('adds the organisations of named units and refuses unknown or inactive targets', async () => {
    const units = await sql<{
      id: string;
      organisation_id: string;
    }>`select id, organisation_id from units order by name limit 2`.execute(database.db);
    const [first, second] = units.rows;
    const resolved = await resolveDistribution(database.db, [
      { kind: 'unit', id: first.id },
      { kind: 'organisation', id: second.organisation_id },
      { kind: 'all_partners' },
    ]);
    expect(resolved.recipientUnits).toEqual([first.id]);
    expect(new Set(resolved.recipientOrganisations)).toEqual(new Set([first.organisation_id, second.organisation_id]));
    expect(resolved.toAllPartners).toBe(true);
    await expect(resolveDistribution(database.db, [{ kind: 'unit', id: randomUUID() }])).rejects.toMatchObject({ status: 422 });
    await sql`update units set active = false where id = ${first.id}`.execute(database.db);
    await expect(resolveDistribution(database.db, [{ kind: 'unit', id: first.id }])).rejects.toMatchObject({ status: 422 });
  });
});
