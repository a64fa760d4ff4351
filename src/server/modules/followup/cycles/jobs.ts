import { REMINDER_DAYS_BEFORE, type ReportStatus } from '../../../../shared/followup/vocabulary.js';
import { appendAuditInTransaction } from '../../../platform/audit/audit-log.js';
import type { Db } from '../../../platform/db/database.js';
import { enqueueJob, hasWaitingJob } from '../../../platform/jobs/queue.js';
import { claimReminder } from '../../../platform/jobs/reminders.js';
import type { JobHandler } from '../../../platform/jobs/worker.js';
import { sendLetter } from '../../exchange/messages/letters.js';
import * as cycles from './cycles-repository.js';
import { delayUntil, today } from './progress.js';
import { dueActions } from './reminders-repository.js';
import * as reports from './reports-repository.js';
import { actionDueText, type CycleLetterFacts, lateText, reminderText } from './tasks.js';

/**
 * Reminders and deadlines of the follow-up, as jobs of the platform queue (they survive restarts).
 * Each subject is claimed in `followup_reminders` in the transaction that sends its message, one
 * transaction per subject: a job that stops half-way and runs again sends the rest, never twice.
 */

export const REMINDER_JOB = 'followup.cycle.reminder';
export const DEADLINE_JOB = 'followup.cycle.deadline';
export const ACTIONS_DUE_JOB = 'followup.actions.due';

interface CyclePayload {
  cycleId: string;
}

type Letter = (facts: CycleLetterFacts) => { subject: string; body: string };

/**
 * Sends `letter` to each partner of the cycle whose report is in one of `statuses`, once per
 * (report, kind); `record` adds what else the send records (the lateness audit row).
 */
async function remindPartners(
  db: Db,
  publicUrl: string,
  cycleId: string,
  options: {
    kind: string;
    statuses: readonly ReportStatus[];
    letter: Letter;
    record?: (trx: Db, report: reports.Report) => Promise<void>;
  },
) {
  const cycle = await cycles.findCycle(db, cycleId);
  if (!cycle || cycle.status === 'closed') return { sent: 0 };
  const waiting = (await reports.reportsOfCycles(db, [cycleId])).filter((report) => options.statuses.includes(report.status));
  let sent = 0;
  for (const report of waiting) {
    const done = await db.transaction().execute(async (trx) => {
      if (!(await claimReminder(trx, report.id, options.kind))) return false;
      const facts = { cycleTitle: cycle.title, deadline: cycle.deadline, reportId: report.id, publicUrl };
      await sendLetter(trx, {
        senderUserId: cycle.openedBy,
        fromUnitId: cycle.openedUnitId,
        fromOrganisationId: cycle.openedOrganisationId,
        to: { kind: 'organisation', id: report.organisationId },
        ...options.letter(facts),
      });
      await options.record?.(trx, report);
      return true;
    });
    if (done) sent += 1;
  }
  return { sent };
}

/** Before the deadline: partners that have not submitted are reminded, once. */
export const reminderJob = (publicUrl: string): JobHandler<CyclePayload> => ({
  run: ({ db, job }) =>
    remindPartners(db, publicUrl, job.payload.cycleId, {
      kind: 'report.reminder',
      statuses: ['not_started', 'draft', 'returned'],
      letter: reminderText,
    }),
});

/**
 * At the end of the deadline day: each report still not started or a draft is late. The partner is
 * told (a message from the secretariat's unit, which keeps it in its sent messages and live stream)
 * and the lateness is written to the audit trail, once per report.
 */
export const deadlineJob = (publicUrl: string): JobHandler<CyclePayload> => ({
  async run({ db, job }) {
    // Run before the deadline day is over (a clock ahead, a job queued by hand): come back then.
    const cycle = await cycles.findCycle(db, job.payload.cycleId);
    if (cycle && cycle.deadline >= today()) {
      await enqueueJob(db, {
        kind: DEADLINE_JOB,
        payload: { cycleId: job.payload.cycleId },
        delayMs: delayUntil(cycle.deadline, 1),
      });
      return { sent: 0, rescheduled: true };
    }
    return remindPartners(db, publicUrl, job.payload.cycleId, {
      kind: 'report.late',
      statuses: ['not_started', 'draft'],
      letter: lateText,
      record: (trx, report) =>
        appendAuditInTransaction(trx, [
          {
            action: 'followup.report.late',
            outcome: 'success',
            targetType: 'review_report',
            targetId: report.id,
            details: { cycleId: report.cycleId, status: report.status },
          },
        ]),
    });
  },
});

/**
 * Daily: owner units of open actions due within REMINDER_DAYS_BEFORE days get one message per
 * action; then the next run is queued for the next day (one waiting run at most).
 */
export const actionsDueJob = (publicUrl: string): JobHandler<Record<string, never>> => ({
  async run({ db, job, throwIfStopping }) {
    let sent = 0;
    for (;;) {
      const due = await dueActions(db, REMINDER_DAYS_BEFORE, 'action.due', 100);
      for (const action of due) {
        throwIfStopping();
        await db.transaction().execute(async (trx) => {
          if (!(await claimReminder(trx, action.id, 'action.due'))) return;
          await sendLetter(trx, {
            senderUserId: action.senderUserId,
            fromUnitId: action.fromUnitId,
            fromOrganisationId: action.fromOrganisationId,
            to: { kind: 'unit', id: action.ownerUnitId },
            // The reminder names the action: it goes no further than the commitment itself would.
            handlingCode: action.handlingCode === 'TLP:CLEAR' ? 'TLP:GREEN' : action.handlingCode,
            ...actionDueText(action, publicUrl),
          });
          sent += 1;
        });
      }
      if (due.length < 100) break;
    }
    await scheduleActionsDue(db, job.id, delayUntil(today(), 1));
    return { sent };
  },
});

/** Queues the daily action reminder unless one already waits (`exceptId`: the run in progress). */
export async function scheduleActionsDue(db: Db, exceptId: string | null, delayMs: number) {
  if (await hasWaitingJob(db, ACTIONS_DUE_JOB, exceptId)) return;
  await enqueueJob(db, { kind: ACTIONS_DUE_JOB, payload: {}, delayMs });
}
