import { Type } from '@sinclair/typebox';
import { DateOnly, DateTime, Id, Literals, Nullable, type Static, Strict } from '../contract/kit.js';
import { HANDLING_CODES } from '../handling-codes.js';
import {
  ACTION_STATUSES,
  COMMITMENT_STATUSES,
  INDICATOR_DIRECTIONS,
  INDICATOR_TRENDS,
  PARTNER_ROLES,
  VALUE_TYPES,
} from './vocabulary.js';

/**
 * Replies of the follow-up's commitments API (`/api/v1/followup/commitments`, `/actions`,
 * `/indicators`, `/measurements`). Review cycles and dashboards have files of their own
 * (cycles-contract.ts, dashboards-contract.ts).
 */

export const HandlingCode = Literals(HANDLING_CODES);
export const CommitmentStatus = Literals(COMMITMENT_STATUSES);
export const ActionStatus = Literals(ACTION_STATUSES);
export const IndicatorTrend = Literals(INDICATOR_TRENDS);

/** An organisation as follow-up pages name it. */
export const OrganisationRef = Strict({
  id: Id,
  name: Type.String(),
  acronym: Nullable(Type.String()),
  country: Nullable(Type.String()),
});
export type OrganisationRef = Static<typeof OrganisationRef>;

export const Partner = Strict({ organisation: OrganisationRef, role: Literals(PARTNER_ROLES) });
export type Partner = Static<typeof Partner>;

export const UnitRef = Strict({ id: Id, name: Type.String(), organisationId: Id });
export type UnitRef = Static<typeof UnitRef>;

export const PersonRef = Strict({ id: Id, name: Type.String() });

/** A library recommendation a commitment acts on, as far as the viewer may see it. */
export const LinkedRecommendation = Strict({
  itemId: Id,
  /** Its number in the document ("12", "11(b)"), when it has one. */
  number: Nullable(Type.String()),
  text: Type.String(),
  document: Strict({ id: Id, title: Type.String(), dates: Type.Array(DateOnly) }),
});
export type LinkedRecommendation = Static<typeof LinkedRecommendation>;

const countsByActionStatus = Strict({
  planned: Type.Integer({ minimum: 0 }),
  in_progress: Type.Integer({ minimum: 0 }),
  done: Type.Integer({ minimum: 0 }),
  delayed: Type.Integer({ minimum: 0 }),
  cancelled: Type.Integer({ minimum: 0 }),
});
export type CountsByActionStatus = Static<typeof countsByActionStatus>;

const summaryFields = {
  id: Id,
  title: Type.String(),
  status: CommitmentStatus,
  startsOn: DateOnly,
  endsOn: DateOnly,
  lead: OrganisationRef,
  /** Action-plan reference ids ('CAP:objective:3'). */
  references: Type.Array(Type.String()),
  handlingCode: HandlingCode,
  actions: countsByActionStatus,
  /** Actions not done nor cancelled whose due date has passed. */
  overdueActions: Type.Integer({ minimum: 0 }),
  indicators: Strict({
    total: Type.Integer({ minimum: 0 }),
    achieved: Type.Integer({ minimum: 0 }),
    onTrack: Type.Integer({ minimum: 0 }),
    offTrack: Type.Integer({ minimum: 0 }),
  }),
  updatedAt: DateTime,
};

export const CommitmentSummary = Strict(summaryFields);
export type CommitmentSummary = Static<typeof CommitmentSummary>;

export const CommitmentList = Strict({ items: Type.Array(CommitmentSummary), total: Type.Integer({ minimum: 0 }) });
export type CommitmentList = Static<typeof CommitmentList>;

export const ActionHistoryEntry = Strict({
  at: DateTime,
  by: Nullable(PersonRef),
  fromStatus: Nullable(ActionStatus),
  toStatus: ActionStatus,
  fromDueOn: Nullable(DateOnly),
  toDueOn: DateOnly,
  reason: Nullable(Type.String()),
});
export type ActionHistoryEntry = Static<typeof ActionHistoryEntry>;

export const FollowupAction = Strict({
  id: Id,
  commitmentId: Id,
  title: Type.String(),
  description: Type.String(),
  ownerUnit: UnitRef,
  dueOn: DateOnly,
  status: ActionStatus,
  /** Not done nor cancelled, and past its due date. */
  overdue: Type.Boolean(),
  revision: Type.Integer({ minimum: 1 }),
  history: Type.Array(ActionHistoryEntry),
});
export type FollowupAction = Static<typeof FollowupAction>;

