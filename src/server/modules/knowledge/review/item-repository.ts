import { type InferResult, sql } from 'kysely';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { visibleTo } from '../../../platform/policy/visibility-filter.js';
import type { ItemSnapshot } from './editing.js';
import type { ItemReference } from './tags.js';

/** Items under review. Changes to several items run after their document's row is locked (repository.ts). */

/** An item under review, in any status. */
export interface ReviewItem extends ItemSnapshot {
  id: string;
  documentId: string;
  position: number;
  line: number | null;
  number: string | null;
  page: number | null;
  revision: number;
  updatedAt: Date;
}

function selectItems(db: Db) {
  return db
    .selectFrom('knowledge_items as i')
    .select([
      'i.id',
      'i.document_id',
      'i.position',
      'i.type',
      'i.text',
      'i.line',
      'i.number',
      'i.page',
      'i.countries',
      'i.organisations',
      'i.themes',
      'i.references',
      'i.status',
      'i.revision',
      'i.updated_at',
    ]);
}

const ITEM_COLUMNS = [
  'id',
  'document_id',
  'position',
  'type',
  'text',
  'line',
  'number',
  'page',
  'countries',
  'organisations',
  'themes',
  'references',
  'status',
  'revision',
  'updated_at',
] as const;

const toItem = (row: InferResult<ReturnType<typeof selectItems>>[number]): ReviewItem => ({
  id: row.id,
  documentId: row.document_id,
  position: row.position,
  type: row.type,
  text: row.text,
  line: row.line,
  number: row.number,
  page: row.page,
  countries: row.countries,
  organisations: row.organisations,
  themes: row.themes,
  // Written only from checked snapshots (tags.ts) and the ingestion's taggers.
  references: row.references as unknown as ItemReference[],
  status: row.status as ItemSnapshot['status'],
  revision: row.revision,
  updatedAt: row.updated_at,
});

/** Every item of a document, in any status, in document order. */
export async function documentItems(db: Db, documentId: string, lock = false): Promise<ReviewItem[]> {
  const rows = await selectItems(db)
    .where('i.document_id', '=', documentId)
    .orderBy('i.position')
    .$if(lock, (qb) => qb.forUpdate())
    .execute();
  return rows.map(toItem);
}

/** One item of a document the viewer may see. */
export async function findItem(db: Db, viewer: Viewer, id: string, lock = false): Promise<ReviewItem | undefined> {
  const row = await selectItems(db)
    .innerJoin('knowledge_documents as d', 'd.id', 'i.document_id')
    .where('i.id', '=', id)
    .where(visibleTo(viewer, 'd'))
    .$if(lock, (qb) => qb.modifyEnd(sql`for update of i`))
    .executeTakeFirst();
  return row && toItem(row);
}

const itemValues = (item: ItemSnapshot) => ({
  type: item.type,
  text: item.text,
  countries: item.countries,
  organisations: item.organisations,
  themes: item.themes,
  references: JSON.stringify(item.references),
  status: item.status,
});

/** Writes an item's reviewable fields and moves it to its next revision. */
export async function updateItem(
  db: Db,
  id: string,
  item: ItemSnapshot,
  placement?: { line: number | null },
): Promise<ReviewItem> {
  const row = await db
    .updateTable('knowledge_items')
    .set({ ...itemValues(item), line: placement?.line, revision: sql`revision + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .returning(ITEM_COLUMNS)
    .executeTakeFirstOrThrow();
  return toItem(row);
}

/** Publishes or withdraws items, each to its next revision. */
export async function setItemStatus(db: Db, ids: string[], status: ItemSnapshot['status']): Promise<ReviewItem[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('knowledge_items')
    .set({ status, revision: sql`revision + 1`, updated_at: sql`now()` })
    .where('id', 'in', ids)
    .returning(ITEM_COLUMNS)
    .execute();
  return rows.map(toItem);
}

/**
 * Makes room after `position`: every later item moves one place down. Positions are unique per
 * document and PostgreSQL checks that row by row, so they first go negative (distinct, out of the
 * way), then come back one higher.
 */
export async function makeRoomAfter(db: Db, documentId: string, position: number): Promise<void> {
  await db
    .updateTable('knowledge_items')
    .set({ position: sql`-position - 1` })
    .where('document_id', '=', documentId)
    .where('position', '>', position)
    .execute();
  await db
    .updateTable('knowledge_items')
    .set({ position: sql`-position` })
    .where('document_id', '=', documentId)
    .where('position', '<', 0)
    .execute();
}

export async function insertItem(
  db: Db,
  documentId: string,
  placement: { position: number; line: number | null; page: number | null },
  item: ItemSnapshot,
): Promise<ReviewItem> {
  const row = await db
    .insertInto('knowledge_items')
    .values({ document_id: documentId, ...placement, ...itemValues(item) })
    .returning(ITEM_COLUMNS)
    .executeTakeFirstOrThrow();
  return toItem(row);
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
