import type { FastifyInstance } from 'fastify';
import { CommitmentList } from '../../../../shared/followup/contract.js';
import {
  ActionList,
  FollowupWaiting,
  IndicatorList,
  PartnerDashboard,
  PlanCatalogue,
  PlanDashboard,
} from '../../../../shared/followup/dashboards-contract.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { ActionListQuery, IndicatorListQuery, PlanParams, PublicCommitmentsQuery } from './schemas.js';
import * as service from './service.js';

/**
 * The partner dashboard, action-plan dashboards, their drill-down lists (`followup.read`: what the
 * viewer may see) and the public progress pages (`public`: TLP:CLEAR only, whoever asks).
 */
export async function dashboardRoutes(app: FastifyInstance) {
  const tags = ['followup'];
  const read = { policy: 'followup.read' as const };
  const base = '/api/v1/followup';
  app.get(
    `${base}/dashboard`,
    { config: read, schema: { tags, summary: "My organisation's follow-up", response: replies({ 200: PartnerDashboard }) } },
    async (request) => service.partnerDashboard(actorContext(request)),
  );
  app.get(
    `${base}/waiting`,
    {
      config: read,
      schema: {
        tags,
        summary: 'What waits for my organisation: overdue and soon-due actions, reports to submit',
        response: replies({ 200: FollowupWaiting }),
      },
    },
    async (request) => service.waiting(actorContext(request)),
  );
  app.get(
    `${base}/plans`,
    { config: read, schema: { tags, summary: 'The action plans and their parts', response: replies({ 200: PlanCatalogue }) } },
    async () => service.catalogue(),
  );
  app.get(
    `${base}/plans/:plan`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Where an action plan stands, per part',
        params: PlanParams,
        response: replies({ 200: PlanDashboard }),
      },
    },
    async (request) => {
      const ctx = actorContext(request);
      return service.planDashboard(ctx, (request.params as PlanParams).plan, ctx);
    },
  );
  app.get(
    `${base}/actions`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Actions, as the dashboards count them',
        querystring: ActionListQuery,
        response: replies({ 200: ActionList }),
      },
    },
    async (request) => service.listActions(actorContext(request), request.query as ActionListQuery),
  );
  app.get(
    `${base}/indicators`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Indicators, as the dashboards count them',
        querystring: IndicatorListQuery,
        response: replies({ 200: IndicatorList }),
      },
    },
    async (request) => service.listIndicators(actorContext(request), request.query as IndicatorListQuery),
  );
  const open = { policy: 'public' as const };
  // The public pages read as nobody: TLP:CLEAR commitments only, even for a signed-in caller.
  app.get(
    '/api/v1/public/followup/plans/:plan',
    {
      config: open,
      schema: {
        tags,
        summary: "An action plan's public progress",
        params: PlanParams,
        response: replies({ 200: PlanDashboard }),
      },
    },
    async (request) => service.planDashboard({ db: app.platform.db, viewer: null }, (request.params as PlanParams).plan, null),
  );
  app.get(
    '/api/v1/public/followup/plans/:plan/commitments',
    {
      config: open,
      schema: {
        tags,
        summary: "An action plan's public commitments",
        params: PlanParams,
        querystring: PublicCommitmentsQuery,
        response: replies({ 200: CommitmentList }),
      },
    },
    async (request) =>
      service.publicCommitments(
        { db: app.platform.db },
        (request.params as PlanParams).plan,
        request.query as PublicCommitmentsQuery,
      ),
  );
}
