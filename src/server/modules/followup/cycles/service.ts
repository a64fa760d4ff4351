import type {
  CycleDetail,
  CycleList,
  CycleSummary,
  PartnerProgress,
  ReviewComment,
} from '../../../../shared/followup/cycles-contract.js';
import { FOLLOWUP_PROBLEMS } from '../../../../shared/followup/problems.js';
import { REMINDER_DAYS_BEFORE, REPORT_PROGRESS } from '../../../../shared/followup/vocabulary.js';
import type { ActorContext } from '../../../platform/context.js';
import { notFound, problem } from '../../../platform/errors.js';
import { enqueueJob } from '../../../platform/jobs/queue.js';
import { renderMarkdown } from '../../../platform/markdown.js';
import { authorize, decide } from '../../../platform/policy/policy.js';
import { sendLetter } from '../../exchange/messages/letters.js';
import { auditRead } from '../commitments/service.js';
import * as cycles from './cycles-repository.js';
import { DEADLINE_JOB, REMINDER_JOB } from './jobs.js';
import { delayUntil, progressOf, today } from './progress.js';
import * as reports from './reports-repository.js';
import type { CloseCycleBody, CycleListQuery, OpenCycleBody } from './schemas.js';
import { commitmentSummaries } from './summaries-repository.js';
import { taskText } from './tasks.js';

export const reportRecord = (cycle: Pick<cycles.Cycle, 'reviewerOrganisations'>, report: { organisationId: string }) => ({
  kind: 'report' as const,
  organisationId: report.organisationId,
  reviewerOrganisationIds: cycle.reviewerOrganisations,
});

/** A cycle is the business of whoever may read one of its reports: the secretariat, its partners, its reviewers. */
const mayRead = (ctx: ActorContext, cycle: cycles.Cycle, report: reports.Report) =>
  decide(ctx.actor, 'report.read', reportRecord(cycle, report)).allow;
const isParty = (ctx: ActorContext, cycle: cycles.Cycle, its: reports.Report[]) =>
  its.some((report) => mayRead(ctx, cycle, report));

/** A peer comment as replies show it, its Markdown rendered sanitised. */
export const toComment = (comment: reports.Comment, names: Map<string, cycles.OrganisationName>): ReviewComment => ({
  id: comment.id,
  author: { id: comment.authorId, name: comment.authorName },
  organisation: organisationRef(names, comment.organisationId),
  body: comment.body,
  bodyHtml: renderMarkdown(comment.body),
  createdAt: comment.createdAt.toISOString(),
});

export const organisationRef = (names: Map<string, cycles.OrganisationName>, id: string) =>
  names.get(id) ?? { id, name: '', acronym: null, country: null };

function partnersOf(
  ctx: ActorContext,
  cycle: cycles.Cycle,
  its: reports.Report[],
  names: Map<string, cycles.OrganisationName>,
): PartnerProgress[] {
  return its.map((report) => ({
    reportId: report.id,
    organisation: organisationRef(names, report.organisationId),
    status: report.status,
    progress: progressOf(report.status, cycle.deadline),
    submittedAt: report.submittedAt?.toISOString() ?? null,
    commentCount: report.commentCount,
    readable: mayRead(ctx, cycle, report),
  }));
}

function summaryOf(cycle: cycles.Cycle, partners: PartnerProgress[]): CycleSummary {
  const progress = Object.fromEntries(REPORT_PROGRESS.map((key) => [key, 0])) as CycleSummary['progress'];
  for (const partner of partners) progress[partner.progress] += 1;
  return {
    id: cycle.id,
    title: cycle.title,
    plan: cycle.plan,
    deadline: cycle.deadline,
    status: cycle.status,
    openedAt: cycle.openedAt.toISOString(),
    closedAt: cycle.closedAt?.toISOString() ?? null,
    commitmentCount: cycle.commitmentCount,
    progress,
  };
}

const byCycle = (its: reports.Report[]) => {
  const map = new Map<string, reports.Report[]>();
  for (const report of its) map.set(report.cycleId, [...(map.get(report.cycleId) ?? []), report]);
  return map;
};

export async function listCycles(ctx: ActorContext, query: CycleListQuery): Promise<CycleList> {
  const all = await cycles.listCycles(ctx.db, query.status);
  const grouped = byCycle(
    await reports.reportsOfCycles(
      ctx.db,
      all.map((cycle) => cycle.id),
    ),
  );
  const mine = all.filter((cycle) => isParty(ctx, cycle, grouped.get(cycle.id) ?? []));
  const items = mine.map((cycle) => summaryOf(cycle, partnersOf(ctx, cycle, grouped.get(cycle.id) ?? [], new Map())));
  return { items, total: items.length };
}

/** The cycle and its reports, or 404 for anyone who is no party to it. */
export async function loadCycle(ctx: ActorContext, id: string) {
  const cycle = await cycles.findCycle(ctx.db, id);
  if (!cycle) throw notFound('review cycle');
  const its = await reports.reportsOfCycles(ctx.db, [id]);
  if (!isParty(ctx, cycle, its)) throw notFound('review cycle');
  return { cycle, reports: its };
}

