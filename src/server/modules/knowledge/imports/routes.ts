import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { ImportDetail, ImportPage } from '../../../../shared/knowledge/imports/contract.js';
import { ReviewDocument } from '../../../../shared/knowledge/review/contract.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { IdParams } from '../../../platform/http/schemas.js';
import type { Wire } from '../../../platform/http/wire.js';
import { replaceDocument } from '../review/discard.js';
import { ReplaceQuery } from '../review/schemas.js';
import { IMPORT_JOB_KIND, importJob } from './job.js';
import { ImportListQuery } from './schemas.js';
import * as service from './service.js';
import { receiveUpload } from './upload.js';

/**
 * Imports of outcome documents by the secretariat's curators: upload (answered 202 at once), then a
 * background job ingests the files while the caller follows each file's progress.
 * Multipart parsing is registered here only, so no other route accepts multipart bodies.
 */
export async function knowledgeImportRoutes(app: FastifyInstance) {
  await app.register(multipart);
  app.jobs.handle(IMPORT_JOB_KIND, importJob);
  const tags = ['knowledge'];

  app.post(
    '/api/v1/knowledge/imports',
    {
      config: { policy: 'knowledge.curate' },
      schema: {
        tags,
        summary: 'Upload documents to ingest in the background',
        description:
          'multipart/form-data: `files` (1–20 .txt/.md/.pdf/.docx files, 20 MB each), `handlingCode` (TLP:RED…TLP:CLEAR), ' +
          '`distribution` (repeatable: all_partners, organisation:<id>, sharing_group:<id>, unit:<id>), `publish` (true/false, ' +
          'default false: the documents wait for review). Answers 202 with the import and its files.',
        response: replies({ 202: ImportDetail }),
      },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      const upload = await receiveUpload(request);
      try {
        const created: Wire<ImportDetail> = await service.createImport(ctx, upload);
        app.jobs.wake();
        return reply.code(202).header('location', `/api/v1/knowledge/imports/${created.id}`).send(created);
      } finally {
        await upload.discard();
      }
    },
  );
  // Here rather than with the review's routes: only this plugin reads multipart bodies.
  app.post(
    '/api/v1/knowledge/review/documents/:id/replace',
    {
      config: { policy: 'document.replace' },
      schema: {
        tags: ['knowledge review'],
        summary: 'Replace a draft document by another file, read at once as its next version',
        description:
          'multipart/form-data with one `files` part. The old draft is discarded (kept in history); answers 201 with ' +
          'the new version, or the reason the file was refused.',
        params: IdParams,
        querystring: ReplaceQuery,
        response: replies({ 201: ReviewDocument }),
      },
    },
    async (request, reply) => {
      const upload = await receiveUpload(request);
      try {
        const { id } = request.params as { id: string };
        const { revision } = request.query as ReplaceQuery;
        const created: Wire<ReviewDocument, 'displayName' | 'before' | 'after'> = await replaceDocument(
          actorContext(request),
          id,
          revision,
          upload,
        );
        return reply.code(201).header('location', `/api/v1/knowledge/review/documents/${created.id}`).send(created);
      } finally {
        await upload.discard();
      }
    },
  );
  app.get(
    '/api/v1/knowledge/imports',
    {
      config: { policy: 'knowledge.curate' },
      schema: {
        tags,
        summary: 'Recent imports, newest first',
        querystring: ImportListQuery,
        response: replies({ 200: ImportPage }),
      },
    },
    async (request): Promise<Wire<ImportPage>> => service.listImports(actorContext(request), request.query as ImportListQuery),
  );
  app.get(
    '/api/v1/knowledge/imports/:id',
    {
      config: { policy: 'knowledge.curate' },
      schema: {
        tags,
        summary: 'One import: status, progress and outcome of each file',
        params: IdParams,
        response: replies({ 200: ImportDetail }),
      },
    },
    async (request): Promise<Wire<ImportDetail>> =>
      service.getImport(actorContext(request), (request.params as { id: string }).id),
  );
}
