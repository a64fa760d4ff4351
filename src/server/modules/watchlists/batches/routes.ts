import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BatchList, BatchResults, ScreeningBatch } from '../../../../shared/watchlists/contract.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { IdParams, Strict } from '../../../platform/http/schemas.js';
import { batchJob } from './job.js';
import * as service from './service.js';
import { receiveBatch } from './upload.js';

const PageQuery = (max: number) =>
  Strict({
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: max })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  });
const BatchListQuery = PageQuery(100);
const ResultsQuery = PageQuery(1000);

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

/**
 * Batch screening from a CSV file: the upload is answered 202 at once, a background job screens
 * the lines while the caller follows the progress. Multipart parsing is registered in this plugin
 * only, so no other screening route accepts multipart bodies.
 */
export async function batchRoutes(app: FastifyInstance) {
  await app.register(multipart);
  app.jobs.handle(service.BATCH_JOB_KIND, batchJob(app.platform));
  const tags = ['watchlists'];
  const run = { policy: 'screening.run' as const };

  app.post(
    '/api/v1/screening/batches',
    {
      config: run,
      schema: {
        tags,
        summary: 'Screen the names of a CSV file in the background',
        description:
          'multipart/form-data: `purpose` (3–500 characters, audited), optional `unitId` (one of your units), and one ' +
          '`file`: UTF-8 CSV, `,` or `;` separated, a header line naming its columns among name, birth_year, nationality, ' +
          'sex, reference (`name` required), at most 2 MB and 10,000 lines. Answers 202 with the batch; follow it at ' +
          '`GET /api/v1/screening/batches/:id`. Lines with wrong values are reported by line number, the others screened.',
        response: replies({ 202: ScreeningBatch }),
      },
    },
    async (request, reply) => {
      const upload = await receiveBatch(request);
      const created = await service.createBatch(actorContext(request), upload);
      app.jobs.wake();
      return reply.code(202).header('location', `/api/v1/screening/batches/${created.id}`).send(created);
    },
  );
  app.get(
    '/api/v1/screening/batches',
    {
      config: run,
      schema: {
        tags,
        summary: "Your units' batches, newest first",
        querystring: BatchListQuery,
        response: replies({ 200: BatchList }),
      },
    },
    async (request) => service.listBatches(actorContext(request), request.query as service.Page),
  );
  app.get(
    '/api/v1/screening/batches/:id',
    {
      config: run,
      schema: {
        tags,
        summary: 'One batch: status, progress and the lines reported',
        params: IdParams,
        response: replies({ 200: ScreeningBatch }),
      },
    },
    async (request) => service.getBatch(actorContext(request), idOf(request)),
  );
  app.get(
    '/api/v1/screening/batches/:id/results',
    {
      config: run,
      schema: {
        tags,
        summary: 'The screened lines of a batch, in file order: candidates, hits and best score per line (no names)',
        params: IdParams,
        querystring: ResultsQuery,
        response: replies({ 200: BatchResults }),
      },
    },
    async (request) => service.batchResults(actorContext(request), idOf(request), request.query as service.Page),
  );
}
