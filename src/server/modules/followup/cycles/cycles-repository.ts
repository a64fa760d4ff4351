import { sql } from 'kysely';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { visibleTo } from '../../../platform/policy/visibility-filter.js';

/** Review cycles and the commitments they cover. Every read of commitments goes through `visibleTo`. */

export interface Cycle {
  id: string;
  title: string;
  description: string;
  plan: string | null;
  deadline: string;
  status: 'open' | 'closed';
  reviewerOrganisations: string[];
  openedBy: string;
  openedByName: string | null;
  openedUnitId: string;
  openedOrganisationId: string;
  openedAt: Date;
  closedAt: Date | null;
  closingSummary: string | null;
  revision: number;
  commitmentCount: number;
}

interface CycleRow {
  id: string;
  title: string;
  description: string;
  plan: string | null;
  deadline: string;
  status: 'open' | 'closed';
  reviewer_organisations: string[];
  opened_by: string;
  opened_by_name: string | null;
  opened_unit_id: string;
  opened_organisation_id: string;
  opened_at: Date;
  closed_at: Date | null;
  closing_summary: string | null;
  revision: number;
  commitment_count: number;
}

const toCycle = (row: CycleRow): Cycle => ({
  id: row.id,
  title: row.title,
  description: row.description,
  plan: row.plan,
  deadline: row.deadline,
  status: row.status,
  reviewerOrganisations: row.reviewer_organisations,
  openedBy: row.opened_by,
  openedByName: row.opened_by_name,
  openedUnitId: row.opened_unit_id,
  openedOrganisationId: row.opened_organisation_id,
  openedAt: new Date(row.opened_at),
  closedAt: row.closed_at ? new Date(row.closed_at) : null,
  closingSummary: row.closing_summary,
  revision: row.revision,
  commitmentCount: Number(row.commitment_count),
});

const cycleColumns = sql`rc.id, rc.title, rc.description, rc.plan, to_char(rc.deadline, 'YYYY-MM-DD') as deadline,
  rc.status, rc.reviewer_organisations, rc.opened_by, u.display_name as opened_by_name, rc.opened_unit_id,
  un.organisation_id as opened_organisation_id, rc.opened_at, rc.closed_at, rc.closing_summary, rc.revision,
  (select count(*) from review_cycle_commitments rcc where rcc.cycle_id = rc.id)::int as commitment_count`;

export async function findCycle(db: Db, id: string, lock = false): Promise<Cycle | undefined> {
  const result = await sql<CycleRow>`select ${cycleColumns}
    from review_cycles rc join units un on un.id = rc.opened_unit_id left join users u on u.id = rc.opened_by
    where rc.id = ${id} ${lock ? sql`for update of rc` : sql``}`.execute(db);
  return result.rows[0] && toCycle(result.rows[0]);
}

/** The latest cycles, newest first; the service keeps those the viewer is a party to (report.read). */
export async function listCycles(db: Db, status?: string): Promise<Cycle[]> {
  const filter = status ? sql`where rc.status = ${status}` : sql``;
  const result = await sql<CycleRow>`select ${cycleColumns}
    from review_cycles rc join units un on un.id = rc.opened_unit_id left join users u on u.id = rc.opened_by
    ${filter} order by rc.opened_at desc, rc.id desc limit 500`.execute(db);
  return result.rows.map(toCycle);
}

export interface NewCycle {
  title: string;
  description: string;
  plan: string | null;
  deadline: string;
  reviewerOrganisations: string[];
  openedBy: string;
  openedUnitId: string;
  commitmentIds: string[];
}

export async function insertCycle(db: Db, cycle: NewCycle): Promise<string> {
  const row = await db
    .insertInto('review_cycles')
    .values({
      title: cycle.title,
      description: cycle.description,
      plan: cycle.plan,
      deadline: cycle.deadline,
      reviewer_organisations: cycle.reviewerOrganisations,
      opened_by: cycle.openedBy,
      opened_unit_id: cycle.openedUnitId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('review_cycle_commitments')
    .values(cycle.commitmentIds.map((commitmentId) => ({ cycle_id: row.id, commitment_id: commitmentId })))
    .execute();
  return row.id;
}

export async function closeCycle(db: Db, id: string, userId: string, summary: string): Promise<void> {
  await sql`update review_cycles set status = 'closed', closed_at = now(), closed_by = ${userId},
    closing_summary = ${summary}, revision = revision + 1 where id = ${id}`.execute(db);
}

/** The given commitments the viewer may see, with their lead organisation (same answer for missing and hidden). */
export async function visibleCommitmentLeads(
  db: Db,
  viewer: Viewer,
  ids: readonly string[],
): Promise<{ id: string; leadOrganisationId: string }[]> {
  if (ids.length === 0) return [];
  const result = await sql<{ id: string; lead: string }>`select c.id, c.originator_organisation_id as lead
    from commitments c where c.id = any (${[...ids]}::uuid[]) and ${visibleTo(viewer, 'c')}`.execute(db);
  return result.rows.map((row) => ({ id: row.id, leadOrganisationId: row.lead }));
}

/** Organisations among `ids` that exist and are active. */
export async function activeOrganisations(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', 'in', [...ids])
    .where('active', '=', true)
    .execute();
  return rows.map((row) => row.id);
}

export interface OrganisationName {
  id: string;
  name: string;
  acronym: string | null;
  country: string | null;
}

export async function organisationNames(db: Db, ids: readonly string[]): Promise<Map<string, OrganisationName>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'acronym', 'country'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, { id: row.id, name: row.name, acronym: row.acronym, country: row.country }]));
}

/** Ids of the commitments a cycle covers that the viewer may see. */
export async function visibleCycleCommitmentIds(db: Db, viewer: Viewer, cycleId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`select c.id from review_cycle_commitments rcc
    join commitments c on c.id = rcc.commitment_id
    where rcc.cycle_id = ${cycleId} and ${visibleTo(viewer, 'c')} order by c.title, c.id`.execute(db);
  return result.rows.map((row) => row.id);
}

/** Actions of the commitments a cycle covers that the viewer may see, counted by status (the PDF's chart). */
export async function actionStatusCounts(db: Db, viewer: Viewer, cycleId: string): Promise<Record<string, number>> {
  const result = await sql<{ status: string; n: number }>`select a.status, count(*)::int as n
    from review_cycle_commitments rcc join commitments c on c.id = rcc.commitment_id
    join followup_actions a on a.commitment_id = c.id
    where rcc.cycle_id = ${cycleId} and ${visibleTo(viewer, 'c')} group by a.status`.execute(db);
  return Object.fromEntries(result.rows.map((row) => [row.status, Number(row.n)]));
}
