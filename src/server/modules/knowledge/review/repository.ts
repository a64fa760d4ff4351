import { sql } from 'kysely';
import type { DocumentStatus } from '../../../../shared/knowledge/kinds.js';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import type { ResolvedDistribution } from '../../../platform/policy/visibility-filter.js';
import { visibleTo } from '../../../platform/policy/visibility-filter.js';
import { listPage, type Page } from '../../administration/listing.js';
import type { Meeting } from '../meeting.js';
import { MEETING_DATES, type MeetingRow, meetingOf } from '../meeting-repository.js';

export * from './history-repository.js';
export * from './item-repository.js';

/**
 * SQL of the review: every statement that finds a document or an item puts `visibleTo` on the
 * document, so a curator reviews only what the sharing rule lets them see, and a hidden id is a 404.
 * Statements that change positions or several items run after the document row is locked, so two
 * reviewers' merges and splits of one document never interleave.
 */

/** A document in the review list: its meeting, state and how many items it has in each status. */
export interface ReviewDocumentSummary extends Meeting {
  id: string;
  language: string;
  version: number;
  handlingCode: string;
  status: DocumentStatus;
  revision: number;
  createdAt: Date;
  publishedAt: Date | null;
  draftItems: number;
  publishedItems: number;
  withdrawnItems: number;
}

interface DocumentSummaryRow extends MeetingRow {
  id: string;
  language: string;
  version: number;
  handling_code: string;
  status: DocumentStatus;
  revision: number;
  created_at: Date;
  published_at: Date | null;
  draft_items: number;
  published_items: number;
  withdrawn_items: number;
}

const toSummary = (row: DocumentSummaryRow): ReviewDocumentSummary => ({
  id: row.id,
  ...meetingOf(row),
  language: row.language,
  version: row.version,
  handlingCode: row.handling_code,
  status: row.status,
  revision: row.revision,
  createdAt: row.created_at,
  publishedAt: row.published_at,
  draftItems: row.draft_items,
  publishedItems: row.published_items,
  withdrawnItems: row.withdrawn_items,
});

const SUMMARY_COLUMNS = sql`d.id, d.title, d.process, d.meeting_kind, d.city, d.country, ${MEETING_DATES} as dates, d.language,
  d.version, d.handling_code, d.status, d.revision, d.created_at, d.published_at,
  c.draft_items, c.published_items, c.withdrawn_items`;

const COUNTS = sql`cross join lateral (select count(*) filter (where i.status = 'draft')::int as draft_items,
    count(*) filter (where i.status = 'published')::int as published_items,
    count(*) filter (where i.status = 'withdrawn')::int as withdrawn_items
  from knowledge_items i where i.document_id = d.id) c`;

export async function listDocuments(
  db: Db,
  viewer: Viewer,
  query: { status?: string; limit?: number; offset?: number },
): Promise<Page<ReviewDocumentSummary>> {
  return listPage(query, (q: typeof query) => fetchDocuments(db, viewer, q), toSummary);
}

async function fetchDocuments(db: Db, viewer: Viewer, query: { status?: string; limit?: number; offset?: number }) {
  // Discarded documents leave the review list; they are listed only when asked for by name.
  const status = query.status ? sql`d.status = ${query.status}` : sql`d.status <> 'discarded'`;
  const result = await sql<DocumentSummaryRow & { total: number }>`select ${SUMMARY_COLUMNS}, count(*) over ()::int as total
    from knowledge_documents d ${COUNTS}
    where ${visibleTo(viewer, 'd')} and ${status}
    order by d.created_at desc, d.id
    limit ${query.limit ?? 50} offset ${query.offset ?? 0}`.execute(db);
  return result.rows;
}

/** A document under review, with its text, sharing and who published it. */
export interface ReviewDocument extends ReviewDocumentSummary {
  fileName: string;
  body: string;
  coChairs: string[];
  originatorUnitId: string | null;
  originatorOrganisationId: string;
  recipientUnits: string[];
  recipientOrganisations: string[];
  recipientSharingGroups: string[];
  toAllPartners: boolean;
  originatorName: string;
  publishedById: string | null;
  publishedByName: string | null;
  previousVersionId: string | null;
  /** The next version, when a newer file replaced this one. */
  nextVersionId: string | null;
  discardedAt: Date | null;
  discardedById: string | null;
  discardedByName: string | null;
  discardReason: string | null;
}

interface DocumentRow extends DocumentSummaryRow {
  file_name: string;
  body: string;
  co_chairs: string[];
  originator_unit_id: string | null;
  originator_organisation_id: string;
  recipient_units: string[];
  recipient_organisations: string[];
  recipient_sharing_groups: string[];
  to_all_partners: boolean;
  originator_name: string;
  published_by_id: string | null;
  published_by_name: string | null;
  previous_version_id: string | null;
  next_version_id: string | null;
  discarded_at: Date | null;
  discarded_by_id: string | null;
  discarded_by_name: string | null;
  discard_reason: string | null;
}

