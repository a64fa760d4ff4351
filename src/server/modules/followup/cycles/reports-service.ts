import type { ReportDetail, ReviewComment } from '../../../../shared/followup/cycles-contract.js';
import { FOLLOWUP_PROBLEMS } from '../../../../shared/followup/problems.js';
import type { Assessment, ReportStatus } from '../../../../shared/followup/vocabulary.js';
import type { ActorContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { notFound, problem } from '../../../platform/errors.js';
import { renderMarkdown } from '../../../platform/markdown.js';
import { authorize, decide } from '../../../platform/policy/policy.js';
import { auditRead } from '../commitments/service.js';
import * as cycles from './cycles-repository.js';
import { progressOf } from './progress.js';
import * as reports from './reports-repository.js';
import type { CommentBody, ReturnReportBody, RevisionBody, SaveReportBody } from './schemas.js';
import { organisationRef, reportRecord, toComment } from './service.js';
import { commitmentSummaries } from './summaries-repository.js';

/**
 * A partner's report: drafted and submitted by the partner (report.edit), returned or accepted by
 * the secretariat (report.decide), which never edits its text; commented on by the secretariat and
 * the cycle's reviewers (report.comment). Every change: its history row and audit row, one transaction.
 */

/** The report and its cycle, or 404 for anyone who may not read it. */
async function loadReport(ctx: ActorContext, id: string, db: Db = ctx.db, lock = false) {
  const report = await reports.findReport(db, id, lock);
  if (!report) throw notFound('report');
  const cycle = await cycles.findCycle(db, report.cycleId);
  if (!cycle) throw notFound('report');
  authorize(ctx.actor, 'report.read', reportRecord(cycle, report));
  return { report, cycle };
}

export async function getReport(ctx: ActorContext, id: string): Promise<ReportDetail> {
  const { report, cycle } = await loadReport(ctx, id);
  const entries = await reports.visibleEntries(ctx.db, ctx.viewer, [id]);
  const summaries = new Map(
    (
      await commitmentSummaries(
        ctx.db,
        ctx.viewer,
        entries.map((entry) => entry.commitmentId),
      )
    ).map((c) => [c.id, c]),
  );
  await auditRead(ctx, [...summaries.values()], { reportId: id });
  const comments = await reports.commentsOf(ctx.db, [id]);
  const names = await cycles.organisationNames(ctx.db, [report.organisationId, ...comments.map((c) => c.organisationId)]);
  const record = reportRecord(cycle, report);
  const open = cycle.status === 'open';
  const editable = open && decide(ctx.actor, 'report.edit', record).allow;
  return {
    id: report.id,
    cycle: { id: cycle.id, title: cycle.title, deadline: cycle.deadline, status: cycle.status },
    organisation: organisationRef(names, report.organisationId),
    status: report.status,
    progress: progressOf(report.status, cycle.deadline),
    summary: report.summary,
    summaryHtml: renderMarkdown(report.summary),
    entries: entries.flatMap((entry) => {
      const commitment = summaries.get(entry.commitmentId);
      return commitment ? [{ commitment, progress: entry.progress, assessment: entry.assessment as Assessment | null }] : [];
    }),
    returnedReason: report.returnedReason,
    submittedAt: report.submittedAt?.toISOString() ?? null,
    decidedAt: report.decidedAt?.toISOString() ?? null,
    revision: report.revision,
    history: (await reports.historyOf(ctx.db, id)).map((entry) => ({
      at: entry.at.toISOString(),
      by: entry.byId && entry.byName !== null ? { id: entry.byId, name: entry.byName } : null,
      fromStatus: entry.fromStatus,
      toStatus: entry.toStatus,
      reason: entry.reason,
    })),
    comments: comments.map((comment) => toComment(comment, names)),
    permissions: {
      edit: editable && EDITABLE.includes(report.status),
      submit: editable && EDITABLE.includes(report.status),
      decide: open && report.status === 'submitted' && decide(ctx.actor, 'report.decide').allow,
      comment: open && decide(ctx.actor, 'report.comment', record).allow,
    },
  };
}

/** Statuses in which the partner still writes its report. */
const EDITABLE: readonly ReportStatus[] = ['not_started', 'draft', 'returned'];

interface Transition {
  /** Checks the actor may make the change (throws the problem otherwise). */
  allowed(ctx: ActorContext, record: ReturnType<typeof reportRecord>): void;
  from: readonly ReportStatus[];
  to: (status: ReportStatus) => ReportStatus;
  change?: (ctx: ActorContext) => reports.ReportChange;
  reason?: string | null;
  audit: string;
  /** Writes what comes with the change (a draft's entries). */
  also?: (trx: Db, report: reports.Report) => Promise<void>;
}

/** Runs one change of a report: who, which cycle, which revision, which status, then history and audit. */
async function change(ctx: ActorContext, id: string, revision: number, transition: Transition): Promise<ReportDetail> {
  const { report: before, cycle } = await loadReport(ctx, id);
  transition.allowed(ctx, reportRecord(cycle, before));
  await ctx.audited(
    async (trx) => {
      const { report, cycle: current } = await loadReport(ctx, id, trx, true);
      if (current.status === 'closed') throw problem(FOLLOWUP_PROBLEMS, 'cycle-closed', 'The review cycle is closed.');
      if (report.revision !== revision) {
        throw problem(FOLLOWUP_PROBLEMS, 'stale-revision', 'The report changed since you opened it.', {
          revision: report.revision,
        });
      }
      if (!transition.from.includes(report.status)) {
        throw problem(FOLLOWUP_PROBLEMS, 'report-state', `A ${report.status} report cannot be changed this way.`, {
          reportStatus: report.status,
        });
      }
      const to = transition.to(report.status);
      await transition.also?.(trx, report);
      await reports.updateReport(trx, id, { ...transition.change?.(ctx), status: to });
      if (to !== report.status) {
        await reports.insertHistory(trx, {
          reportId: id,
          userId: ctx.actor.userId,
          from: report.status,
          to,
          reason: transition.reason ?? null,
        });
      }
      return { from: report.status, to };
    },
    (result) => ({
      action: transition.audit,
      outcome: 'success',
      targetType: 'review_report',
      targetId: id,
      details: { cycleId: cycle.id, fromStatus: result.from, toStatus: result.to },
    }),
  );
  return getReport(ctx, id);
}

const partnerOnly = (ctx: ActorContext, record: ReturnType<typeof reportRecord>) => authorize(ctx.actor, 'report.edit', record);
const secretariatOnly = (ctx: ActorContext) => authorize(ctx.actor, 'report.decide');

export function saveDraft(ctx: ActorContext, id: string, body: SaveReportBody) {
  return change(ctx, id, body.revision, {
    allowed: partnerOnly,
    from: EDITABLE,
    // A returned report stays returned until submitted again, so the secretariat sees why it waits.
    to: (status) => (status === 'not_started' ? 'draft' : status),
    change: () => ({ summary: body.summary }),
    audit: 'followup.report.save',
    also: async (trx, report) => {
      const led = new Set(await reports.ledCommitmentIds(trx, report.id));
      if (body.entries.some((entry) => !led.has(entry.commitmentId))) {
        throw problem(FOLLOWUP_PROBLEMS, 'unknown-commitment', 'An entry names a commitment this report does not cover.');
      }
      await reports.upsertEntries(trx, report.id, body.entries);
    },
  });
}

export function submit(ctx: ActorContext, id: string, body: RevisionBody) {
  return change(ctx, id, body.revision, {
    allowed: partnerOnly,
    from: EDITABLE,
    to: () => 'submitted',
    change: () => ({ submittedBy: ctx.actor.userId, returnedReason: null }),
    audit: 'followup.report.submit',
  });
}

export function returnReport(ctx: ActorContext, id: string, body: ReturnReportBody) {
  return change(ctx, id, body.revision, {
    allowed: secretariatOnly,
    from: ['submitted'],
    to: () => 'returned',
    change: () => ({ decidedBy: ctx.actor.userId, returnedReason: body.reason }),
    reason: body.reason,
    audit: 'followup.report.return',
  });
}

export function accept(ctx: ActorContext, id: string, body: RevisionBody) {
  return change(ctx, id, body.revision, {
    allowed: secretariatOnly,
    from: ['submitted'],
    to: () => 'accepted',
    change: () => ({ decidedBy: ctx.actor.userId }),
    audit: 'followup.report.accept',
  });
}

export async function comment(ctx: ActorContext, id: string, body: CommentBody): Promise<ReviewComment> {
  const { report, cycle } = await loadReport(ctx, id);
  authorize(ctx.actor, 'report.comment', reportRecord(cycle, report));
  if (cycle.status === 'closed') throw problem(FOLLOWUP_PROBLEMS, 'cycle-closed', 'The review cycle is closed.');
  const commentId = await ctx.audited(
    (trx) =>
      reports.insertComment(trx, {
        reportId: id,
        authorId: ctx.actor.userId,
        organisationId: ctx.actor.organisationId,
        body: body.body,
      }),
    (created) => ({
      action: 'followup.report.comment',
      outcome: 'success',
      targetType: 'review_comment',
      targetId: created,
      details: { reportId: id, cycleId: cycle.id },
    }),
  );
  const created = (await reports.commentsOf(ctx.db, [id])).find((row) => row.id === commentId);
  if (!created) throw notFound('comment');
  const names = await cycles.organisationNames(ctx.db, [created.organisationId]);
  return toComment(created, names);
}
