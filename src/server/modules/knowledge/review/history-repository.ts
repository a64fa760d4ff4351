import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';

/** The history of items and documents: who changed what, when, before and after. */

/** One revision of an item or of a document, with who made it. */
export interface Revision {
  id: string;
  itemId: string | null;
  at: Date;
  action: string;
  actorId: string | null;
  actorName: string | null;
  before: unknown;
  after: unknown;
  relatedItemIds: string[];
}

interface RevisionRow {
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

const toRevision = (row: RevisionRow): Revision => ({
  id: row.id,
  itemId: row.item_id,
  at: row.at,
  action: row.action,
  actorId: row.actor_id,
  actorName: row.actor_name,
  before: row.before,
  after: row.after,
  relatedItemIds: row.related_item_ids,
});

const HISTORY_LIMIT = 500;

const itemRevisions = (where: RawBuilder<unknown>) => sql`select 'item:' || r.id as id, r.id as seq, r.item_id, r.at, r.action,
    r.actor_user_id as actor_id, u.display_name as actor_name, r.before, r.after, r.related_item_ids
  from knowledge_item_revisions r left join users u on u.id = r.actor_user_id where ${where}`;

/** The revisions of one item, newest first. */
export async function itemHistory(db: Db, itemId: string): Promise<Revision[]> {
  const result = await sql<RevisionRow>`${itemRevisions(sql`r.item_id = ${itemId}`)}
    order by r.at desc, r.id desc limit ${HISTORY_LIMIT}`.execute(db);
  return result.rows.map(toRevision);
}

/** The document's own revisions and those of all its items, newest first (a document change before the item changes it made). */
export async function documentHistory(db: Db, documentId: string): Promise<Revision[]> {
  const result = await sql<RevisionRow>`select * from (
      ${itemRevisions(sql`r.item_id in (select id from knowledge_items where document_id = ${documentId})`)}
      union all
      select 'document:' || r.id, r.id, null, r.at, r.action, r.actor_user_id, u.display_name, r.before, r.after, '{}'::uuid[]
      from knowledge_document_revisions r left join users u on u.id = r.actor_user_id where r.document_id = ${documentId}
    ) h order by h.at desc, h.item_id is null desc, h.seq desc limit ${HISTORY_LIMIT}`.execute(db);
  return result.rows.map(toRevision);
}
