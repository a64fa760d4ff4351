import { Type } from '@sinclair/typebox';
import { DateOnly, Id, Literals, Nullable, type Static, Strict } from '../contract/kit.js';
import { ActionStatus, CommitmentSummary, IndicatorTrend, OrganisationRef } from './contract.js';
import { ReportTask } from './cycles-contract.js';
import { ACTION_PLANS, INDICATOR_DIRECTIONS, VALUE_TYPES } from './vocabulary.js';

/** Replies of the partner dashboard, the action-plan dashboards and the public progress pages. */

const Count = Type.Integer({ minimum: 0 });
const Label = Strict({ en: Type.String(), fr: Type.String(), ar: Type.String() });

export const ActionStatusCounts = Strict({
  planned: Count,
  in_progress: Count,
  done: Count,
  delayed: Count,
  cancelled: Count,
});
export type ActionStatusCounts = Static<typeof ActionStatusCounts>;

/** An action as a dashboard lists it. */
export const ActionRow = Strict({
  id: Id,
  title: Type.String(),
  dueOn: DateOnly,
  status: ActionStatus,
  overdue: Type.Boolean(),
  commitment: Strict({ id: Id, title: Type.String() }),
  ownerUnit: Strict({ id: Id, name: Type.String() }),
});
export type ActionRow = Static<typeof ActionRow>;

/** An indicator as a dashboard lists it, with its series for a line against baseline and target. */
export const IndicatorRow = Strict({
  id: Id,
  name: Type.String(),
  measureUnit: Type.String(),
  direction: Literals(INDICATOR_DIRECTIONS),
  valueType: Literals(VALUE_TYPES),
  commitment: Strict({ id: Id, title: Type.String() }),
  baseline: Strict({ value: Type.Number(), on: DateOnly }),
  target: Strict({ value: Type.Number(), on: DateOnly }),
  latest: Nullable(Strict({ value: Type.Number(), on: DateOnly })),
  attainment: Nullable(Type.Number()),
  trend: IndicatorTrend,
  /** Measurements not withdrawn, oldest first. */
  series: Type.Array(Strict({ value: Type.Number(), on: DateOnly })),
});
export type IndicatorRow = Static<typeof IndicatorRow>;

/** My organisation's follow-up: what it committed to and what waits for it. */
export const PartnerDashboard = Strict({
  organisation: OrganisationRef,
  commitments: Type.Array(CommitmentSummary),
  actionsByStatus: ActionStatusCounts,
  /** Open actions of my organisation's commitments due in the next 30 days, soonest first. */
  dueSoon: Type.Array(ActionRow),
  /** Open actions past their due date, oldest first. */
  overdue: Type.Array(ActionRow),
  /** Indicators whose latest measurement lags the line to the target or moves away from it. */
  offTrack: Type.Array(IndicatorRow),
  /** Reports of open cycles my organisation must still submit (or correct). */
  reportsToSubmit: Type.Array(ReportTask),
});
export type PartnerDashboard = Static<typeof PartnerDashboard>;

/** What waits for my organisation, for Home: the first few of each list and how many there are. */
export const FollowupWaiting = Strict({
  overdue: Strict({ total: Count, items: Type.Array(ActionRow) }),
  dueSoon: Strict({ total: Count, items: Type.Array(ActionRow) }),
  reportsToSubmit: Type.Array(ReportTask),
});
export type FollowupWaiting = Static<typeof FollowupWaiting>;

/** A part of an action plan (domain, objective, action) with its figures. */
export const PlanPart = Strict({
  reference: Type.String(),
  /** `domain`, `objective` or `action`. */
  part: Type.String(),
  number: Type.Integer({ minimum: 1 }),
  label: Label,
  recommendations: Count,
  followedUp: Count,
  commitments: Count,
  actions: ActionStatusCounts,
  indicators: Strict({ total: Count, achieved: Count, onTrack: Count, offTrack: Count, noData: Count }),
  /** Mean attainment (0..1, capped at 1 per indicator) of the part's indicators with data. */
  attainment: Nullable(Type.Number()),
});
export type PlanPart = Static<typeof PlanPart>;

export const PlanDashboard = Strict({
  plan: Literals(ACTION_PLANS),
  label: Label,
  parts: Type.Array(PlanPart),
  totals: Strict({
    recommendations: Count,
    followedUp: Count,
    commitments: Count,
    actions: ActionStatusCounts,
    indicators: Strict({ total: Count, achieved: Count, onTrack: Count, offTrack: Count, noData: Count }),
  }),
  /** Committed partners per country (ISO 3166-1 alpha-2), for the map. */
  partnersByCountry: Type.Record(Type.String(), Count),
  partners: Type.Array(Strict({ organisation: OrganisationRef, commitments: Count })),
  /** A sample of indicators for the lines chart (most off track first), at most 12. */
  indicators: Type.Array(IndicatorRow),
});
export type PlanDashboard = Static<typeof PlanDashboard>;

/** The action plans and their parts, with labels, for pickers and dashboards. */
export const PlanCatalogue = Strict({
  plans: Type.Array(
    Strict({
      plan: Literals(ACTION_PLANS),
      label: Label,
      parts: Type.Array(Strict({ reference: Type.String(), part: Type.String(), number: Type.Integer(), label: Label })),
    }),
  ),
});
export type PlanCatalogue = Static<typeof PlanCatalogue>;

/** A drill-down list of actions (`GET /api/v1/followup/actions`): a page and how many in all. */
export const ActionList = Strict({ items: Type.Array(ActionRow), total: Count });
export type ActionList = Static<typeof ActionList>;

/** A drill-down list of indicators (`GET /api/v1/followup/indicators`): a page and how many in all. */
export const IndicatorList = Strict({ items: Type.Array(IndicatorRow), total: Count });
export type IndicatorList = Static<typeof IndicatorList>;
