import type { ReportTask } from '../../../../shared/followup/cycles-contract.js';
import type {
  ActionList,
  ActionRow,
  FollowupWaiting,
  IndicatorList,
  PartnerDashboard,
  PlanCatalogue,
  PlanDashboard,
} from '../../../../shared/followup/dashboards-contract.js';
import { ACTION_PLANS, type ActionPlan, DUE_SOON_DAYS } from '../../../../shared/followup/vocabulary.js';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import type { Viewer } from '../../../../shared/visibility.js';
import type { ActorContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { notFound, problem } from '../../../platform/errors.js';
import type { Wire } from '../../../platform/http/wire.js';
import { auditRead } from '../commitments/service.js';
import { isPlanReference, PLANS, referencesOf } from './plans.js';
import * as repo from './repository.js';
import type { ActionListQuery, IndicatorListQuery, PublicCommitmentsQuery } from './schemas.js';
import { meanAttainment, statusCounts, tally, toIndicatorRow } from './standing.js';
import * as summaries from './summary-repository.js';

/** Rows a dashboard lists inline (due soon, overdue, off track); the drill-down lists page the rest. */
export const DASHBOARD_LIST_LIMIT = 50;
/** Commitments the partner dashboard lists. */
const PARTNER_COMMITMENTS_LIMIT = 200;
/** Indicators drawn on the action-plan dashboard's lines chart. */
const PLAN_INDICATOR_SAMPLE = 12;

interface Reader {
  db: Db;
  viewer: Viewer | null;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const today = () => isoDay(new Date());
const daysFrom = (day: string, days: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));

export function catalogue(): PlanCatalogue {
  return {
    plans: ACTION_PLANS.map((plan) => ({
      plan,
      label: PLANS[plan].label,
      parts: PLANS[plan].parts.map(({ reference, part, number, label }) => ({ reference, part, number, label })),
    })),
  };
}

/** Where an action plan stands, per part: what the viewer may see of it (the public: TLP:CLEAR only). */
export async function planDashboard(
  ctx: Reader,
  plan: ActionPlan,
  auditor: ActorContext | null,
): Promise<Wire<PlanDashboard, 'partnersByCountry'>> {
  const { db, viewer } = ctx;
  const references = referencesOf(plan);
  const scope = { references };
  const [recommendations, commitments, actions, indicatorCounts, partners, sample] = await Promise.all([
    repo.recommendationCounts(db, viewer, references),
    repo.commitmentCounts(db, viewer, references),
    repo.actionCountsByReference(db, viewer, references),
    repo.indicatorCountsByReference(db, viewer, references),
    repo.partnerCounts(db, viewer, scope),
    repo.listIndicatorIds(db, viewer, scope, { limit: PLAN_INDICATOR_SAMPLE, offset: 0, count: false }),
  ]);
  const recommendationsOf = (reference: string | null) => recommendations.find((row) => row.reference === reference);
  const indicatorsOf = (reference: string | null) => indicatorCounts.filter((row) => row.reference === reference);
  const figures = (reference: string | null) => ({
    recommendations: recommendationsOf(reference)?.count ?? 0,
    followedUp: recommendationsOf(reference)?.followedUp ?? 0,
    commitments: commitments.find((row) => row.reference === reference)?.count ?? 0,
    actions: statusCounts(actions.filter((row) => row.reference === reference)),
    indicators: tally(indicatorsOf(reference)),
  });
  const parts = PLANS[plan].parts.map((part) => ({
    ...part,
    ...figures(part.reference),
    attainment: meanAttainment(indicatorsOf(part.reference)),
  }));
  const partnersByCountry: Record<string, number> = {};
  for (const partner of partners) {
    if (partner.country) partnersByCountry[partner.country] = (partnersByCountry[partner.country] ?? 0) + 1;
  }
  const indicators = await repo.indicatorsWithSeries(db, viewer, sample.ids);
  await auditNamed(auditor, indicators);
  return {
    plan,
    label: PLANS[plan].label,
    parts,
    totals: figures(null),
    partnersByCountry,
    partners: partners.map(({ commitments: count, ...organisation }) => ({ organisation, commitments: count })),
    indicators: indicators.map(toIndicatorRow),
  };
}

/** The viewer's organisation's follow-up: its commitments, their actions and indicators, its reports. */
export async function partnerDashboard(ctx: ActorContext): Promise<Wire<PartnerDashboard>> {
  const { db, viewer } = ctx;
  const organisationId = ctx.actor.organisationId;
  const day = today();
  const scope = { organisationId };
  const [organisation, commitments, actions, dueSoon, overdue, offTrack, reports] = await Promise.all([
    repo.findOrganisation(db, organisationId),
    summaries.commitmentSummaries(
      db,
      viewer,
      { organisationId, today: day },
      { limit: PARTNER_COMMITMENTS_LIMIT, offset: 0, count: false },
    ),
    repo.actionCounts(db, viewer, scope),
    repo.listActions(db, viewer, { ...scope, today: day, dueUntil: daysFrom(day, DUE_SOON_DAYS) }, firstPage),
    repo.listActions(db, viewer, { ...scope, today: day, overdue: true }, firstPage),
    repo.listIndicatorIds(db, viewer, { ...scope, trends: ['off_track'] }, firstPage),
    summaries.reportsToSubmit(db, organisationId),
  ]);
  if (!organisation) throw notFound('organisation');
  const offTrackRows = await repo.indicatorsWithSeries(db, viewer, offTrack.ids);
  await auditNamed(ctx, [
    ...commitments.items.map((item) => ({ commitment: item, handlingCode: item.handlingCode })),
    ...dueSoon.items,
    ...overdue.items,
    ...offTrackRows,
  ]);
  return {
    organisation,
    commitments: commitments.items,
    actionsByStatus: statusCounts(actions),
    dueSoon: dueSoon.items.map((action) => toActionRow(action, day)),
    overdue: overdue.items.map((action) => toActionRow(action, day)),
    offTrack: offTrackRows.map(toIndicatorRow),
    reportsToSubmit: reports.map((report) => toReportTask(report, day)),
  };
}

const firstPage = { limit: DASHBOARD_LIST_LIMIT, offset: 0, count: false };

/** How many actions of each list Home shows. */
const WAITING_SHOWN = 6;

/**
 * Home's follow-up card: my organisation's overdue and soon-due actions (the first few, and how many)
 * and its reports to submit. A small reply, since Home must load fast on a slow link.
 */
export async function waiting(ctx: ActorContext): Promise<Wire<FollowupWaiting>> {
  const { db, viewer } = ctx;
  const day = today();
  const scope = { organisationId: ctx.actor.organisationId, today: day };
  const page = { limit: WAITING_SHOWN, offset: 0 };
  const [dueSoon, overdue, reports] = await Promise.all([
    repo.listActions(db, viewer, { ...scope, dueUntil: daysFrom(day, DUE_SOON_DAYS) }, page),
    repo.listActions(db, viewer, { ...scope, overdue: true }, page),
    summaries.reportsToSubmit(db, ctx.actor.organisationId),
  ]);
  await auditNamed(ctx, [...dueSoon.items, ...overdue.items]);
  return {
    overdue: { total: overdue.total, items: overdue.items.map((action) => toActionRow(action, day)) },
    dueSoon: { total: dueSoon.total, items: dueSoon.items.map((action) => toActionRow(action, day)) },
    reportsToSubmit: reports.map((report) => toReportTask(report, day)),
  };
}

/** `late`: past the deadline and still not started or in draft; otherwise the report's status. */
function toReportTask(report: summaries.ReportTaskRecord, day: string): ReportTask {
  const status = report.status as ReportTask['status'];
  const late = report.deadline < day && (status === 'not_started' || status === 'draft');
  return { ...report, status, progress: late ? 'late' : status };
}

/**
 * Commitments above TLP:GREEN that a page names (titles of commitments, of their actions and
 * indicators) are sensitive reads, audited as the commitments list audits them; each once a page.
 */
async function auditNamed(ctx: ActorContext | null, named: { commitment: { id: string }; handlingCode: string }[]) {
  if (!ctx) return;
  const commitments = new Map(named.map(({ commitment, handlingCode }) => [commitment.id, { id: commitment.id, handlingCode }]));
  await auditRead(ctx, [...commitments.values()]);
}

function toActionRow({ handlingCode: _code, ...action }: repo.ActionRecord, day: string): ActionRow {
  const open = action.status !== 'done' && action.status !== 'cancelled';
  return { ...action, status: action.status as ActionRow['status'], overdue: open && action.dueOn < day };
}

/** A reference filter: one of the action plans' parts, else 400. */
function checkedReference(reference: string | undefined): string[] | undefined {
  if (reference === undefined) return undefined;
  if (!isPlanReference(reference)) {
    throw problem(PLATFORM_PROBLEMS, 'validation', `querystring/reference: not a part of an action plan (${reference}).`);
  }
  return [reference];
}

const scopeOfQuery = (query: { reference?: string; plan?: ActionPlan; organisation?: string; commitment?: string }) => ({
  references: checkedReference(query.reference) ?? (query.plan ? referencesOf(query.plan) : undefined),
  organisationId: query.organisation,
  commitmentId: query.commitment,
});

/** Actions the viewer may see, filtered as the dashboards count them, soonest due first. */
export async function listActions(ctx: ActorContext, query: ActionListQuery): Promise<Wire<ActionList>> {
  const day = today();
  const filter: repo.ActionFilter = {
    ...scopeOfQuery(query),
    statuses: query.status,
    overdue: query.overdue,
    dueUntil: query.dueSoon ? daysFrom(day, DUE_SOON_DAYS) : undefined,
    today: day,
  };
  const page = await repo.listActions(ctx.db, ctx.viewer, filter, { limit: query.limit ?? 50, offset: query.offset ?? 0 });
  await auditNamed(ctx, page.items);
  return { total: page.total, items: page.items.map((action) => toActionRow(action, day)) };
}

/** Indicators the viewer may see, filtered by trend as the dashboards count them, most off track first. */
export async function listIndicators(ctx: ActorContext, query: IndicatorListQuery): Promise<Wire<IndicatorList>> {
  const page = await repo.listIndicatorIds(
    ctx.db,
    ctx.viewer,
    { ...scopeOfQuery(query), trends: query.trend },
    { limit: query.limit ?? 50, offset: query.offset ?? 0 },
  );
  const rows = await repo.indicatorsWithSeries(ctx.db, ctx.viewer, page.ids);
  await auditNamed(ctx, rows);
  return { total: page.total, items: rows.map(toIndicatorRow) };
}

/** The TLP:CLEAR commitments of an action plan, for its public progress page (whoever asks). */
export async function publicCommitments(ctx: Pick<Reader, 'db'>, plan: ActionPlan, query: PublicCommitmentsQuery) {
  const page = await summaries.commitmentSummaries(
    ctx.db,
    null,
    { references: referencesOf(plan), today: today() },
    { limit: query.limit ?? 50, offset: query.offset ?? 0 },
  );
  return page;
}
