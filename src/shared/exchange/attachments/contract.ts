import { Type } from '@sinclair/typebox';
import { Id, type Static, Strict } from '../../contract/kit.js';

/** An attachment as a message lists it. */
export const AttachmentSummary = Strict({
  id: Id,
  filename: Type.String(),
  size: Type.Integer({ minimum: 0, description: 'Bytes' }),
  mediaType: Type.String({ description: 'Sniffed by the server from the bytes' }),
});
export type AttachmentSummary = Static<typeof AttachmentSummary>;

/** An upload, answered once stored: the id to list in `attachmentIds` when sending. */
export const UploadedAttachment = Strict({
  ...AttachmentSummary.properties,
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
});
export type UploadedAttachment = Static<typeof UploadedAttachment>;

/** A download: the stored bytes as they were uploaded (never serialised as JSON). */
export const AttachmentFile = Type.String({
  description: 'The file, as `Content-Disposition: attachment` with `nosniff` and a sandbox CSP',
});
