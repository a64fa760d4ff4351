import { queryOptions } from '@tanstack/react-query';
import type { CommitmentList } from '../../../../shared/followup/contract.js';
import type {
  ActionList,
  IndicatorList,
  PartnerDashboard,
  PlanCatalogue,
  PlanDashboard,
} from '../../../../shared/followup/dashboards-contract.js';
import { api, withQuery } from '../../../api/client.js';
import type { ActionPlan, ActionListSearch as ActionSearch, IndicatorListSearch as IndicatorSearch } from './drill-search.js';

export type {
  ActionList,
  ActionRow,
  ActionStatusCounts,
  IndicatorList,
  IndicatorRow,
  PartnerDashboard,
  PlanCatalogue,
  PlanDashboard,
  PlanPart,
} from '../../../../shared/followup/dashboards-contract.js';
export * from './drill-search.js';

export const FOLLOWUP_API = '/api/v1/followup';
export const PUBLIC_FOLLOWUP_API = '/api/v1/public/followup';
export const PAGE_SIZE = 25;

/** Every key starts with `followup`: a change anywhere in the follow-up refreshes the dashboards too. */
export const dashboardKeys = {
  all: ['followup'] as const,
  partner: () => ['followup', 'dashboard'] as const,
  catalogue: () => ['followup', 'plans'] as const,
  plan: (plan: ActionPlan) => ['followup', 'plans', plan] as const,
  actions: (search: object) => ['followup', 'actions', search] as const,
  indicators: (search: object) => ['followup', 'indicators', search] as const,
  publicPlan: (plan: ActionPlan) => ['followup', 'public', plan] as const,
  publicCommitments: (plan: ActionPlan) => ['followup', 'public', plan, 'commitments'] as const,
};

const offsetOf = (page: number | undefined) => ((page ?? 1) - 1) * PAGE_SIZE;

export const partnerDashboardQuery = () =>
  queryOptions({
    queryKey: dashboardKeys.partner(),
    queryFn: () => api.get<PartnerDashboard>(`${FOLLOWUP_API}/dashboard`),
  });

export const planCatalogueQuery = () =>
  queryOptions({
    queryKey: dashboardKeys.catalogue(),
    queryFn: () => api.get<PlanCatalogue>(`${FOLLOWUP_API}/plans`),
    staleTime: 60 * 60 * 1000,
  });

export const planDashboardQuery = (plan: ActionPlan) =>
  queryOptions({
    queryKey: dashboardKeys.plan(plan),
    queryFn: () => api.get<PlanDashboard>(`${FOLLOWUP_API}/plans/${encodeURIComponent(plan)}`),
    retry: false,
  });

export const actionsQuery = (search: ActionSearch) =>
  queryOptions({
    queryKey: dashboardKeys.actions(search),
    queryFn: () =>
      api.get<ActionList>(
        withQuery(`${FOLLOWUP_API}/actions`, {
          plan: search.plan,
          reference: search.reference,
          status: search.status,
          overdue: search.overdue,
          dueSoon: search.dueSoon,
          organisation: search.organisation,
          commitment: search.commitment,
          limit: PAGE_SIZE,
          offset: offsetOf(search.page),
        }),
      ),
  });

export const indicatorsQuery = (search: IndicatorSearch) =>
  queryOptions({
    queryKey: dashboardKeys.indicators(search),
    queryFn: () =>
      api.get<IndicatorList>(
        withQuery(`${FOLLOWUP_API}/indicators`, {
          plan: search.plan,
          reference: search.reference,
          trend: search.trend,
          organisation: search.organisation,
          limit: PAGE_SIZE,
          offset: offsetOf(search.page),
        }),
      ),
  });

/** The public page reads without a session: a 401 there is no lost session, just nobody signed in. */
export const publicPlanQuery = (plan: ActionPlan) =>
  queryOptions({
    queryKey: dashboardKeys.publicPlan(plan),
    queryFn: () => api.get<PlanDashboard>(`${PUBLIC_FOLLOWUP_API}/plans/${encodeURIComponent(plan)}`, { quiet401: true }),
    retry: false,
  });

export const publicCommitmentsQuery = (plan: ActionPlan) =>
  queryOptions({
    queryKey: dashboardKeys.publicCommitments(plan),
    queryFn: () =>
      api.get<CommitmentList>(withQuery(`${PUBLIC_FOLLOWUP_API}/plans/${encodeURIComponent(plan)}/commitments`, { limit: 100 }), {
        quiet401: true,
      }),
    retry: false,
  });
