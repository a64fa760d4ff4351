import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ChangeFeed, EntryChanged, EntryList, WatchlistEntry } from '../../../../shared/watchlists/contract.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { IdParams } from '../../../platform/http/schemas.js';
import { changeFeed } from './changes.js';
import { REKEY_JOB, rekeyJob, scheduleRekey } from './rekey-job.js';
import { REVIEW_JOB, reviewJob, scheduleReview } from './review-job.js';
import { AddBody, AmendBody, ChangesQuery, EntriesQuery, EntryParams, PurposeQuery, RemoveBody, RenewBody } from './schemas.js';
import * as service from './service.js';

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
const paramsOf = (request: FastifyRequest) => request.params as EntryParams;

/**
 * Entries of a watch-list and its change feed. Reads of personal fields state a purpose and are
 * audited; changes are the owner unit's (`watchlist.edit` on the list), each a numbered version.
 */
export async function entryRoutes(app: FastifyInstance) {
  const { db, config } = app.platform;
  app.jobs.handle(REVIEW_JOB, reviewJob(config.publicUrl));
  // The daily review keeps one run waiting in the queue; the first start queues it.
  app.addHook('onReady', async () => scheduleReview(db, null, 0));
  // Entries stored under older blocking rules get the current keys, in the background.
  app.jobs.handle(REKEY_JOB, rekeyJob(app.platform.personalData));
  app.addHook('onReady', async () => scheduleRekey(db));
  const tags = ['watchlists'];
  const read = { policy: 'watchlist.read' as const };
  const edit = { policy: 'watchlist.create' as const };
  app.post(
    '/api/v1/watchlists/:id/entries',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Add an entry to a watch-list your unit keeps',
        params: IdParams,
        body: AddBody,
        response: replies({ 201: EntryChanged }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.add(actorContext(request), idOf(request), request.body as AddBody)),
  );
  app.get(
    '/api/v1/watchlists/:id/entries',
    {
      config: read,
      schema: {
        tags,
        summary: 'Entries of a watch-list (states a purpose; audited)',
        params: IdParams,
        querystring: EntriesQuery,
        response: replies({ 200: EntryList }),
      },
    },
    async (request) => service.listEntries(actorContext(request), idOf(request), request.query as EntriesQuery),
  );
  app.get(
    '/api/v1/watchlists/:id/changes',
    {
      config: read,
      schema: {
        tags,
        summary: 'Changes of a watch-list after a number, oldest first (states a purpose; audited)',
        params: IdParams,
        querystring: ChangesQuery,
        response: replies({ 200: ChangeFeed }),
      },
    },
    async (request) => changeFeed(actorContext(request), idOf(request), request.query as ChangesQuery),
  );
  app.get(
    '/api/v1/watchlists/:id/entries/:entryId',
    {
      config: read,
      schema: {
        tags,
        summary: 'One entry (states a purpose; audited)',
        params: EntryParams,
        querystring: PurposeQuery,
        response: replies({ 200: WatchlistEntry }),
      },
    },
    async (request) => {
      const { id, entryId } = paramsOf(request);
      return service.getEntry(actorContext(request), id, entryId, request.query as PurposeQuery);
    },
  );
  app.patch(
    '/api/v1/watchlists/:id/entries/:entryId',
    {
      config: edit,
      schema: { tags, summary: 'Amend an entry', params: EntryParams, body: AmendBody, response: replies({ 200: EntryChanged }) },
    },
    async (request) => {
      const { id, entryId } = paramsOf(request);
      return service.amend(actorContext(request), id, entryId, request.body as AmendBody);
    },
  );
  app.post(
    '/api/v1/watchlists/:id/entries/:entryId/remove',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Remove an entry (it stops matching at once)',
        params: EntryParams,
        body: RemoveBody,
        response: replies({ 200: EntryChanged }),
      },
    },
    async (request) => {
      const { id, entryId } = paramsOf(request);
      return service.remove(actorContext(request), id, entryId, request.body as RemoveBody);
    },
  );
  app.post(
    '/api/v1/watchlists/:id/entries/:entryId/renew',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Renew an entry: a new review date',
        params: EntryParams,
        body: RenewBody,
        response: replies({ 200: EntryChanged }),
      },
    },
    async (request) => {
      const { id, entryId } = paramsOf(request);
      return service.renew(actorContext(request), id, entryId, request.body as RenewBody);
    },
  );
}
