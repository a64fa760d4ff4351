/**
 * The follow-up's controlled lists and limits, shared by the server's schemas, the wire contract and
 * the web app (plain arrays, no TypeBox, so the browser bundle stays small).
 */

export const COMMITMENT_STATUSES = ['active', 'completed', 'cancelled'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const PARTNER_ROLES = ['lead', 'contributor'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'delayed', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Statuses an action leaves only by being reopened with a reason (done) or never (cancelled). */
export const CLOSED_ACTION_STATUSES: readonly ActionStatus[] = ['done', 'cancelled'];

/**
 * Which status may follow which. A cancelled action stays visible with its reason and is never
 * reopened; a done action may be reopened (to in_progress) when evidence turns out wrong.
 */
export const ACTION_TRANSITIONS: Readonly<Record<ActionStatus, readonly ActionStatus[]>> = {
  planned: ['in_progress', 'delayed', 'done', 'cancelled'],
  in_progress: ['done', 'delayed', 'cancelled'],
  delayed: ['in_progress', 'done', 'cancelled'],
  done: ['in_progress'],
  cancelled: [],
};

/** Cancelling, delaying and reopening a done action need a reason (the server refuses them without one). */
export const statusChangeNeedsReason = (from: ActionStatus, to: ActionStatus) =>
  to === 'cancelled' || to === 'delayed' || CLOSED_ACTION_STATUSES.includes(from);

export const INDICATOR_DIRECTIONS = ['increase', 'decrease'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

/**
 * Values are numbers whatever the type: a percentage is 0..100, yes/no is 0 or 1, a milestone is the
 * index (from 0) of the last milestone reached among the indicator's `milestones`.
 */
export const VALUE_TYPES = ['number', 'percentage', 'boolean', 'milestone'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/**
 * Where an indicator stands from its latest measurement: `achieved` (target reached), `on_track`
 * (at or ahead of the straight line from baseline to target), `off_track` (behind it, or moving away
 * from the target), `no_data` (nothing measured yet).
 */
export const INDICATOR_TRENDS = ['achieved', 'on_track', 'off_track', 'no_data'] as const;
export type IndicatorTrend = (typeof INDICATOR_TRENDS)[number];

export const CYCLE_STATUSES = ['open', 'closed'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

export const REPORT_STATUSES = ['not_started', 'draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A partner's progress in a cycle as its page shows it: a report's status, or `late` past the deadline. */
export const REPORT_PROGRESS = ['not_started', 'draft', 'submitted', 'returned', 'late', 'accepted'] as const;
export type ReportProgress = (typeof REPORT_PROGRESS)[number];

export const ASSESSMENTS = ['on_track', 'at_risk', 'off_track', 'completed'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

/** The library facet: recommendations some commitment acts on, and those none does yet. */
export const FOLLOW_UP_STATES = ['followed_up', 'not_followed_up'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

export const FOLLOWUP_EXPORT_KINDS = ['commitments', 'actions', 'measurements'] as const;
export type FollowupExportKind = (typeof FOLLOWUP_EXPORT_KINDS)[number];

/** Action plans a cycle or a dashboard can be about (the library's reference vocabularies). */
export const ACTION_PLANS = ['CAP', 'MAP', 'GCM', 'JVAP'] as const;
export type ActionPlan = (typeof ACTION_PLANS)[number];

export const MAX_PARTNERS = 30;
export const MAX_LINKED_RECOMMENDATIONS = 50;
export const MAX_MILESTONES = 12;
/** Evidence files of measurements: smaller than message attachments. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** An action due within this many days is "due soon" on the partner dashboard. */
export const DUE_SOON_DAYS = 30;
/** Reminders of a report's deadline and an action's due date, this many days before. */
export const REMINDER_DAYS_BEFORE = 7;
