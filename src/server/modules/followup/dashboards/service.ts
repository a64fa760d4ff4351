import type { CommitmentSummary } from '../../../../shared/followup/contract.js';
import type { ReportTask } from '../../../../shared/followup/cycles-contract.js';
import type {
  ActionList,
  ActionRow,
  IndicatorList,
  PartnerDashboard,
  PlanCatalogue,
  PlanDashboard,
} from '../../../../shared/followup/dashboards-contract.js';
import { ACTION_PLANS, type ActionPlan, DUE_SOON_DAYS } from '../../../../shared/followup/vocabulary.js';
import type { Viewer } from '../../../../shared/visibility.js';
import type { ActorContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { invalid, notFound } from '../../../platform/errors.js';
import type { Wire } from '../../../platform/http/wire.js';
import { isPlanReference, PLANS, referencesOf } from './plans.js';
import * as repo from './repository.js';
import {
  meanAttainment,
  type Standed,
  statusCounts,
  tally,
  toIndicatorRow,
  withStanding,
  worstFirst,
} from './standing.js';
import * as summaries from './summary-repository.js';
import type { ActionListQuery, IndicatorListQuery, PublicCommitmentsQuery } from './schemas.js';

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
export async function planDashboard(ctx: Reader, plan: ActionPlan): Promise<Wire<PlanDashboard, 'partnersByCountry'>> {
  const { db, viewer } = ctx;
  const references = referencesOf(plan);
  const scope = { references };
  const [recommendations, commitments, actions, standingRows, partners] = await Promise.all([
    repo.recommendationCounts(db, viewer, references),
    repo.commitmentCounts(db, viewer, references),
    repo.actionCountsByReference(db, viewer, references),
    repo.indicatorStandings(db, viewer, scope),
    repo.partnerCounts(db, viewer, scope),
  ]);
  const standings = withStanding(standingRows);
  const byReference = new Map<string, Standed[]>();
  for (const standed of standings) {
    for (const reference of standed.row.references) {
      const list = byReference.get(reference);
      if (list) list.push(standed);
      else byReference.set(reference, [standed]);
    }
  }
  const recommendationsOf = (reference: string | null) => recommendations.find((row) => row.reference === reference);
  const figures = (reference: string | null, indicators: Standed[]) => ({
    recommendations: recommendationsOf(reference)?.count ?? 0,
    followedUp: recommendationsOf(reference)?.followedUp ?? 0,
    commitments: commitments.find((row) => row.reference === reference)?.count ?? 0,
    actions: statusCounts(actions.filter((row) => row.reference === reference)),
    indicators: tally(indicators.map((standed) => standed.standing)),
  });
  const parts = PLANS[plan].parts.map((part) => {
    const indicators = byReference.get(part.reference) ?? [];
    return {
      ...part,
      ...figures(part.reference, indicators),
      attainment: meanAttainment(indicators.map((standed) => standed.standing)),
    };
  });
  const partnersByCountry: Record<string, number> = {};
  for (const partner of partners) {
    if (partner.country) partnersByCountry[partner.country] = (partnersByCountry[partner.country] ?? 0) + 1;
  }
  const sample = [...standings].sort(worstFirst).slice(0, PLAN_INDICATOR_SAMPLE);
  const indicators = await repo.indicatorsWithSeries(
    db,
    viewer,
    sample.map((standed) => standed.row.id),
  );
  return {
    plan,
    label: PLANS[plan].label,
    parts,
    totals: figures(null, standings),
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
  const [organisation, commitments, actions, dueSoon, overdue, standingRows, reports] = await Promise.all([
    repo.findOrganisation(db, organisationId),
    summaries.commitmentSummaries(db, viewer, { organisationId, today: day }, { limit: PARTNER_COMMITMENTS_LIMIT, offset: 0 }),
    repo.actionCounts(db, viewer, scope),
    repo.listActions(db, viewer, { ...scope, today: day, dueUntil: daysFrom(day, DUE_SOON_DAYS) }, firstPage),
    repo.listActions(db, viewer, { ...scope, today: day, overdue: true }, firstPage),
    repo.indicatorStandings(db, viewer, scope),
    summaries.reportsToSubmit(db, organisationId),
  ]);
  if (!organisation) throw notFound('organisation');
  const standings = withStanding(standingRows);
  const offTrack = standings.filter((standed) => standed.standing.trend === 'off_track').sort(worstFirst);
  const offTrackRows = await repo.indicatorsWithSeries(
    db,
    viewer,
    offTrack.slice(0, DASHBOARD_LIST_LIMIT).map((standed) => standed.row.id),
  );
  return {
    organisation,
    commitments: toSummaries(commitments.items, standings),
    actionsByStatus: statusCounts(actions),
    dueSoon: dueSoon.items.map((action) => toActionRow(action, day)),
    overdue: overdue.items.map((action) => toActionRow(action, day)),
    offTrack: offTrackRows.map(toIndicatorRow),
    reportsToSubmit: reports.map((report) => toReportTask(report, day)),
  };
}

const firstPage = { limit: DASHBOARD_LIST_LIMIT, offset: 0 };

/** `late`: past the deadline and still not started or in draft; otherwise the report's status. */
function toReportTask(report: summaries.ReportTaskRecord, day: string): ReportTask {
  const status = report.status as ReportTask['status'];
  const late = report.deadline < day && (status === 'not_started' || status === 'draft');
  return { ...report, status, progress: late ? 'late' : status };
}

function toActionRow(action: repo.ActionRecord, day: string): ActionRow {
  const open = action.status !== 'done' && action.status !== 'cancelled';
  return { ...action, status: action.status as ActionRow['status'], overdue: open && action.dueOn < day };
}

function toSummaries(items: summaries.CommitmentSummaryRecord[], standings: Standed[]): Wire<CommitmentSummary>[] {
  return items.map((item) => {
    const { achieved, onTrack, offTrack, total } = tally(
      standings.filter((standed) => standed.row.commitmentId === item.id).map((standed) => standed.standing),
    );
    return {
      id: item.id,
      title: item.title,
      status: item.status,
      startsOn: item.startsOn,
      endsOn: item.endsOn,
      lead: item.lead,
      references: item.references,
      handlingCode: item.handlingCode,
      actions: statusCounts(Object.entries(item.actions).map(([status, count]) => ({ status, count }))),
      overdueActions: item.overdueActions,
      indicators: { total, achieved, onTrack, offTrack },
      updatedAt: item.updatedAt,
    };
  });
}

/** A reference filter: one of the action plans' parts, else 400. */
function checkedReference(reference: string | undefined): string[] | undefined {
  if (reference === undefined) return undefined;
  if (!isPlanReference(reference)) throw invalid(`Unknown action-plan reference: ${reference}.`, { field: 'reference' });
  return [reference];
}

const scopeOfQuery = (query: { reference?: string; plan?: ActionPlan; organisation?: string; commitment?: string }) => ({
  references: checkedReference(query.reference) ?? (query.plan ? referencesOf(query.plan) : undefined),
  organisationId: query.organisation,
  commitmentId: query.commitment,
});

/** Actions the viewer may see, filtered as the dashboards count them, soonest due first. */
export async function listActions(ctx: Reader, query: ActionListQuery): Promise<Wire<ActionList>> {
  const day = today();
  const filter: repo.ActionFilter = {
    ...scopeOfQuery(query),
    statuses: query.status,
    overdue: query.overdue,
    dueUntil: query.dueSoon ? daysFrom(day, DUE_SOON_DAYS) : undefined,
    today: day,
  };
  const page = await repo.listActions(ctx.db, ctx.viewer, filter, { limit: query.limit ?? 50, offset: query.offset ?? 0 });
  return { total: page.total, items: page.items.map((action) => toActionRow(action, day)) };
}

/** Indicators the viewer may see, filtered by trend as the dashboards count them, most off track first. */
export async function listIndicators(ctx: Reader, query: IndicatorListQuery): Promise<Wire<IndicatorList>> {
  const standings = withStanding(await repo.indicatorStandings(ctx.db, ctx.viewer, scopeOfQuery(query)));
  const trends = query.trend;
  const matching = trends ? standings.filter((standed) => trends.includes(standed.standing.trend)) : standings;
  const offset = query.offset ?? 0;
  const page = matching.sort(worstFirst).slice(offset, offset + (query.limit ?? 50));
  const rows = await repo.indicatorsWithSeries(
    ctx.db,
    ctx.viewer,
    page.map((standed) => standed.row.id),
  );
  return { total: matching.length, items: rows.map(toIndicatorRow) };
}

/** The TLP:CLEAR commitments of an action plan, for its public progress page (whoever asks). */
export async function publicCommitments(ctx: Pick<Reader, 'db'>, plan: ActionPlan, query: PublicCommitmentsQuery) {
  const day = today();
  const references = referencesOf(plan);
  const page = await summaries.commitmentSummaries(
    ctx.db,
    null,
    { references, today: day },
    { limit: query.limit ?? 50, offset: query.offset ?? 0 },
  );
  const standings = withStanding(
    await repo.indicatorStandings(ctx.db, null, { commitmentIds: page.items.map((item) => item.id) }),
  );
  return { total: page.total, items: toSummaries(page.items, standings) };
}
