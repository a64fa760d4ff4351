import { type RawBuilder, sql } from 'kysely';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import type { ResolvedDistribution } from '../../../platform/policy/visibility-filter.js';
import { visibleTo } from '../../../platform/policy/visibility-filter.js';
import { MEETING_DATES } from '../meeting.js';
import type { ItemSnapshot } from './editing.js';
import type { ItemReference } from './tags.js';

/**
 * SQL of the review: every statement that finds a document or an item puts `visibleTo` on the
 * document, so a curator reviews only what the sharing rule lets them see, and a hidden id is a 404.
 * Statements that change positions or several items run after the document row is locked, so two
 * reviewers' merges and splits of one document never interleave.
 */

export interface DocumentSummaryRow {
  id: string;
  title: string;
  process: string;
  meeting_kind: string | null;
  city: string | null;
  country: string | null;
  dates: string[];
  language: string;
  version: number;
  handling_code: string;
  status: 'draft' | 'published';
  revision: number;
  created_at: Date;
  published_at: Date | null;
  draft_items: number;
  published_items: number;
  withdrawn_items: number;
  total: number;
}

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
): Promise<DocumentSummaryRow[]> {
  const status = query.status ? sql`d.status = ${query.status}` : sql`true`;
  const result = await sql<DocumentSummaryRow>`select ${SUMMARY_COLUMNS}, count(*) over ()::int as total
    from knowledge_documents d ${COUNTS}
    where ${visibleTo(viewer, 'd')} and ${status}
    order by d.created_at desc, d.id
    limit ${query.limit ?? 50} offset ${query.offset ?? 0}`.execute(db);
  return result.rows;
}

export interface DocumentRow extends Omit<DocumentSummaryRow, 'total'> {
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
}

/** One document the viewer may see; `lock` takes its row for the rest of the transaction. */
export async function findDocument(db: Db, viewer: Viewer, id: string, lock = false): Promise<DocumentRow | undefined> {
  const result = await sql<DocumentRow>`select ${SUMMARY_COLUMNS}, d.file_name, d.body, d.co_chairs,
      d.originator_unit_id, d.originator_organisation_id, d.recipient_units, d.recipient_organisations,
      d.recipient_sharing_groups, d.to_all_partners, o.name as originator_name,
      d.published_by as published_by_id, p.display_name as published_by_name
    from knowledge_documents d ${COUNTS}
      join organisations o on o.id = d.originator_organisation_id
      left join users p on p.id = d.published_by
    where d.id = ${id} and ${visibleTo(viewer, 'd')}
    ${lock ? sql`for update of d` : sql``}`.execute(db);
  return result.rows[0];
}

export interface RecipientRow {
  kind: 'organisation' | 'sharing_group' | 'unit';
  id: string;
  name: string;
}

/** Names of a document's recipients, for the distribution editor. */
export async function recipientNames(db: Db, document: DocumentRow): Promise<RecipientRow[]> {
  const result = await sql<RecipientRow>`
    select 'organisation' as kind, id, coalesce(acronym || ' – ' || name, name) as name from organisations
      where id = any(${document.recipient_organisations}::uuid[])
    union all
    select 'sharing_group', id, name from sharing_groups where id = any(${document.recipient_sharing_groups}::uuid[])
    union all
    select 'unit', u.id, u.name || ' (' || coalesce(o.acronym, o.name) || ')' from units u
      join organisations o on o.id = u.organisation_id where u.id = any(${document.recipient_units}::uuid[])
    order by 1, 3`.execute(db);
  return result.rows;
}

/** Organisations and sharing groups a document may be distributed to. */
export async function recipientOptions(db: Db): Promise<RecipientRow[]> {
  const result = await sql<RecipientRow>`
    select 'organisation' as kind, id, coalesce(acronym || ' – ' || name, name) as name from organisations where active
    union all
    select 'sharing_group', id, name from sharing_groups where active
    order by 1, 3`.execute(db);
  return result.rows;
}

export interface ItemRow {
  id: string;
  document_id: string;
  position: number;
  type: string;
  text: string;
  line: number | null;
  page: number | null;
  countries: string[];
  organisations: string[];
  themes: string[];
  references: ItemReference[];
  status: ItemSnapshot['status'];
  revision: number;
  updated_at: Date;
}

