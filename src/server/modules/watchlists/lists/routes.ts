import type { FastifyInstance, FastifyRequest } from 'fastify';
import { WatchlistDetail, WatchlistList } from '../../../../shared/watchlists/contract.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { IdParams } from '../../../platform/http/schemas.js';
import { ArchiveBody, CreateBody, ListQuery, PatchBody } from './schemas.js';
import * as service from './service.js';

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

/**
 * Watch-lists: shared records under a handling code, kept by their owner unit. Reads go through the
 * sharing rule; changes need `watchlist.create` and, on the record, the owner unit (`watchlist.edit`).
 */
export async function watchlistRoutes(app: FastifyInstance) {
  const tags = ['watchlists'];
  const read = { policy: 'watchlist.read' as const };
  const create = { policy: 'watchlist.create' as const };
  app.get(
    '/api/v1/watchlists',
    {
      config: read,
      schema: { tags, summary: 'Watch-lists you may see', querystring: ListQuery, response: replies({ 200: WatchlistList }) },
    },
    async (request) => service.list(actorContext(request), request.query as ListQuery),
  );
  app.post(
    '/api/v1/watchlists',
    {
      config: create,
      schema: {
        tags,
        summary: 'Create a watch-list kept by one of your units',
        body: CreateBody,
        response: replies({ 201: WatchlistDetail }),
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(actorContext(request), request.body as CreateBody)),
  );
  app.get(
    '/api/v1/watchlists/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One watch-list with its distribution',
        params: IdParams,
        response: replies({ 200: WatchlistDetail }),
      },
    },
    async (request) => service.detail(actorContext(request), idOf(request)),
  );
  app.patch(
    '/api/v1/watchlists/:id',
    {
      config: create,
      schema: {
        tags,
        summary: 'Change a watch-list your unit keeps',
        params: IdParams,
        body: PatchBody,
        response: replies({ 200: WatchlistDetail }),
      },
    },
    async (request) => service.patch(actorContext(request), idOf(request), request.body as PatchBody),
  );
  app.post(
    '/api/v1/watchlists/:id/archive',
    {
      config: create,
      schema: {
        tags,
        summary: 'Archive a watch-list your unit keeps (it leaves screening)',
        params: IdParams,
        body: ArchiveBody,
        response: replies({ 200: WatchlistDetail }),
      },
    },
    async (request) => service.archive(actorContext(request), idOf(request), request.body as ArchiveBody),
  );
}
