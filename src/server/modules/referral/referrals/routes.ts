import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ReferralCreateBody } from '../../../../shared/referral/referrals-contract.js';
import { ReferralDetail, ReferralList, ReferralSummary } from '../../../../shared/referral/referrals-contract.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { IdParams } from '../../../platform/http/schemas.js';
import { createReferral } from './create-service.js';
import { REFERRAL_OVERDUE_JOB, REFERRAL_REMINDER_JOB, referralOverdueJob, referralReminderJob } from './jobs.js';
import { CreateReferralBody, InboxQuery, type InboxQueryType, StatusBody } from './schemas.js';
import * as service from './service.js';

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
const BASE = '/api/v1';

/**
 * The referral life-cycle: refer a case, the unit boxes, a referral's page and its status changes.
 * Routes check the role (`case.read`, case workers and supervisors); services check the case
 * (`case.edit`, `case.readSummary`) and the referral (`referral.respond`, or a party to it).
 */
export async function referralRoutes(app: FastifyInstance) {
  const { config } = app.platform;
  app.jobs.handle(REFERRAL_REMINDER_JOB, referralReminderJob(config.publicUrl));
  app.jobs.handle(REFERRAL_OVERDUE_JOB, referralOverdueJob(config.publicUrl));

  const tags = ['referral'];
  const read = { policy: 'case.read' as const };

  app.post(
    `${BASE}/cases/:id/referrals`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Refer a case to a service or to a partner unit abroad, under the consent it needs',
        params: IdParams,
        body: CreateReferralBody,
        response: replies({ 201: ReferralDetail }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createReferral(actorContext(request), idOf(request), request.body as ReferralCreateBody)),
  );
  app.get(
    `${BASE}/cases/:id/referrals`,
    {
      config: read,
      schema: {
        tags,
        summary: 'The referrals of a case you may see',
        params: IdParams,
        response: replies({ 200: Type.Object({ items: Type.Array(ReferralSummary) }, { additionalProperties: false }) }),
      },
    },
    async (request) => ({ items: await service.referralsOfCase(actorContext(request), idOf(request)) }),
  );
  app.get(
    `${BASE}/referrals`,
    {
      config: read,
      schema: {
        tags,
        summary: "Your units' referrals, incoming or outgoing, soonest answer first",
        querystring: InboxQuery,
        response: replies({ 200: ReferralList }),
      },
    },
    async (request) => service.listReferrals(actorContext(request), request.query as InboxQueryType),
  );
  app.get(
    `${BASE}/referrals/:id`,
    {
      config: read,
      schema: {
        tags,
        summary: 'A referral, its history and what you may do with it',
        params: IdParams,
        response: replies({ 200: ReferralDetail }),
      },
    },
    async (request) => service.getReferral(actorContext(request), idOf(request)),
  );
  app.post(
    `${BASE}/referrals/:id/status`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Accept, decline, work, complete or withdraw a referral',
        params: IdParams,
        body: StatusBody,
        response: replies({ 200: ReferralDetail }),
      },
    },
    async (request) => service.changeStatus(actorContext(request), idOf(request), request.body as service.StatusChange),
  );
}
