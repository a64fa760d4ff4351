import type { ReportStatus } from '../../shared/followup/vocabulary.js';
import type { Db } from '../platform/db/database.js';
import type { DemoCycle, DemoReport } from './followup-cycle-data.js';
import type { FollowupSeedKit } from './followup-seed-kit.js';
import { seedTask } from './seed-followup-tasks.js';

/**
 * The demo review cycle, as the API leaves it: the cycle and the commitments it covers, one report
 * per lead partner of those commitments (created with the cycle, `not_started`), each report's
 * status changes in its history with who and why, its entries, and the comments of the secretariat
 * and peer reviewers. `commitmentIds`: the demo commitments' ids by title. Returns the report count.
 */
export async function seedReviewCycle(
  db: Db,
  kit: FollowupSeedKit,
  demo: DemoCycle,
  commitmentIds: Map<string, string>,
  publicUrl: string,
): Promise<number> {
  const secretariat = await kit.person(demo.by);
  const opened = kit.at(demo.opened);
  const covered = demo.commitments.map((title) => {
    const id = commitmentIds.get(title);
    if (!id) throw new Error(`demo follow-up: the cycle names an unknown commitment "${title}"`);
    return id;
  });
  const { id: cycleId } = await db
    .insertInto('review_cycles')
    .values({
      title: demo.title,
      description: demo.description,
      plan: demo.plan,
      deadline: kit.on(demo.deadline),
      reviewer_organisations: await Promise.all(demo.reviewers.map((key) => kit.organisation(key))),
      opened_by: secretariat.id,
      opened_unit_id: secretariat.unitId,
      opened_at: opened,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('review_cycle_commitments')
    .values(covered.map((commitmentId) => ({ cycle_id: cycleId, commitment_id: commitmentId })))
    .execute();
  const leads = await db
    .selectFrom('commitments')
    .select(['id', 'title', 'originator_organisation_id'])
    .where('id', 'in', covered)
    .execute();
  for (const report of demo.reports) {
    const organisationId = await kit.organisation(report.organisation);
    const own = leads.filter((row) => row.originator_organisation_id === organisationId);
    const reportId = await seedReport(db, kit, cycleId, organisationId, own, report, opened, secretariat.id);
    const taskMessageId = await seedTask(db, kit, demo.by, publicUrl, {
      cycleTitle: demo.title,
      deadline: kit.on(demo.deadline),
      reportId,
      organisationId,
      sentAt: opened,
      readBy: report.steps[0]?.[2] ?? null,
    });
    await db.updateTable('review_reports').set({ task_message_id: taskMessageId }).where('id', '=', reportId).execute();
  }
  return demo.reports.length;
}

async function seedReport(
  db: Db,
  kit: FollowupSeedKit,
  cycleId: string,
  organisationId: string,
  commitments: { id: string; title: string }[],
  demo: DemoReport,
  opened: Date,
  openedBy: string,
): Promise<string> {
  let status: ReportStatus = 'not_started';
  const history = [
    {
      at: opened,
      actor_user_id: openedBy as string | null,
      from_status: null as string | null,
      to_status: status as string,
      reason: null as string | null,
    },
  ];
  const report = {
    submitted_at: null as Date | null,
    submitted_by: null as string | null,
    returned_reason: null as string | null,
    decided_at: null as Date | null,
    decided_by: null as string | null,
  };
  for (const [day, next, by, reason] of demo.steps) {
    const who = await kit.person(by);
    const at = kit.at(day);
    history.push({ at, actor_user_id: who.id, from_status: status, to_status: next, reason: reason ?? null });
    if (next === 'submitted') Object.assign(report, { submitted_at: at, submitted_by: who.id });
    if (next === 'returned' || next === 'accepted') Object.assign(report, { decided_at: at, decided_by: who.id });
    if (next === 'returned') report.returned_reason = reason ?? null;
    status = next;
  }
  const updated = history[history.length - 1].at;
  const { id } = await db
    .insertInto('review_reports')
    .values({
      cycle_id: cycleId,
      organisation_id: organisationId,
      status,
      summary: demo.summary,
      // One revision per save: the creation, then each change of status.
      revision: history.length,
      ...report,
      updated_at: updated,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('review_report_history')
    .values(history.map((row) => ({ ...row, report_id: id })))
    .execute();
  // Entries are written when a partner saves its report: none for a report never started.
  if (commitments.length > 0 && demo.steps.length > 0) {
    await db
      .insertInto('review_report_entries')
      .values(
        commitments.map((commitment) => {
          const [progress, assessment] = demo.entries[commitment.title] ?? ['', null];
          return { report_id: id, commitment_id: commitment.id, progress, assessment, updated_at: updated };
        }),
      )
      .execute();
  }
  for (const [day, by, body] of demo.comments) {
    const author = await kit.person(by);
    await db
      .insertInto('review_comments')
      .values({
        report_id: id,
        author_user_id: author.id,
        author_organisation_id: author.organisationId,
        body,
        created_at: kit.at(day, 30),
      })
      .execute();
  }
  return id;
}