export const Measurement = Strict({
  id: Id,
  value: Type.Number(),
  measuredOn: DateOnly,
  source: Type.String(),
  note: Type.String(),
  /** A file (downloaded through `/api/v1/followup/measurements/:id/evidence`) or a link. */
  evidence: Nullable(
    Type.Union([
      Strict({
        kind: Type.Literal('file'),
        filename: Type.String(),
        size: Type.Integer({ minimum: 0 }),
        mediaType: Type.String(),
      }),
      Strict({ kind: Type.Literal('link'), url: Type.String() }),
    ]),
  ),
  reportedBy: Nullable(PersonRef),
  reportedAt: DateTime,
  withdrawn: Nullable(Strict({ at: DateTime, reason: Type.String() })),
});
export type Measurement = Static<typeof Measurement>;

export const Indicator = Strict({
  id: Id,
  commitmentId: Id,
  name: Type.String(),
  measureUnit: Type.String(),
  direction: Literals(INDICATOR_DIRECTIONS),
  valueType: Literals(VALUE_TYPES),
  /** For milestone indicators: the milestones in order; values are their indexes. */
  milestones: Type.Array(Type.String()),
  baseline: Strict({ value: Type.Number(), on: DateOnly }),
  target: Strict({ value: Type.Number(), on: DateOnly }),
  /** The latest measurement not withdrawn, if any. */
  latest: Nullable(Strict({ value: Type.Number(), on: DateOnly })),
  /** How far from baseline to target the latest value is, 0..1 (may exceed 1); null without data. */
  attainment: Nullable(Type.Number()),
  trend: IndicatorTrend,
  revision: Type.Integer({ minimum: 1 }),
  /** Every measurement, oldest first (withdrawn ones included, marked). */
  measurements: Type.Array(Measurement),
});
export type Indicator = Static<typeof Indicator>;

export const CommitmentDetail = Strict({
  ...summaryFields,
  description: Type.String({ description: 'Markdown' }),
  descriptionHtml: Type.String(),
  statusReason: Nullable(Type.String()),
  partners: Type.Array(Partner),
  recommendations: Type.Array(LinkedRecommendation),
  distribution: Strict({
    units: Type.Array(Id),
    organisations: Type.Array(Id),
    sharingGroups: Type.Array(Id),
    allPartners: Type.Boolean(),
  }),
  originatorUnit: UnitRef,
  createdBy: Nullable(PersonRef),
  createdAt: DateTime,
  revision: Type.Integer({ minimum: 1 }),
  actionItems: Type.Array(FollowupAction),
  indicatorItems: Type.Array(Indicator),
  /** What this viewer may do, as the server decided (the web app hides the rest). */
  permissions: Strict({ edit: Type.Boolean() }),
});
export type CommitmentDetail = Static<typeof CommitmentDetail>;

export const CommitmentRevision = Strict({
  revision: Type.Integer({ minimum: 1 }),
  at: DateTime,
  by: Nullable(PersonRef),
  action: Type.String(),
  /** Field names and values before and after (only what changed). */
  before: Nullable(Type.Record(Type.String(), Type.Unknown())),
  after: Nullable(Type.Record(Type.String(), Type.Unknown())),
  reason: Nullable(Type.String()),
});
export type CommitmentRevision = Static<typeof CommitmentRevision>;

export const CommitmentHistory = Strict({ revisions: Type.Array(CommitmentRevision) });
export type CommitmentHistory = Static<typeof CommitmentHistory>;

/** The commitments acting on one library recommendation (its page in the library shows them). */
export const RecommendationFollowUp = Strict({
  itemId: Id,
  commitments: Type.Array(CommitmentSummary),
});
export type RecommendationFollowUp = Static<typeof RecommendationFollowUp>;

/** An uploaded evidence file, to name in a measurement. */
export const EvidenceUpload = Strict({
  id: Id,
  filename: Type.String(),
  size: Type.Integer({ minimum: 0 }),
  mediaType: Type.String(),
});
export type EvidenceUpload = Static<typeof EvidenceUpload>;

/** Organisations to pick as partners of a commitment. */
export const OrganisationChoices = Strict({ items: Type.Array(OrganisationRef) });
export type OrganisationChoices = Static<typeof OrganisationChoices>;

/** The export file (`GET /api/v1/followup/export`): CSV or JSON, sent as an attachment. */
export const FollowupExportFile = Type.String({
  description: 'text/csv or application/json, as an attachment; X-Liaison-Export-* headers give its size and cap',
});
