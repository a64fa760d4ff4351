import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AttachmentFile, UploadedAttachment } from '../../../../shared/exchange/attachments/contract.js';
import { MAX_ATTACHMENT_BYTES } from '../../../../shared/exchange/attachments/limits.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { Id, IdParams } from '../../../platform/http/schemas.js';
import { setDownloadHeaders } from './headers.js';
import * as service from './service.js';

const DownloadParams = Type.Object({ messageId: Id, attachmentId: Id }, { additionalProperties: false });

/**
 * Attachments of messages: upload (then attach by id when sending), download through a message the
 * viewer may see, and the uploader's own look at a pending upload. Multipart is registered here
 * only, so no other route of this area accepts multipart bodies.
 */
export async function attachmentRoutes(app: FastifyInstance) {
  await app.register(multipart);
  const tags = ['messages'];

  app.post(
    '/api/v1/attachments',
    {
      config: { policy: 'attachment.upload' },
      // The parts are streamed to disk with their own 25 MB limit; this only lets the form through.
      bodyLimit: MAX_ATTACHMENT_BYTES + 1024 * 1024,
      schema: {
        tags,
        summary: 'Upload one file to attach to a message you are about to send',
        description:
          'multipart/form-data with one file in the field `file`, at most 25 MB. The type is sniffed from the bytes; ' +
          'programs and scripts are refused (415). Answers 201 with the id to list in `attachmentIds` when sending.',
        response: replies({ 201: UploadedAttachment }),
      },
    },
    async (request, reply) => reply.code(201).send(await service.upload(actorContext(request), request)),
  );

  app.get(
    '/api/v1/attachments/:id',
    {
      config: { policy: 'attachment.upload' },
      // A HEAD would write a download's audit row without sending anything.
      exposeHeadRoute: false,
      schema: {
        tags,
        summary: 'Your own upload, before it is attached to a message',
        params: IdParams,
        // The bytes are streamed as stored, never serialised from a schema.
        response: replies({ 200: AttachmentFile }),
      },
    },
    async (request, reply) => {
      const { row, size, stream } = await service.downloadPending(actorContext(request), (request.params as { id: string }).id);
      setDownloadHeaders(reply, { filename: row.filename, mediaType: row.mediaType, size });
      return reply.send(stream);
    },
  );

  app.get(
    '/api/v1/messages/:messageId/attachments/:attachmentId',
    {
      config: { policy: 'message.read' },
      exposeHeadRoute: false,
      schema: {
        tags,
        summary: 'Download an attachment of a message you may see',
        params: DownloadParams,
        response: replies({ 200: AttachmentFile }),
      },
    },
    async (request, reply) => {
      const { messageId, attachmentId } = request.params as { messageId: string; attachmentId: string };
      const { row, size, stream } = await service.download(actorContext(request), messageId, attachmentId);
      setDownloadHeaders(reply, { filename: row.filename, mediaType: row.mediaType, size });
      return reply.send(stream);
    },
  );
}
