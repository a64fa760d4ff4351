import type { CommitmentSummary, OrganisationRef } from '../../../../shared/followup/contract.js';
import type { PartnerProgress, ReviewComment } from '../../../../shared/followup/cycles-contract.js';
import type { ActionStatus, Assessment } from '../../../../shared/followup/vocabulary.js';
import type { ActorContext } from '../../../platform/context.js';
import * as cycles from './cycles-repository.js';
import { renderCycleReport } from './pdf.js';
import * as reports from './reports-repository.js';
import { getCycle, toComment } from './service.js';
import { commitmentSummaries } from './summaries-repository.js';

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** What the cycle report shows, as far as the viewer may see it. */
export interface CycleReportData {
  title: string;
  plan: string | null;
  deadline: string;
  status: 'open' | 'closed';
  closingSummary: string | null;
  reviewers: OrganisationRef[];
  partners: {
    progress: PartnerProgress;
    summary: string;
    entries: { commitment: CommitmentSummary; progress: string; assessment: Assessment | null }[];
    comments: ReviewComment[];
  }[];
  actions: Partial<Record<ActionStatus, number>>;
  exportedAt: Date;
}

/**
 * The cycle report (PDF): a fixed number of statements whatever the number of partners (all
 * reports' entries, comments and commitments are read at once), then rendering; audited.
 */
export async function cycleReportPdf(ctx: ActorContext, id: string, language: 'en' | 'fr'): Promise<Buffer> {
  const cycle = await getCycle(ctx, id);
  const reportIds = cycle.partners.map((partner) => partner.reportId);
  const [stored, entries, comments, actions] = await Promise.all([
    reports.reportsOfCycles(ctx.db, [id]),
    reports.visibleEntries(ctx.db, ctx.viewer, reportIds),
    reports.commentsOf(ctx.db, reportIds),
    cycles.actionStatusCounts(ctx.db, ctx.viewer, id),
  ]);
  const summaries = new Map(
    (await commitmentSummaries(ctx.db, ctx.viewer, [...new Set(entries.map((entry) => entry.commitmentId))])).map((summary) => [
      summary.id,
      summary,
    ]),
  );
  const names = await cycles.organisationNames(
    ctx.db,
    comments.map((comment) => comment.organisationId),
  );
  const summaryOf = new Map(stored.map((report) => [report.id, report.summary]));
  // Grouped once, so the work grows with the rows, not with partners × rows.
  const entriesOf = groupBy(entries, (entry) => entry.reportId);
  const commentsOf = groupBy(comments, (comment) => comment.reportId);
  const data: CycleReportData = {
    title: cycle.title,
    plan: cycle.plan,
    deadline: cycle.deadline,
    status: cycle.status,
    closingSummary: cycle.closingSummary,
    reviewers: cycle.reviewers,
    partners: cycle.partners.map((partner) => ({
      progress: partner,
      summary: summaryOf.get(partner.reportId) ?? '',
      entries: (entriesOf.get(partner.reportId) ?? []).flatMap((entry) => {
        const commitment = summaries.get(entry.commitmentId);
        return commitment ? [{ commitment, progress: entry.progress, assessment: entry.assessment as Assessment | null }] : [];
      }),
      comments: (commentsOf.get(partner.reportId) ?? []).map((c) => toComment(c, names)),
    })),
    actions,
    exportedAt: new Date(),
  };
  const pdf = await renderCycleReport(data, language);
  await ctx.audit({
    action: 'followup.cycle.export',
    outcome: 'success',
    targetType: 'review_cycle',
    targetId: id,
    details: { format: 'pdf', language, partners: data.partners.length },
  });
  return pdf;
}
