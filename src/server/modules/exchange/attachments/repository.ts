import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';

/**
 * SQL of attachments. An attachment has no visibility of its own: callers reach it only through a
 * message they found with the visibility rule (`findMessage`), or as the uploader of a pending one.
 */

export interface AttachmentRow {
  id: string;
  sha256: string;
  size: number;
  media_type: string;
  declared_type: string | null;
  filename: string;
  uploaded_by: string;
  uploaded_at: Date;
  attached_at: Date | null;
}

export interface NewAttachment {
  sha256: string;
  size: number;
  mediaType: string;
  declaredType: string | null;
  filename: string;
  uploadedBy: string;
}

export async function insertAttachment(db: Db, row: NewAttachment): Promise<AttachmentRow> {
  const result = await sql<AttachmentRow>`insert into attachments (sha256, size, media_type, declared_type, filename, uploaded_by)
    values (${row.sha256}, ${row.size}, ${row.mediaType}, ${row.declaredType}, ${row.filename}, ${row.uploadedBy})
    returning *`.execute(db);
  return result.rows[0];
}

/** One of the user's own uploads not yet attached to a message. */
export async function findPending(db: Db, id: string, userId: string): Promise<AttachmentRow | undefined> {
  const result = await sql<AttachmentRow>`select * from attachments
    where id = ${id} and uploaded_by = ${userId} and attached_at is null`.execute(db);
  return result.rows[0];
}

/**
 * Marks the user's pending uploads as attached and returns the ids it took. One UPDATE, so two
 * sends racing for the same upload cannot both take it (the second re-reads `attached_at`).
 */
export async function claimPending(db: Db, ids: string[], userId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`update attachments set attached_at = now()
    where id = any(${ids}::uuid[]) and uploaded_by = ${userId} and attached_at is null
    returning id`.execute(db);
  return result.rows.map((row) => row.id);
}

/** Links attachments to a message, in the order given. */
export async function link(db: Db, messageId: string, ids: string[]): Promise<void> {
  await sql`insert into message_attachments (message_id, attachment_id, position)
    select ${messageId}, given.id, given.position - 1
    from unnest(${ids}::uuid[]) with ordinality as given (id, position)`.execute(db);
}

/** Links every attachment of one message to another (a forward), keeping their order. */
export async function copyLinks(db: Db, fromMessageId: string, toMessageId: string): Promise<void> {
  await sql`insert into message_attachments (message_id, attachment_id, position)
    select ${toMessageId}, attachment_id, position from message_attachments where message_id = ${fromMessageId}`.execute(db);
}

export async function listForMessages(db: Db, messageIds: string[]) {
  const result = await sql<AttachmentRow & { message_id: string }>`select ma.message_id, a.*
    from message_attachments ma join attachments a on a.id = ma.attachment_id
    where ma.message_id = any(${messageIds}::uuid[])
    order by ma.message_id, ma.position, a.id`.execute(db);
  return result.rows;
}

/** An attachment as linked to one message (the caller has checked the viewer may see the message). */
export async function findLinked(db: Db, messageId: string, attachmentId: string): Promise<AttachmentRow | undefined> {
  const result = await sql<AttachmentRow>`select a.* from message_attachments ma join attachments a on a.id = ma.attachment_id
    where ma.message_id = ${messageId} and ma.attachment_id = ${attachmentId}`.execute(db);
  return result.rows[0];
}
