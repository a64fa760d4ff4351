import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HitList, ScreeningHit, ScreeningWaiting } from '../../../../shared/watchlists/contract.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { IdParams } from '../../../platform/http/schemas.js';
import { DecisionBody, HitListQuery } from './schemas.js';
import * as service from './service.js';

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

/** The review of hits: the screening unit's tasks (`screening.review`; a decision on the unit's own hits). */
export async function reviewRoutes(app: FastifyInstance) {
  const tags = ['watchlists'];
  const review = { policy: 'screening.review' as const };
  app.get(
    '/api/v1/screening/hits',
    {
      config: review,
      schema: {
        tags,
        summary: "Your units' screening hits to review, newest first",
        querystring: HitListQuery,
        response: replies({ 200: HitList }),
      },
    },
    async (request) => service.listHits(actorContext(request), request.query as HitListQuery),
  );
  app.get(
    '/api/v1/screening/waiting',
    {
      config: review,
      schema: {
        tags,
        summary: "What waits on Home: your units' open hits and their lists' entries due for review (no names)",
        response: replies({ 200: ScreeningWaiting }),
      },
    },
    async (request) => service.waiting(actorContext(request)),
  );
  app.get(
    '/api/v1/screening/hits/:id',
    {
      config: review,
      schema: { tags, summary: 'One screening hit of your units', params: IdParams, response: replies({ 200: ScreeningHit }) },
    },
    async (request) => service.getHit(actorContext(request), idOf(request)),
  );
  app.post(
    '/api/v1/screening/hits/:id/decision',
    {
      config: review,
      schema: {
        tags,
        summary: 'Confirm or discard a hit with a reason; a confirmed hit notifies the list owner',
        params: IdParams,
        body: DecisionBody,
        response: replies({ 200: ScreeningHit }),
      },
    },
    async (request) => service.decide(actorContext(request), idOf(request), request.body as DecisionBody),
  );
}
