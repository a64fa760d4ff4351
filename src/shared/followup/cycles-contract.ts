import { Type } from '@sinclair/typebox';
import { DateOnly, DateTime, Id, Literals, Nullable, type Static, Strict } from '../contract/kit.js';
import { CommitmentSummary, OrganisationRef, PersonRef } from './contract.js';
import { ASSESSMENTS, CYCLE_STATUSES, REPORT_PROGRESS, REPORT_STATUSES } from './vocabulary.js';

/** Replies of review cycles, partners' reports and peer comments (`/api/v1/followup/cycles`, `/reports`). */

export const ReportProgress = Literals(REPORT_PROGRESS);

export const PartnerProgress = Strict({
  reportId: Id,
  organisation: OrganisationRef,
  status: Literals(REPORT_STATUSES),
  /** The status with `late` for a report neither submitted nor accepted past the deadline. */
  progress: ReportProgress,
  submittedAt: Nullable(DateTime),
  commentCount: Type.Integer({ minimum: 0 }),
  /** Whether this viewer may open the report (its partner, the secretariat, the cycle's reviewers). */
  readable: Type.Boolean(),
});
export type PartnerProgress = Static<typeof PartnerProgress>;

const progressCounts = Strict({
  not_started: Type.Integer({ minimum: 0 }),
  draft: Type.Integer({ minimum: 0 }),
  submitted: Type.Integer({ minimum: 0 }),
  returned: Type.Integer({ minimum: 0 }),
  late: Type.Integer({ minimum: 0 }),
  accepted: Type.Integer({ minimum: 0 }),
});

const cycleFields = {
  id: Id,
  title: Type.String(),
  plan: Nullable(Type.String()),
  deadline: DateOnly,
  status: Literals(CYCLE_STATUSES),
  openedAt: DateTime,
  closedAt: Nullable(DateTime),
  commitmentCount: Type.Integer({ minimum: 0 }),
  progress: progressCounts,
};

export const CycleSummary = Strict(cycleFields);
export type CycleSummary = Static<typeof CycleSummary>;

export const CycleList = Strict({ items: Type.Array(CycleSummary), total: Type.Integer({ minimum: 0 }) });
export type CycleList = Static<typeof CycleList>;

export const ReviewComment = Strict({
  id: Id,
  author: PersonRef,
  organisation: OrganisationRef,
  body: Type.String(),
  bodyHtml: Type.String(),
  createdAt: DateTime,
});
export type ReviewComment = Static<typeof ReviewComment>;

export const CycleDetail = Strict({
  ...cycleFields,
  description: Type.String(),
  descriptionHtml: Type.String(),
  openedBy: Nullable(PersonRef),
  reviewers: Type.Array(OrganisationRef),
  closingSummary: Nullable(Type.String()),
  /** The commitments the cycle covers that this viewer may see. */
  commitments: Type.Array(CommitmentSummary),
  partners: Type.Array(PartnerProgress),
  /** Peer comments on the reports this viewer may open, oldest first, with the partner reported on. */
  comments: Type.Array(Strict({ reportId: Id, partner: OrganisationRef, comment: ReviewComment })),
  revision: Type.Integer({ minimum: 1 }),
  permissions: Strict({ manage: Type.Boolean() }),
});
export type CycleDetail = Static<typeof CycleDetail>;

export const ReportEntry = Strict({
  commitment: CommitmentSummary,
  progress: Type.String(),
  assessment: Nullable(Literals(ASSESSMENTS)),
});
export type ReportEntry = Static<typeof ReportEntry>;

export const ReportHistoryEntry = Strict({
  at: DateTime,
  by: Nullable(PersonRef),
  fromStatus: Nullable(Literals(REPORT_STATUSES)),
  toStatus: Literals(REPORT_STATUSES),
  reason: Nullable(Type.String()),
});

export const ReportDetail = Strict({
  id: Id,
  cycle: Strict({ id: Id, title: Type.String(), deadline: DateOnly, status: Literals(CYCLE_STATUSES) }),
  organisation: OrganisationRef,
  status: Literals(REPORT_STATUSES),
  progress: ReportProgress,
  summary: Type.String(),
  summaryHtml: Type.String(),
  /** One entry per covered commitment of this partner that the viewer may see. */
  entries: Type.Array(ReportEntry),
  returnedReason: Nullable(Type.String()),
  submittedAt: Nullable(DateTime),
  decidedAt: Nullable(DateTime),
  revision: Type.Integer({ minimum: 1 }),
  history: Type.Array(ReportHistoryEntry),
  comments: Type.Array(ReviewComment),
  permissions: Strict({
    edit: Type.Boolean(),
    submit: Type.Boolean(),
    decide: Type.Boolean(),
    comment: Type.Boolean(),
  }),
});
export type ReportDetail = Static<typeof ReportDetail>;

/** Reports waiting for my organisation (partner dashboard, home card). */
export const ReportTask = Strict({
  reportId: Id,
  cycleId: Id,
  cycleTitle: Type.String(),
  deadline: DateOnly,
  status: Literals(REPORT_STATUSES),
  progress: ReportProgress,
});
export type ReportTask = Static<typeof ReportTask>;