const ITEM_COLUMNS = sql`i.id, i.document_id, i.position, i.type, i.text, i.line, i.page, i.countries, i.organisations,
  i.themes, i."references", i.status, i.revision, i.updated_at`;

/** Every item of a document, in any status, in document order. */
export async function documentItems(db: Db, documentId: string, lock = false): Promise<ItemRow[]> {
  const result = await sql<ItemRow>`select ${ITEM_COLUMNS} from knowledge_items i
    where i.document_id = ${documentId} order by i.position ${lock ? sql`for update` : sql``}`.execute(db);
  return result.rows;
}

/** One item of a document the viewer may see. */
export async function findItem(db: Db, viewer: Viewer, id: string, lock = false): Promise<ItemRow | undefined> {
  const result = await sql<ItemRow>`select ${ITEM_COLUMNS} from knowledge_items i
      join knowledge_documents d on d.id = i.document_id
    where i.id = ${id} and ${visibleTo(viewer, 'd')}
    ${lock ? sql`for update of i` : sql``}`.execute(db);
  return result.rows[0];
}

const tagValues = (item: ItemSnapshot) => ({
  countries: sql`${item.countries}::text[]`,
  organisations: sql`${item.organisations}::text[]`,
  themes: sql`${item.themes}::text[]`,
  references: sql`${JSON.stringify(item.references)}::jsonb`,
});

/** Writes an item's reviewable fields and moves it to its next revision. */
export async function updateItem(db: Db, id: string, item: ItemSnapshot, placement?: { line: number | null }): Promise<ItemRow> {
  const tags = tagValues(item);
  const line = placement ? sql`, line = ${placement.line}` : sql``;
  const result = await sql<ItemRow>`update knowledge_items as i set type = ${item.type}, text = ${item.text},
      countries = ${tags.countries}, organisations = ${tags.organisations}, themes = ${tags.themes},
      "references" = ${tags.references}, status = ${item.status}, revision = i.revision + 1, updated_at = now() ${line}
    where i.id = ${id} returning ${ITEM_COLUMNS}`.execute(db);
  return result.rows[0];
}

/** Publishes or withdraws items, each to its next revision. */
export async function setItemStatus(db: Db, ids: string[], status: ItemSnapshot['status']): Promise<ItemRow[]> {
  if (ids.length === 0) return [];
  const result = await sql<ItemRow>`update knowledge_items as i set status = ${status}, revision = i.revision + 1,
      updated_at = now()
    where i.id = any(${ids}::uuid[]) returning ${ITEM_COLUMNS}`.execute(db);
  return result.rows;
}

/**
 * Makes room after `position`: every later item moves one place down. Positions are unique per
 * document and PostgreSQL checks that row by row, so they first go negative (distinct, out of the
 * way), then come back one higher.
 */
export async function makeRoomAfter(db: Db, documentId: string, position: number): Promise<void> {
  await sql`update knowledge_items set position = -position - 1
    where document_id = ${documentId} and position > ${position}`.execute(db);
  await sql`update knowledge_items set position = -position
    where document_id = ${documentId} and position < 0`.execute(db);
}

export async function insertItem(
  db: Db,
  documentId: string,
  placement: { position: number; line: number | null; page: number | null },
  item: ItemSnapshot,
): Promise<ItemRow> {
  const tags = tagValues(item);
  const result = await sql<ItemRow>`insert into knowledge_items as i (document_id, position, type, text, line, page,
      countries, organisations, themes, "references", status)
    values (${documentId}, ${placement.position}, ${item.type}, ${item.text}, ${placement.line}, ${placement.page},
      ${tags.countries}, ${tags.organisations}, ${tags.themes}, ${tags.references}, ${item.status})
    returning ${ITEM_COLUMNS}`.execute(db);
  return result.rows[0];
}

export interface NewRevision {
  itemId: string;
  actorUserId: string;
  action: string;
  before: ItemSnapshot | null;
  after: ItemSnapshot | null;
  relatedItemIds?: string[];
}

