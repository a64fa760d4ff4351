import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  BestInterestsList,
  BestInterestsStepReply,
  Consent,
  ConsentList,
  QuestionnaireReply,
  Screening,
  ScreeningList,
  WithdrawnConsent,
} from '../../../../shared/referral/screening-contract.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { IdParams } from '../../../platform/http/schemas.js';
import * as consents from './consent-service.js';
import { BestInterestsBody, ConsentBody, QuestionnaireQuery, ScreeningBody, WithdrawBody } from './schemas.js';
import * as screenings from './service.js';

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
const BASE = '/api/v1';

/**
 * Screening, consent and the best-interests procedure of a case. The routes let case workers and
 * supervisors in (`case.read`); the services judge each case: readers of its summary list, its
 * owner unit's case workers change (`case.edit`; a closed case is read-only).
 */
export async function screeningRoutes(app: FastifyInstance) {
  const tags = ['referral'];
  const config = { policy: 'case.read' as const };

  app.get(
    `${BASE}/screening/questionnaire`,
    {
      config,
      schema: {
        tags,
        summary: 'The screening questionnaire (the current version, or the one asked for)',
        querystring: QuestionnaireQuery,
        response: replies({ 200: QuestionnaireReply }),
      },
    },
    async (request) => screenings.getQuestionnaire(request.query as QuestionnaireQuery),
  );
  app.get(
    `${BASE}/cases/:id/screenings`,
    {
      config,
      schema: { tags, summary: 'A case’s screenings, newest first', params: IdParams, response: replies({ 200: ScreeningList }) },
    },
    async (request) => screenings.listScreenings(actorContext(request), idOf(request)),
  );
  app.post(
    `${BASE}/cases/:id/screenings`,
    {
      config,
      schema: {
        tags,
        summary: 'Record a screening: answers, the needs, assessment and urgency decided, suggested services',
        params: IdParams,
        body: ScreeningBody,
        response: replies({ 201: Screening }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await screenings.recordScreening(actorContext(request), idOf(request), request.body as ScreeningBody)),
  );
  app.get(
    `${BASE}/cases/:id/consents`,
    {
      config,
      schema: {
        tags,
        summary: 'A case’s consents, withdrawn ones included',
        params: IdParams,
        response: replies({ 200: ConsentList }),
      },
    },
    async (request) => consents.listConsents(actorContext(request), idOf(request)),
  );
  app.post(
    `${BASE}/cases/:id/consents`,
    {
      config,
      schema: {
        tags,
        summary: 'Record the person’s consent: its scope, the service or organisation, the fields that may travel',
        params: IdParams,
        body: ConsentBody,
        response: replies({ 201: Consent }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await consents.recordConsent(actorContext(request), idOf(request), request.body as ConsentBody)),
  );
  app.post(
    `${BASE}/consents/:id/withdraw`,
    {
      config,
      schema: {
        tags,
        summary: 'Withdraw a consent: referrals that left under it share nothing more',
        params: IdParams,
        body: WithdrawBody,
        response: replies({ 200: WithdrawnConsent }),
      },
    },
    async (request) => consents.withdrawConsent(actorContext(request), idOf(request), request.body as WithdrawBody),
  );
  app.get(
    `${BASE}/cases/:id/best-interests`,
    {
      config,
      schema: {
        tags,
        summary: 'A child’s case: the steps of the best-interests procedure',
        params: IdParams,
        response: replies({ 200: BestInterestsList }),
      },
    },
    async (request) => consents.listBestInterests(actorContext(request), idOf(request)),
  );
  app.post(
    `${BASE}/cases/:id/best-interests`,
    {
      config,
      schema: {
        tags,
        summary: 'Record a step of a child’s best-interests procedure',
        params: IdParams,
        body: BestInterestsBody,
        response: replies({ 201: BestInterestsStepReply }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await consents.recordBestInterests(actorContext(request), idOf(request), request.body as BestInterestsBody)),
  );
}
