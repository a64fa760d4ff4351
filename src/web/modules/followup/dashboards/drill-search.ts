/**
 * Addresses of the follow-up's dashboards and drill-down lists: the router parses them eagerly, so
 * this file imports nothing but the shared vocabulary (no page, no chart).
 */
import {
  ACTION_PLANS,
  ACTION_STATUSES,
  type ActionPlan,
  type ActionStatus,
  INDICATOR_TRENDS,
  type IndicatorTrend,
} from '../../../../shared/followup/vocabulary.js';

export { ACTION_PLANS, ACTION_STATUSES, type ActionPlan, type ActionStatus, INDICATOR_TRENDS, type IndicatorTrend };

export const isActionPlan = (value: unknown): value is ActionPlan =>
  typeof value === 'string' && (ACTION_PLANS as readonly string[]).includes(value);

const pick = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;

// References are vocabulary ids ('CAP:objective:3', 'GCM:7'); ids are UUIDs. Anything else is dropped
// here rather than sent to the server to be refused.
const REFERENCE = /^(CAP|MAP|GCM|JVAP)(:[a-z]+)?:\d{1,3}$/;
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const reference = (value: unknown) => (typeof value === 'string' && REFERENCE.test(value) ? value : undefined);
const id = (value: unknown) => (typeof value === 'string' && ID.test(value) ? value : undefined);
const flag = (value: unknown) => (value === true || value === 'true' ? true : undefined);
const page = (value: unknown) => {
  const number = Number(value);
  return Number.isInteger(number) && number > 1 ? number : undefined;
};
const defined = <T extends object>(parsed: T): T =>
  Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined)) as T;

export interface ActionListSearch {
  plan?: ActionPlan;
  reference?: string;
  status?: ActionStatus;
  overdue?: boolean;
  dueSoon?: boolean;
  organisation?: string;
  commitment?: string;
  page?: number;
}

export interface IndicatorListSearch {
  plan?: ActionPlan;
  reference?: string;
  trend?: IndicatorTrend;
  organisation?: string;
  page?: number;
}

/** `/followup/actions?reference=CAP:objective:3&status=delayed&overdue=true&organisation=…&page=2`. */
export function parseActionListSearch(search: Record<string, unknown>): ActionListSearch {
  return defined({
    plan: isActionPlan(search.plan) ? search.plan : undefined,
    reference: reference(search.reference),
    status: pick(ACTION_STATUSES, search.status),
    overdue: flag(search.overdue),
    dueSoon: flag(search.dueSoon),
    organisation: id(search.organisation),
    commitment: id(search.commitment),
    page: page(search.page),
  });
}

/** `/followup/indicators?reference=GCM:7&trend=off_track&organisation=…&page=2`. */
export function parseIndicatorListSearch(search: Record<string, unknown>): IndicatorListSearch {
  return defined({
    plan: isActionPlan(search.plan) ? search.plan : undefined,
    reference: reference(search.reference),
    trend: pick(INDICATOR_TRENDS, search.trend),
    organisation: id(search.organisation),
    page: page(search.page),
  });
}

/** Where a dashboard's figure leads: the list of the records it counts. */
export interface DrillTarget {
  to: '/followup/actions' | '/followup/indicators' | '/followup/commitments';
  search: Record<string, string>;
}

/** The drill-down of a figure: a part's figure filters on its reference, a plan's total on the plan. */
export function drillTo(
  kind: 'actions' | 'indicators' | 'commitments',
  scope: string,
  filter: { status?: ActionStatus | 'active'; trend?: IndicatorTrend } = {},
): DrillTarget {
  const search: Record<string, string> = isActionPlan(scope) ? { plan: scope } : { reference: scope };
  if (filter.status) search.status = filter.status;
  if (filter.trend) search.trend = filter.trend;
  return { to: `/followup/${kind}`, search };
}

/** The address of a drill-down target, for what takes a plain address (a chart's click). */
export function hrefOf(target: DrillTarget): string {
  const query = new URLSearchParams(target.search).toString();
  return query ? `${target.to}?${query}` : target.to;
}