/** One document the viewer may see; `lock` takes its row for the rest of the transaction. */
export async function findDocument(db: Db, viewer: Viewer, id: string, lock = false): Promise<ReviewDocument | undefined> {
  const result = await sql<DocumentRow>`select ${SUMMARY_COLUMNS}, d.file_name, d.body, d.co_chairs,
      d.originator_unit_id, d.originator_organisation_id, d.recipient_units, d.recipient_organisations,
      d.recipient_sharing_groups, d.to_all_partners, o.name as originator_name,
      d.published_by as published_by_id, p.display_name as published_by_name, d.previous_version_id,
      (select n.id from knowledge_documents n where n.previous_version_id = d.id order by n.version desc limit 1)
        as next_version_id,
      d.discarded_at, d.discarded_by as discarded_by_id, x.display_name as discarded_by_name, d.discard_reason
    from knowledge_documents d ${COUNTS}
      join organisations o on o.id = d.originator_organisation_id
      left join users p on p.id = d.published_by
      left join users x on x.id = d.discarded_by
    where d.id = ${id} and ${visibleTo(viewer, 'd')}
    ${lock ? sql`for update of d` : sql``}`.execute(db);
  const row = result.rows[0];
  return (
    row && {
      ...toSummary(row),
      fileName: row.file_name,
      body: row.body,
      coChairs: row.co_chairs,
      originatorUnitId: row.originator_unit_id,
      originatorOrganisationId: row.originator_organisation_id,
      recipientUnits: row.recipient_units,
      recipientOrganisations: row.recipient_organisations,
      recipientSharingGroups: row.recipient_sharing_groups,
      toAllPartners: row.to_all_partners,
      originatorName: row.originator_name,
      publishedById: row.published_by_id,
      publishedByName: row.published_by_name,
      previousVersionId: row.previous_version_id,
      nextVersionId: row.next_version_id,
      discardedAt: row.discarded_at,
      discardedById: row.discarded_by_id,
      discardedByName: row.discarded_by_name,
      discardReason: row.discard_reason,
    }
  );
}

export interface Recipient {
  kind: 'organisation' | 'sharing_group' | 'unit';
  id: string;
  name: string;
}

/** Names of a document's recipients, for the distribution editor. */
export async function recipientNames(db: Db, document: ReviewDocument): Promise<Recipient[]> {
  const result = await sql<Recipient>`
    select 'organisation' as kind, id, coalesce(acronym || ' – ' || name, name) as name from organisations
      where id = any(${document.recipientOrganisations}::uuid[])
    union all
    select 'sharing_group', id, name from sharing_groups where id = any(${document.recipientSharingGroups}::uuid[])
    union all
    select 'unit', u.id, u.name || ' (' || coalesce(o.acronym, o.name) || ')' from units u
      join organisations o on o.id = u.organisation_id where u.id = any(${document.recipientUnits}::uuid[])
    order by 1, 3`.execute(db);
  return result.rows;
}

/** Organisations and sharing groups a document may be distributed to. */
export async function recipientOptions(db: Db): Promise<Recipient[]> {
  const result = await sql<Recipient>`
    select 'organisation' as kind, id, coalesce(acronym || ' – ' || name, name) as name from organisations where active
    union all
    select 'sharing_group', id, name from sharing_groups where active
    order by 1, 3`.execute(db);
  return result.rows;
}

export interface DocumentState {
  status: DocumentStatus;
  handlingCode: string;
  toAllPartners: boolean;
  recipientOrganisations: string[];
  recipientSharingGroups: string[];
  recipientUnits: string[];
}

export const documentState = (document: ReviewDocument): DocumentState => ({
  status: document.status,
  handlingCode: document.handlingCode,
  toAllPartners: document.toAllPartners,
  recipientOrganisations: document.recipientOrganisations,
  recipientSharingGroups: document.recipientSharingGroups,
  recipientUnits: document.recipientUnits,
});

export async function publishDocument(db: Db, id: string, actorUserId: string): Promise<void> {
  await db
    .updateTable('knowledge_documents')
    .set({
      status: 'published',
      published_at: sql`coalesce(published_at, now())`,
      published_by: actorUserId,
      revision: sql`revision + 1`,
    })
    .where('id', '=', id)
    .execute();
}

export async function documentStatus(db: Db, id: string): Promise<DocumentStatus | undefined> {
  const row = await db.selectFrom('knowledge_documents').select('status').where('id', '=', id).executeTakeFirst();
  return row?.status as DocumentStatus | undefined;
}

/** Marks a draft discarded: its row, items and history stay; it leaves the review list. */
export async function discardDocument(db: Db, id: string, actorUserId: string, reason: string): Promise<void> {
  await db
    .updateTable('knowledge_documents')
    .set({
      status: 'discarded',
      discarded_at: sql`now()`,
      discarded_by: actorUserId,
      discard_reason: reason,
      revision: sql`revision + 1`,
    })
    .where('id', '=', id)
    .execute();
}

export async function updateSharing(db: Db, id: string, handlingCode: string, distribution: ResolvedDistribution): Promise<void> {
  await db
    .updateTable('knowledge_documents')
    .set({
      handling_code: handlingCode,
      recipient_units: distribution.recipientUnits,
      recipient_organisations: distribution.recipientOrganisations,
      recipient_sharing_groups: distribution.recipientSharingGroups,
      to_all_partners: distribution.toAllPartners,
      revision: sql`revision + 1`,
    })
    .where('id', '=', id)
    .execute();
}

export async function insertDocumentRevision(
  db: Db,
  revision: { documentId: string; actorUserId: string; action: string; before: DocumentState; after: DocumentState },
): Promise<void> {
  await db
    .insertInto('knowledge_document_revisions')
    .values({
      document_id: revision.documentId,
      actor_user_id: revision.actorUserId,
      action: revision.action,
      before: JSON.stringify(revision.before),
      after: JSON.stringify(revision.after),
    })
    .execute();
}
