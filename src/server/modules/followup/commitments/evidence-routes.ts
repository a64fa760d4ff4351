import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { AttachmentFile } from '../../../../shared/exchange/attachments/contract.js';
import { EvidenceUpload } from '../../../../shared/followup/contract.js';
import { MAX_EVIDENCE_BYTES } from '../../../../shared/followup/vocabulary.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { IdParams } from '../../../platform/http/schemas.js';
import { setDownloadHeaders } from '../../exchange/attachments/headers.js';
import { downloadEvidence, uploadEvidence } from './evidence-service.js';

/**
 * Evidence files of measurements: upload one (then name it in a measurement), and download it through
 * the measurement's commitment. Multipart is registered in this plugin only.
 */
export async function evidenceRoutes(app: FastifyInstance) {
  await app.register(multipart);
  const tags = ['followup'];
  app.post(
    '/api/v1/followup/evidence',
    {
      config: { policy: 'commitment.create' },
      // The part is streamed to disk with its own 10 MB limit; this only lets the form through.
      bodyLimit: MAX_EVIDENCE_BYTES + 1024 * 1024,
      schema: {
        tags,
        summary: 'Upload one evidence file, to name in a measurement',
        description:
          'multipart/form-data with one file in the field `file`, at most 10 MB. The type is sniffed from the bytes; ' +
          'programs and scripts are refused (415). Answers 201 with the id to give as `evidence.attachmentId`.',
        response: replies({ 201: EvidenceUpload }),
      },
    },
    async (request, reply) => reply.code(201).send(await uploadEvidence(actorContext(request), request)),
  );
  app.get(
    '/api/v1/followup/measurements/:id/evidence',
    {
      config: { policy: 'followup.read' },
      // A HEAD would write a download's audit row without sending anything.
      exposeHeadRoute: false,
      schema: {
        tags,
        summary: 'Download the evidence file of a measurement you may see',
        params: IdParams,
        response: replies({ 200: AttachmentFile }),
      },
    },
    async (request, reply) => {
      const { row, size, stream } = await downloadEvidence(actorContext(request), (request.params as { id: string }).id);
      setDownloadHeaders(reply, { filename: row.filename, mediaType: row.mediaType, size });
      return reply.send(stream);
    },
  );
}
