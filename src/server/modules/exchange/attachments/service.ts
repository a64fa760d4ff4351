import type { FastifyRequest } from 'fastify';
import { ATTACHMENT_PROBLEMS } from '../../../../shared/exchange/attachments/problems.js';
import type { ActorContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { notFound, problem } from '../../../platform/errors.js';
import { findMessage } from '../messages/repository.js';
import * as repo from './repository.js';
import { sniffFile } from './sniff.js';
import { discard, keep, openBlob, receiveFile, type UploadLimit } from './store.js';

/**
 * Attachments: upload first (the file is the uploader's own until a message they send takes it),
 * then attach on send; downloads follow the visibility of the message and are all audited.
 */

export interface AttachmentSummary {
  id: string;
  filename: string;
  size: number;
  mediaType: string;
}

const toSummary = (row: repo.Attachment): AttachmentSummary => ({
  id: row.id,
  filename: row.filename,
  size: row.size,
  mediaType: row.mediaType,
});

/**
 * Streams, sniffs and stores one uploaded file; answers what the compose form shows. Follow-up
 * evidence is uploaded here too, with its own (smaller) limit.
 */
export async function upload(ctx: ActorContext, request: FastifyRequest, limit?: UploadLimit) {
  const file = await receiveFile(request, ctx.config.dataDir, limit);
  let mediaType: string;
  try {
    mediaType = await sniffFile(file.tempPath, file.fileName);
  } catch (error) {
    await discard(file.tempPath);
    throw error;
  }
  // On disk before the row exists, so no row ever names missing bytes.
  await keep(ctx.config.dataDir, file);
  const row = await ctx.audited(
    (trx) =>
      repo.insertAttachment(trx, {
        sha256: file.sha256,
        size: file.size,
        mediaType,
        declaredType: file.declaredType,
        filename: file.fileName,
        uploadedBy: ctx.actor.userId,
      }),
    (row) => ({
      action: 'attachment.upload',
      outcome: 'success',
      targetType: 'attachment',
      targetId: row.id,
      details: { sha256: row.sha256, size: row.size, mediaType, declaredType: file.declaredType },
    }),
  );
  return { ...toSummary(row), sha256: row.sha256 };
}

/**
 * For the messages service, inside its send transaction: every id must be one of the sender's own
 * uploads not yet attached, else the whole send is refused (the transaction rolls back, the uploads
 * stay pending).
 */
export async function attachUploads(trx: Db, input: { messageId: string; attachmentIds: string[]; userId: string }) {
  if (input.attachmentIds.length === 0) return;
  const claimed = await repo.claimPending(trx, input.attachmentIds, input.userId);
  if (claimed.length !== new Set(input.attachmentIds).size) {
    throw problem(
      ATTACHMENT_PROBLEMS,
      'attachment-not-yours',
      'Attach only files you uploaded yourself and have not attached to another message; nothing was sent.',
    );
  }
  await repo.link(trx, input.messageId, input.attachmentIds);
}

/** The attachments of messages the caller has already found through the visibility rule. */
export async function attachmentsOf(db: Db, messageIds: string[]): Promise<Map<string, AttachmentSummary[]>> {
  const byMessage = new Map<string, AttachmentSummary[]>();
  if (messageIds.length === 0) return byMessage;
  for (const { messageId, attachment } of await repo.listForMessages(db, messageIds)) {
    const list = byMessage.get(messageId) ?? [];
    list.push(toSummary(attachment));
    byMessage.set(messageId, list);
  }
  return byMessage;
}

/** A forward carries the original's attachments: new links to the same stored bytes. */
export async function linkAttachments(trx: Db, fromMessageId: string, toMessageId: string) {
  await repo.copyLinks(trx, fromMessageId, toMessageId);
}

const NOT_FOUND = () => notFound('attachment');

/** Opens the bytes, then writes the audit row; a failed audit sends nothing. */
export async function openAudited<R extends Pick<repo.Attachment, 'id' | 'sha256'>>(
  ctx: ActorContext,
  row: R,
  details: Record<string, unknown>,
) {
  const blob = await openBlob(ctx.config.dataDir, row.sha256);
  try {
    await ctx.audit({ action: 'attachment.download', outcome: 'success', targetType: 'attachment', targetId: row.id, details });
  } catch (error) {
    blob.stream.destroy();
    throw error;
  }
  return { row, ...blob };
}

/**
 * An attachment of a message the viewer may see. A message they may not see, a missing one, and an
 * attachment not linked to it are the same 404. Every download is audited, whatever the code.
 */
export async function download(ctx: ActorContext, messageId: string, attachmentId: string) {
  const message = await findMessage(ctx.db, ctx.viewer, messageId);
  if (!message) throw NOT_FOUND();
  const row = await repo.findLinked(ctx.db, message.id, attachmentId);
  if (!row) throw NOT_FOUND();
  return openAudited(ctx, row, { messageId: message.id, sha256: row.sha256, handlingCode: message.handlingCode });
}

/** The uploader's own pending upload (to check it before sending); anyone else gets 404. */
export async function downloadPending(ctx: ActorContext, attachmentId: string) {
  const row = await repo.findPending(ctx.db, attachmentId, ctx.actor.userId);
  if (!row) throw NOT_FOUND();
  return openAudited(ctx, row, { messageId: null, sha256: row.sha256, pending: true });
}
