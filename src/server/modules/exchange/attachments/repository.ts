import { type Selectable, sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import type { Attachments } from '../../../platform/db/schema.js';

/**
 * SQL of attachments. An attachment has no visibility of its own: callers reach it only through a
 * message they found with the visibility rule (`findMessage`), or as the uploader of a pending one.
 */

/** One upload of a file; the bytes are on disk under its sha256. */
export interface Attachment {
  id: string;
  sha256: string;
  size: number;
  /** Sniffed from the bytes; the declared type is kept for the record, never trusted. */
  mediaType: string;
  declaredType: string | null;
  filename: string;
  uploadedBy: string;
  uploadedAt: Date;
  attachedAt: Date | null;
}

const COLUMNS = [
  'a.id',
  'a.sha256',
  'a.size',
  'a.media_type',
  'a.declared_type',
  'a.filename',
  'a.uploaded_by',
  'a.uploaded_at',
  'a.attached_at',
] as const;

const toAttachment = (row: Selectable<Attachments>): Attachment => ({
  id: row.id,
  sha256: row.sha256,
  size: row.size,
  mediaType: row.media_type,
  declaredType: row.declared_type,
  filename: row.filename,
  uploadedBy: row.uploaded_by,
  uploadedAt: row.uploaded_at,
  attachedAt: row.attached_at,
});

export interface NewAttachment {
  sha256: string;
  size: number;
  mediaType: string;
  declaredType: string | null;
  filename: string;
  uploadedBy: string;
}

export async function insertAttachment(db: Db, attachment: NewAttachment): Promise<Attachment> {
  const row = await db
    .insertInto('attachments')
    .values({
      sha256: attachment.sha256,
      size: attachment.size,
      media_type: attachment.mediaType,
      declared_type: attachment.declaredType,
      filename: attachment.filename,
      uploaded_by: attachment.uploadedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAttachment(row);
}

/** One of the user's own uploads not yet attached to a message. */
export async function findPending(db: Db, id: string, userId: string): Promise<Attachment | undefined> {
  const row = await db
    .selectFrom('attachments as a')
    .select(COLUMNS)
    .where('a.id', '=', id)
    .where('a.uploaded_by', '=', userId)
    .where('a.attached_at', 'is', null)
    .executeTakeFirst();
  return row && toAttachment(row);
}

/**
 * Marks the user's pending uploads as attached and returns the ids it took. One UPDATE, so two
 * sends racing for the same upload cannot both take it (the second re-reads `attached_at`).
 */
export async function claimPending(db: Db, ids: string[], userId: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('attachments')
    .set({ attached_at: sql`now()` })
    .where('id', 'in', ids)
    .where('uploaded_by', '=', userId)
    .where('attached_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Links attachments to a message, in the order given. */
export async function link(db: Db, messageId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .insertInto('message_attachments')
    .values(ids.map((id, position) => ({ message_id: messageId, attachment_id: id, position })))
    .execute();
}

/** Links every attachment of one message to another (a forward), keeping their order. */
export async function copyLinks(db: Db, fromMessageId: string, toMessageId: string): Promise<void> {
  await db
    .insertInto('message_attachments')
    .columns(['message_id', 'attachment_id', 'position'])
    .expression((eb) =>
      eb
        .selectFrom('message_attachments')
        .select([eb.val(toMessageId).as('message_id'), 'attachment_id', 'position'])
        .where('message_id', '=', fromMessageId),
    )
    .execute();
}

/** The attachments of each message, in the sender's order. */
export async function listForMessages(db: Db, messageIds: string[]): Promise<{ messageId: string; attachment: Attachment }[]> {
  if (messageIds.length === 0) return [];
  const rows = await db
    .selectFrom('message_attachments as ma')
    .innerJoin('attachments as a', 'a.id', 'ma.attachment_id')
    .select(['ma.message_id', ...COLUMNS])
    .where('ma.message_id', 'in', messageIds)
    .orderBy('ma.message_id')
    .orderBy('ma.position')
    .orderBy('a.id')
    .execute();
  return rows.map((row) => ({ messageId: row.message_id, attachment: toAttachment(row) }));
}

/** An attachment as linked to one message (the caller has checked the viewer may see the message). */
export async function findLinked(db: Db, messageId: string, attachmentId: string): Promise<Attachment | undefined> {
  const row = await db
    .selectFrom('message_attachments as ma')
    .innerJoin('attachments as a', 'a.id', 'ma.attachment_id')
    .select(COLUMNS)
    .where('ma.message_id', '=', messageId)
    .where('ma.attachment_id', '=', attachmentId)
    .executeTakeFirst();
  return row && toAttachment(row);
}