/** Item revisions in one statement (publishing a document writes one per item). */
export async function insertItemRevisions(db: Db, revisions: NewRevision[]): Promise<void> {
  if (revisions.length === 0) return;
  const rows = revisions.map((revision) => ({ ...revision, relatedItemIds: revision.relatedItemIds ?? [] }));
  await sql`insert into knowledge_item_revisions (item_id, actor_user_id, action, before, after, related_item_ids)
    select r."itemId", r."actorUserId", r.action, r.before, r.after,
      array(select jsonb_array_elements_text(r."relatedItemIds"))::uuid[]
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as r("itemId" uuid, "actorUserId" uuid, action text, before jsonb, after jsonb, "relatedItemIds" jsonb)`.execute(db);
}

export interface DocumentState {
  status: 'draft' | 'published';
  handlingCode: string;
  toAllPartners: boolean;
  recipientOrganisations: string[];
  recipientSharingGroups: string[];
  recipientUnits: string[];
}

export const documentState = (row: DocumentRow): DocumentState => ({
  status: row.status,
  handlingCode: row.handling_code,
  toAllPartners: row.to_all_partners,
  recipientOrganisations: row.recipient_organisations,
  recipientSharingGroups: row.recipient_sharing_groups,
  recipientUnits: row.recipient_units,
});

export async function publishDocument(db: Db, id: string, actorUserId: string): Promise<void> {
  await sql`update knowledge_documents set status = 'published', published_at = coalesce(published_at, now()),
      published_by = ${actorUserId}, revision = revision + 1
    where id = ${id}`.execute(db);
}

export async function updateSharing(db: Db, id: string, handlingCode: string, distribution: ResolvedDistribution): Promise<void> {
  await sql`update knowledge_documents set handling_code = ${handlingCode},
      recipient_units = ${distribution.recipientUnits}::uuid[],
      recipient_organisations = ${distribution.recipientOrganisations}::uuid[],
      recipient_sharing_groups = ${distribution.recipientSharingGroups}::uuid[],
      to_all_partners = ${distribution.toAllPartners}, revision = revision + 1
    where id = ${id}`.execute(db);
}

export async function insertDocumentRevision(
  db: Db,
  revision: { documentId: string; actorUserId: string; action: string; before: DocumentState; after: DocumentState },
): Promise<void> {
  await sql`insert into knowledge_document_revisions (document_id, actor_user_id, action, before, after)
    values (${revision.documentId}, ${revision.actorUserId}, ${revision.action}, ${JSON.stringify(revision.before)}::jsonb,
      ${JSON.stringify(revision.after)}::jsonb)`.execute(db);
}

export interface RevisionRow {
  id: string;
  item_id: string | null;
  at: Date;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  before: unknown;
  after: unknown;
  related_item_ids: string[];
}

const HISTORY_LIMIT = 500;

const itemRevisions = (where: RawBuilder<unknown>) => sql`select 'item:' || r.id as id, r.id as seq, r.item_id, r.at, r.action,
    r.actor_user_id as actor_id, u.display_name as actor_name, r.before, r.after, r.related_item_ids
  from knowledge_item_revisions r left join users u on u.id = r.actor_user_id where ${where}`;

/** The revisions of one item, newest first. */
export async function itemHistory(db: Db, itemId: string): Promise<RevisionRow[]> {
  const result = await sql<RevisionRow>`${itemRevisions(sql`r.item_id = ${itemId}`)}
    order by r.at desc, r.id desc limit ${HISTORY_LIMIT}`.execute(db);
  return result.rows;
}

/** The document's own revisions and those of all its items, newest first (a document change before the item changes it made). */
export async function documentHistory(db: Db, documentId: string): Promise<RevisionRow[]> {
  const result = await sql<RevisionRow>`select * from (
      ${itemRevisions(sql`r.item_id in (select id from knowledge_items where document_id = ${documentId})`)}
      union all
      select 'document:' || r.id, r.id, null, r.at, r.action, r.actor_user_id, u.display_name, r.before, r.after, '{}'::uuid[]
      from knowledge_document_revisions r left join users u on u.id = r.actor_user_id where r.document_id = ${documentId}
    ) h order by h.at desc, h.item_id is null desc, h.seq desc limit ${HISTORY_LIMIT}`.execute(db);
  return result.rows;
}