export async function getCycle(ctx: ActorContext, id: string): Promise<CycleDetail> {
  const { cycle, reports: its } = await loadCycle(ctx, id);
  const commitmentIds = await cycles.visibleCycleCommitmentIds(ctx.db, ctx.viewer, id);
  // The peer comments of the reports this viewer may open, shown with the partners' progress.
  const readable = its.filter((report) => mayRead(ctx, cycle, report));
  const comments = await reports.commentsOf(
    ctx.db,
    readable.map((report) => report.id),
  );
  const names = await cycles.organisationNames(ctx.db, [
    ...its.map((report) => report.organisationId),
    ...cycle.reviewerOrganisations,
    ...comments.map((comment) => comment.organisationId),
  ]);
  const partnerOf = new Map(readable.map((report) => [report.id, report.organisationId]));
  const partners = partnersOf(ctx, cycle, its, names);
  const commitments = await commitmentSummaries(ctx.db, ctx.viewer, commitmentIds);
  await auditRead(ctx, commitments, { cycleId: id });
  return {
    ...summaryOf(cycle, partners),
    description: cycle.description,
    descriptionHtml: renderMarkdown(cycle.description),
    openedBy: cycle.openedByName === null ? null : { id: cycle.openedBy, name: cycle.openedByName },
    reviewers: cycle.reviewerOrganisations.map((orgId) => organisationRef(names, orgId)),
    closingSummary: cycle.closingSummary,
    commitments,
    partners,
    comments: comments.map((comment) => ({
      reportId: comment.reportId,
      partner: organisationRef(names, partnerOf.get(comment.reportId) ?? ''),
      comment: toComment(comment, names),
    })),
    revision: cycle.revision,
    permissions: { manage: cycle.status === 'open' && decide(ctx.actor, 'cycle.manage').allow },
  };
}

/**
 * Opens a cycle: one report per lead organisation of the covered commitments, each partner's task
 * in its units' inboxes, the reminder and deadline jobs, and the audit row, in one transaction.
 */
export async function openCycle(ctx: ActorContext, body: OpenCycleBody): Promise<CycleDetail> {
  authorize(ctx.actor, 'cycle.manage');
  authorize(ctx.actor, 'unit.actFor', { kind: 'unit', unitId: body.unitId });
  if (body.deadline < today()) {
    throw problem(FOLLOWUP_PROBLEMS, 'deadline-passed', 'The deadline of a review cycle is today or later.');
  }
  const leads = await cycles.visibleCommitmentLeads(ctx.db, ctx.viewer, body.commitmentIds);
  if (leads.length !== body.commitmentIds.length) {
    throw problem(FOLLOWUP_PROBLEMS, 'unknown-commitment', 'A commitment does not exist or you may not see it.');
  }
  const reviewers = await cycles.activeOrganisations(ctx.db, body.reviewerOrganisations);
  if (reviewers.length !== body.reviewerOrganisations.length) {
    throw problem(FOLLOWUP_PROBLEMS, 'unknown-organisation', 'A reviewer organisation does not exist or is inactive.');
  }
  const partnerIds = [...new Set(leads.map((lead) => lead.leadOrganisationId))];
  const id = await ctx.audited(
    async (trx) => {
      const cycleId = await cycles.insertCycle(trx, {
        title: body.title,
        description: body.description ?? '',
        plan: body.plan ?? null,
        deadline: body.deadline,
        reviewerOrganisations: body.reviewerOrganisations,
        openedBy: ctx.actor.userId,
        openedUnitId: body.unitId,
        commitmentIds: body.commitmentIds,
      });
      for (const report of await reports.insertReports(trx, cycleId, partnerIds)) {
        await reports.insertHistory(trx, { reportId: report.id, userId: ctx.actor.userId, from: null, to: 'not_started' });
        const text = taskText({
          cycleTitle: body.title,
          deadline: body.deadline,
          reportId: report.id,
          publicUrl: ctx.config.publicUrl,
        });
        const messageId = await sendLetter(trx, {
          senderUserId: ctx.actor.userId,
          fromUnitId: body.unitId,
          fromOrganisationId: ctx.actor.organisationId,
          to: { kind: 'organisation', id: report.organisationId },
          ...text,
        });
        await reports.setTaskMessage(trx, report.id, messageId);
      }
      // Both jobs survive restarts in the queue; each sends what it sends once (followup_reminders).
      const payload = { cycleId };
      await enqueueJob(trx, {
        kind: REMINDER_JOB,
        payload,
        createdBy: ctx.actor.userId,
        delayMs: delayUntil(body.deadline, -REMINDER_DAYS_BEFORE),
      });
      await enqueueJob(trx, { kind: DEADLINE_JOB, payload, createdBy: ctx.actor.userId, delayMs: delayUntil(body.deadline, 1) });
      return cycleId;
    },
    (cycleId) => ({
      action: 'followup.cycle.open',
      outcome: 'success',
      targetType: 'review_cycle',
      targetId: cycleId,
      details: { commitments: body.commitmentIds.length, partners: partnerIds.length, deadline: body.deadline },
    }),
  );
  return getCycle(ctx, id);
}

export async function closeCycle(ctx: ActorContext, id: string, body: CloseCycleBody): Promise<CycleDetail> {
  authorize(ctx.actor, 'cycle.manage');
  await loadCycle(ctx, id);
  await ctx.audited(
    async (trx) => {
      const cycle = await cycles.findCycle(trx, id, true);
      if (!cycle) throw notFound('review cycle');
      if (cycle.status === 'closed') throw problem(FOLLOWUP_PROBLEMS, 'cycle-closed', 'The cycle is already closed.');
      if (cycle.revision !== body.revision) {
        throw problem(FOLLOWUP_PROBLEMS, 'stale-revision', 'The cycle changed since you opened it.', {
          revision: cycle.revision,
        });
      }
      await cycles.closeCycle(trx, id, ctx.actor.userId, body.summary);
    },
    () => ({ action: 'followup.cycle.close', outcome: 'success', targetType: 'review_cycle', targetId: id }),
  );
  return getCycle(ctx, id);
}
