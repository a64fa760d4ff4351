import { type RawBuilder, sql } from 'kysely';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import type { SharedRecordAccess, Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { type ResolvedDistribution, visibleTo } from '../../../platform/policy/visibility-filter.js';

/**
 * SQL of commitments, their partners, linked recommendations and revisions. Every read of a
 * commitment puts `visibleTo(viewer, 'c')` on it: one the viewer may not see is a missing one (404),
 * in lists, counts and exports alike. Dates come back as text (YYYY-MM-DD) so both drivers agree.
 */

export interface Commitment extends SharedRecordAccess {
  id: string;
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  status: 'active' | 'completed' | 'cancelled';
  statusReason: string | null;
  references: string[];
  revision: number;
  createdAt: Date;
  updatedAt: Date;
  originatorUnitName: string;
  lead: { id: string; name: string; acronym: string | null; country: string | null };
  createdBy: { id: string; name: string } | null;
}

interface Row {
  id: string;
  title: string;
  description: string;
  starts_on: string;
  ends_on: string;
  status: Commitment['status'];
  status_reason: string | null;
  plan_references: string[];
  revision: number;
  created_at: Date;
  updated_at: Date;
  handling_code: HandlingCode;
  originator_unit_id: string;
  originator_unit_name: string;
  originator_organisation_id: string;
  lead_name: string;
  lead_acronym: string | null;
  lead_country: string | null;
  recipient_units: string[];
  recipient_organisations: string[];
  recipient_sharing_groups: string[];
  to_all_partners: boolean;
  created_by: string;
  created_by_name: string | null;
}

const toCommitment = (row: Row): Commitment => ({
  id: row.id,
  title: row.title,
  description: row.description,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  status: row.status,
  statusReason: row.status_reason,
  references: row.plan_references,
  revision: row.revision,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
  handlingCode: row.handling_code,
  originatorUnitId: row.originator_unit_id,
  originatorUnitName: row.originator_unit_name,
  originatorOrganisationId: row.originator_organisation_id,
  lead: { id: row.originator_organisation_id, name: row.lead_name, acronym: row.lead_acronym, country: row.lead_country },
  recipientUnits: row.recipient_units,
  recipientOrganisations: row.recipient_organisations,
  recipientSharingGroups: row.recipient_sharing_groups,
  toAllPartners: row.to_all_partners,
  createdBy: row.created_by_name === null ? null : { id: row.created_by, name: row.created_by_name },
});

const COLUMNS = sql`c.id, c.title, c.description, c.starts_on::text as starts_on, c.ends_on::text as ends_on, c.status,
  c.status_reason, c.plan_references, c.revision, c.created_at, c.updated_at, c.handling_code, c.originator_unit_id,
  un.name as originator_unit_name, c.originator_organisation_id, o.name as lead_name, o.acronym as lead_acronym,
  o.country as lead_country, c.recipient_units, c.recipient_organisations, c.recipient_sharing_groups,
  c.to_all_partners, c.created_by, u.display_name as created_by_name`;
const FROM = sql`commitments c join organisations o on o.id = c.originator_organisation_id
  join units un on un.id = c.originator_unit_id left join users u on u.id = c.created_by`;

export interface NewCommitment {
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  references: string[];
  createdBy: string;
  handlingCode: string;
  originatorUnitId: string;
  originatorOrganisationId: string;
  distribution: ResolvedDistribution;
}

export async function insertCommitment(db: Db, c: NewCommitment): Promise<string> {
  const d = c.distribution;
  const row = await db
    .insertInto('commitments')
    .values({
      title: c.title,
      description: c.description,
      starts_on: c.startsOn,
      ends_on: c.endsOn,
      plan_references: c.references,
      created_by: c.createdBy,
      handling_code: c.handlingCode,
      originator_unit_id: c.originatorUnitId,
      originator_organisation_id: c.originatorOrganisationId,
      recipient_units: d.recipientUnits,
      recipient_organisations: d.recipientOrganisations,
      recipient_sharing_groups: d.recipientSharingGroups,
      to_all_partners: d.toAllPartners,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertPartners(db: Db, commitmentId: string, lead: string, contributors: string[]) {
  await db
    .insertInto('commitment_partners')
    .values([
      { commitment_id: commitmentId, organisation_id: lead, role: 'lead' },
      ...contributors.map((id) => ({ commitment_id: commitmentId, organisation_id: id, role: 'contributor' })),
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function insertRecommendations(db: Db, commitmentId: string, itemIds: string[]) {
  if (itemIds.length === 0) return;
  await db
    .insertInto('commitment_recommendations')
    .values(itemIds.map((item_id) => ({ commitment_id: commitmentId, item_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export interface NewRevision {
  commitmentId: string;
  revision: number;
  actorUserId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason?: string | null;
}

export async function insertRevision(db: Db, r: NewRevision) {
  await db
    .insertInto('commitment_revisions')
    .values({
      commitment_id: r.commitmentId,
      revision: r.revision,
      actor_user_id: r.actorUserId,
      action: r.action,
      before: r.before === null ? null : JSON.stringify(r.before),
      after: r.after === null ? null : JSON.stringify(r.after),
      reason: r.reason ?? null,
    })
    .execute();
}

export async function findCommitment(db: Db, viewer: Viewer | null, id: string): Promise<Commitment | undefined> {
  const result = await sql<Row>`select ${COLUMNS} from ${FROM} where c.id = ${id} and ${visibleTo(viewer, 'c')}`.execute(db);
  return result.rows[0] && toCommitment(result.rows[0]);
}

export interface Filters {
  q?: string;
  organisation?: string;
  reference?: string;
  plan?: string;
  status?: string;
  recommendation?: string;
  /** The viewer's organisation is a partner. */
  partner?: string;
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The WHERE of a filtered read, always with the visibility rule. */
export function where(viewer: Viewer | null, filters: Filters): RawBuilder<unknown> {
  const conditions = [visibleTo(viewer, 'c')];
  if (filters.q) {
    const pattern = `%${likeEscape(filters.q)}%`;
    conditions.push(sql`(c.title ilike ${pattern} or c.description ilike ${pattern})`);
  }
  for (const org of [filters.organisation, filters.partner]) {
    if (org) {
      conditions.push(sql`exists (select 1 from commitment_partners p where p.commitment_id = c.id
        and p.organisation_id = ${org}::uuid)`);
    }
  }
  if (filters.reference) {
    // 'CAP:domain:2' matches itself and anything under it, never 'CAP:domain:20'.
    const under = `${likeEscape(filters.reference)}:%`;
    conditions.push(sql`exists (select 1 from unnest(c.plan_references) r(ref)
      where r.ref = ${filters.reference} or r.ref like ${under})`);
  }
  if (filters.plan) {
    const under = `${likeEscape(filters.plan)}:%`;
    conditions.push(sql`exists (select 1 from unnest(c.plan_references) r(ref) where r.ref like ${under})`);
  }
  if (filters.status) conditions.push(sql`c.status = ${filters.status}`);
  if (filters.recommendation) {
    conditions.push(sql`exists (select 1 from commitment_recommendations cr where cr.commitment_id = c.id
      and cr.item_id = ${filters.recommendation}::uuid)`);
  }
  return sql.join(conditions, sql` and `);
}

/** A page of visible commitments, newest first, and how many there are in all. */
export async function listCommitments(db: Db, viewer: Viewer | null, filters: Filters, limit: number, offset: number) {
  const condition = where(viewer, filters);
  const rows = await sql<Row>`select ${COLUMNS} from ${FROM} where ${condition}
    order by c.created_at desc, c.id desc limit ${limit} offset ${offset}`.execute(db);
  const total = await sql<{ n: number }>`select count(*)::int as n from commitments c where ${condition}`.execute(db);
  return { commitments: rows.rows.map(toCommitment), total: total.rows[0].n };
}

export interface PartnerRow {
  commitmentId: string;
  role: 'lead' | 'contributor';
  organisation: { id: string; name: string; acronym: string | null; country: string | null };
}

/** Partners of commitments the caller has already read through the visibility rule; the lead first. */
export async function partnersOf(db: Db, commitmentIds: string[]): Promise<PartnerRow[]> {
  if (commitmentIds.length === 0) return [];
  const rows = await db
    .selectFrom('commitment_partners as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.commitment_id', 'p.role', 'o.id', 'o.name', 'o.acronym', 'o.country'])
    .where('p.commitment_id', 'in', commitmentIds)
    .orderBy('p.commitment_id')
    .orderBy(sql`p.role = 'lead'`, 'desc')
    .orderBy('o.name')
    .execute();
  return rows.map((row) => ({
    commitmentId: row.commitment_id,
    role: row.role as PartnerRow['role'],
    organisation: { id: row.id, name: row.name, acronym: row.acronym, country: row.country },
  }));
}

/** Active organisations among these ids (partners must be active). */
export async function activeOrganisations(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('organisations').select('id').where('id', 'in', ids).where('active', '=', true).execute();
  return rows.map((row) => row.id);
}

/** The organisation of an active unit. */
export async function unitOrganisation(
  db: Db,
  unitId: string,
): Promise<{ id: string; name: string; organisationId: string } | undefined> {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'organisation_id as organisationId'])
    .where('id', '=', unitId)
    .where('active', '=', true)
    .executeTakeFirst();
}

const PUBLISHED_RECOMMENDATION = (viewer: Viewer | null) =>
  sql`i.type = 'recommendation' and i.status = 'published' and d.status = 'published' and ${visibleTo(viewer, 'd')}`;

/** Of these item ids, those that are published recommendations in documents the viewer may see. */
export async function visibleRecommendationIds(db: Db, viewer: Viewer, itemIds: string[]): Promise<string[]> {
  if (itemIds.length === 0) return [];
  const result = await sql<{ id: string }>`select i.id from knowledge_items i join knowledge_documents d on d.id = i.document_id
    where i.id = any(${itemIds}::uuid[]) and ${PUBLISHED_RECOMMENDATION(viewer)}`.execute(db);
  return result.rows.map((row) => row.id);
}

export interface LinkedRecommendationRow {
  commitmentId: string;
  itemId: string;
  number: string | null;
  text: string;
  document: { id: string; title: string; dates: string[] };
}

/** The recommendations a commitment acts on, as far as the viewer may see them now. */
export async function recommendationsOf(
  db: Db,
  viewer: Viewer | null,
  commitmentIds: string[],
): Promise<LinkedRecommendationRow[]> {
  if (commitmentIds.length === 0) return [];
  const result = await sql<{
    commitment_id: string;
    id: string;
    number: string | null;
    text: string;
    document_id: string;
    title: string;
    dates: string[];
  }>`select cr.commitment_id, i.id, i.number, i.text, d.id as document_id, d.title,
      array(select x::text from unnest(d.dates) x order by x) as dates
    from commitment_recommendations cr join knowledge_items i on i.id = cr.item_id
    join knowledge_documents d on d.id = i.document_id
    where cr.commitment_id = any(${commitmentIds}::uuid[]) and ${PUBLISHED_RECOMMENDATION(viewer)}
    order by d.title, i.position`.execute(db);
  return result.rows.map((row) => ({
    commitmentId: row.commitment_id,
    itemId: row.id,
    number: row.number,
    text: row.text,
    document: { id: row.document_id, title: row.title, dates: row.dates },
  }));
}

/** Whether a library item is a published recommendation the viewer may see (its follow-up page). */
export async function isVisibleRecommendation(db: Db, viewer: Viewer, itemId: string): Promise<boolean> {
  return (await visibleRecommendationIds(db, viewer, [itemId])).length === 1;
}

export interface CommitmentChange {
  title?: string;
  description?: string;
  startsOn?: string;
  endsOn?: string;
  references?: string[];
  status?: string;
  statusReason?: string | null;
  /** New contributors receive the commitment whatever its distribution. */
  addRecipientOrganisations?: string[];
}

/** Applies a change made on `revision`; false when the commitment has moved on since (stale edit). */
export async function updateCommitment(db: Db, id: string, revision: number, change: CommitmentChange): Promise<boolean> {
  const result = await db
    .updateTable('commitments')
    .set({
      ...(change.title !== undefined && { title: change.title }),
      ...(change.description !== undefined && { description: change.description }),
      ...(change.startsOn !== undefined && { starts_on: change.startsOn }),
      ...(change.endsOn !== undefined && { ends_on: change.endsOn }),
      ...(change.references !== undefined && { plan_references: change.references }),
      ...(change.status !== undefined && { status: change.status }),
      ...(change.statusReason !== undefined && { status_reason: change.statusReason }),
      ...(change.addRecipientOrganisations?.length && {
        recipient_organisations: sql`array(select distinct x from unnest(recipient_organisations
          || ${change.addRecipientOrganisations}::uuid[]) x)`,
      }),
      revision: sql`revision + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Marks a commitment as changed through what hangs off it (actions, indicators, measurements). */
export async function touch(db: Db, id: string) {
  await db.updateTable('commitments').set({ updated_at: sql`now()` }).where('id', '=', id).execute();
}

export async function revisionsOf(db: Db, commitmentId: string) {
  const result = await sql<{
    revision: number;
    at: Date;
    actor_user_id: string | null;
    name: string | null;
    action: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    reason: string | null;
  }>`select r.revision, r.at, r.actor_user_id, u.display_name as name, r.action, r.before, r.after, r.reason
    from commitment_revisions r left join users u on u.id = r.actor_user_id
    where r.commitment_id = ${commitmentId} order by r.id`.execute(db);
  return result.rows;
}

/** Active organisations to pick as partners, by name or acronym. */
export async function searchOrganisations(db: Db, q: string | undefined, limit: number) {
  let query = db
    .selectFrom('organisations')
    .select(['id', 'name', 'acronym', 'country'])
    .where('active', '=', true)
    .orderBy('name')
    .limit(limit);
  if (q) {
    const pattern = `%${likeEscape(q)}%`;
    query = query.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('acronym', 'ilike', pattern)]));
  }
  return query.execute();
}
