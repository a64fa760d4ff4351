import type { TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  CommitmentDetail,
  CommitmentHistory,
  CommitmentList,
  FollowupAction,
  Indicator,
  OrganisationChoices,
  RecommendationFollowUp,
} from '../../../../shared/followup/contract.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { IdParams } from '../../../platform/http/schemas.js';
import type { Action } from '../../../platform/policy/policy.js';
import * as actions from './actions-service.js';
import { evidenceRoutes } from './evidence-routes.js';
import { exportRoutes } from './export-routes.js';
import * as indicators from './indicators-service.js';
import * as measurements from './measurements-service.js';
import {
  ActionBody,
  ActionStatusBody,
  ActionUpdateBody,
  CommitmentStatusBody,
  CreateBody,
  IndicatorBody,
  ItemParams,
  ListQuery,
  MeasurementBody,
  OrganisationQuery,
  UpdateBody,
  WithdrawBody,
} from './schemas.js';
import * as service from './service.js';

const BASE = '/api/v1/followup';
const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

interface RouteSpec {
  policy: Action;
  summary: string;
  params?: TSchema;
  querystring?: TSchema;
  body?: TSchema;
  status?: 200 | 201;
  reply: TSchema;
}

/**
 * Commitments, their actions, indicators and measurements (`/api/v1/followup/…`). Reading needs a
 * signed-in account (`followup.read`) and goes through the sharing rule; creating needs a working
 * role (`commitment.create`); record-level rules (lead organisation, owner unit) are in the services.
 */
export async function commitmentRoutes(app: FastifyInstance) {
  const tags = ['followup'];
  const route = (
    method: 'get' | 'post' | 'patch',
    url: string,
    spec: RouteSpec,
    handler: (request: FastifyRequest) => Promise<unknown>,
  ) => {
    const { policy, summary, params, querystring, body, status = 200, reply } = spec;
    app[method](
      `${BASE}${url}`,
      {
        config: { policy },
        schema: {
          tags,
          summary,
          ...(params && { params }),
          ...(querystring && { querystring }),
          ...(body && { body }),
          response: replies({ [status]: reply }),
        },
      },
      async (request, res) => res.code(status).send(await handler(request)),
    );
  };
  const read = 'followup.read' as const;
  const create = 'commitment.create' as const;

  route(
    'get',
    '/commitments',
    { policy: read, summary: 'Commitments you may see, newest first', querystring: ListQuery, reply: CommitmentList },
    (r) => service.list(actorContext(r), r.query as ListQuery),
  );
  route(
    'post',
    '/commitments',
    {
      policy: create,
      summary: 'Commit, for one of your units, to act on recommendations',
      body: CreateBody,
      status: 201,
      reply: CommitmentDetail,
    },
    (r) => service.create(actorContext(r), r.body as CreateBody),
  );
  route(
    'get',
    '/commitments/:id',
    { policy: read, summary: 'One commitment with its actions and indicators', params: IdParams, reply: CommitmentDetail },
    (r) => service.detail(actorContext(r), idOf(r)),
  );
  route(
    'patch',
    '/commitments/:id',
    {
      policy: create,
      summary: 'Change a commitment of your organisation',
      params: IdParams,
      body: UpdateBody,
      reply: CommitmentDetail,
    },
    (r) => service.update(actorContext(r), idOf(r), r.body as UpdateBody),
  );
  route(
    'post',
    '/commitments/:id/status',
    {
      policy: create,
      summary: 'Complete, cancel or reopen a commitment',
      params: IdParams,
      body: CommitmentStatusBody,
      reply: CommitmentDetail,
    },
    (r) => service.setStatus(actorContext(r), idOf(r), r.body as CommitmentStatusBody),
  );
  route(
    'get',
    '/commitments/:id/history',
    { policy: read, summary: 'Every change of a commitment', params: IdParams, reply: CommitmentHistory },
    (r) => service.history(actorContext(r), idOf(r)),
  );
  route(
    'post',
    '/commitments/:id/actions',
    {
      policy: create,
      summary: 'Add an action to a commitment',
      params: IdParams,
      body: ActionBody,
      status: 201,
      reply: FollowupAction,
    },
    (r) => actions.create(actorContext(r), idOf(r), r.body as ActionBody),
  );
  route(
    'patch',
    '/actions/:id',
    {
      policy: create,
      summary: 'Change an action (a due-date change needs a reason)',
      params: IdParams,
      body: ActionUpdateBody,
      reply: FollowupAction,
    },
    (r) => actions.update(actorContext(r), idOf(r), r.body as ActionUpdateBody),
  );
  route(
    'post',
    '/actions/:id/status',
    {
      policy: create,
      summary: 'Change the status of an action',
      params: IdParams,
      body: ActionStatusBody,
      reply: FollowupAction,
    },
    (r) => actions.setStatus(actorContext(r), idOf(r), r.body as ActionStatusBody),
  );
  route(
    'post',
    '/commitments/:id/indicators',
    {
      policy: create,
      summary: 'Add an indicator to a commitment',
      params: IdParams,
      body: IndicatorBody,
      status: 201,
      reply: Indicator,
    },
    (r) => indicators.create(actorContext(r), idOf(r), r.body as IndicatorBody),
  );
  route(
    'post',
    '/indicators/:id/measurements',
    {
      policy: create,
      summary: 'Report a measurement of an indicator',
      params: IdParams,
      body: MeasurementBody,
      status: 201,
      reply: Indicator,
    },
    (r) => measurements.add(actorContext(r), idOf(r), r.body as MeasurementBody),
  );
  route(
    'post',
    '/measurements/:id/withdraw',
    {
      policy: create,
      summary: 'Withdraw a wrong measurement, with a reason',
      params: IdParams,
      body: WithdrawBody,
      reply: Indicator,
    },
    (r) => measurements.withdraw(actorContext(r), idOf(r), r.body as WithdrawBody),
  );
  route(
    'get',
    '/recommendations/:itemId',
    {
      policy: read,
      summary: 'The commitments acting on a library recommendation',
      params: ItemParams,
      reply: RecommendationFollowUp,
    },
    (r) => service.recommendationFollowUp(actorContext(r), (r.params as { itemId: string }).itemId),
  );
  route(
    'get',
    '/organisations',
    { policy: read, summary: 'Organisations to name as partners', querystring: OrganisationQuery, reply: OrganisationChoices },
    (r) => service.organisations(actorContext(r), (r.query as OrganisationQuery).q),
  );
  await app.register(evidenceRoutes);
  await app.register(exportRoutes);
}
