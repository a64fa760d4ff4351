import { type Static, Type } from '@sinclair/typebox';
import { Literals } from '../../../../shared/contract/kit.js';
import { ACTION_PLANS, ASSESSMENTS, CYCLE_STATUSES, MAX_PARTNERS } from '../../../../shared/followup/vocabulary.js';
import { Id, Strict, Text } from '../../../platform/http/schemas.js';

/** Requests of review cycles and reports (the column limits of migrations/0022_followup.sql). */

const DateOnly = Type.String({ format: 'date' });
const Revision = Type.Integer({ minimum: 1 });
/** A cycle covers at most this many commitments (a plan's mid-term review). */
export const MAX_CYCLE_COMMITMENTS = 500;

export const CycleListQuery = Strict({ status: Type.Optional(Literals(CYCLE_STATUSES)) });
export type CycleListQuery = Static<typeof CycleListQuery>;

export const OpenCycleBody = Strict({
  unitId: Id,
  title: Text(300),
  description: Type.Optional(Text(20000, 0)),
  plan: Type.Optional(Literals(ACTION_PLANS)),
  deadline: DateOnly,
  commitmentIds: Type.Array(Id, { minItems: 1, maxItems: MAX_CYCLE_COMMITMENTS, uniqueItems: true }),
  reviewerOrganisations: Type.Array(Id, { maxItems: MAX_PARTNERS, uniqueItems: true }),
});
export type OpenCycleBody = Static<typeof OpenCycleBody>;

export const CloseCycleBody = Strict({ revision: Revision, summary: Text(20000) });
export type CloseCycleBody = Static<typeof CloseCycleBody>;

export const SaveReportBody = Strict({
  revision: Revision,
  summary: Text(20000, 0),
  entries: Type.Array(
    Strict({ commitmentId: Id, progress: Text(20000, 0), assessment: Type.Union([Literals(ASSESSMENTS), Type.Null()]) }),
    { maxItems: MAX_CYCLE_COMMITMENTS },
  ),
});
export type SaveReportBody = Static<typeof SaveReportBody>;

export const RevisionBody = Strict({ revision: Revision });
export type RevisionBody = Static<typeof RevisionBody>;

export const ReturnReportBody = Strict({ revision: Revision, reason: Text(2000) });
export type ReturnReportBody = Static<typeof ReturnReportBody>;

export const CommentBody = Strict({ body: Text(10000) });
export type CommentBody = Static<typeof CommentBody>;

export const PdfQuery = Strict({ lang: Type.Optional(Literals(['en', 'fr'] as const)) });
export type PdfQuery = Static<typeof PdfQuery>;
