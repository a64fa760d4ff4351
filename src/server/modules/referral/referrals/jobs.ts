import type { Db } from '../../../platform/db/database.js';
import { enqueueJob } from '../../../platform/jobs/queue.js';
import { claimReminder } from '../../../platform/jobs/reminders.js';
import type { JobHandler } from '../../../platform/jobs/worker.js';
import { notify, overdueText, reminderText } from './notify.js';
import { findReferral, type Referral } from './repository.js';

/**
 * Reminders of a referral waiting for its answer, as jobs of the platform queue: one before
 * `respond_by` (at three quarters of the time given), one when it is overdue. The payload is the
 * referral's id only. Each is claimed in `followup_reminders` (subject, kind) in the transaction that
 * sends it, so a job run again after a restart sends nothing twice; an answered referral, or one
 * whose sharing stopped, is not reminded.
 */

export const REFERRAL_REMINDER_JOB = 'referral.reminder';
export const REFERRAL_OVERDUE_JOB = 'referral.overdue';

type Payload = {
  referralId: string;
};

/** Queues both reminders of a new referral, in its transaction. */
export async function scheduleReminders(trx: Db, referralId: string, createdAt: Date, respondBy: Date, createdBy: string) {
  const window = respondBy.getTime() - createdAt.getTime();
  const payload = { referralId };
  await enqueueJob(trx, { kind: REFERRAL_REMINDER_JOB, payload, createdBy, delayMs: Math.max(0, Math.round(window * 0.75)) });
  await enqueueJob(trx, { kind: REFERRAL_OVERDUE_JOB, payload, createdBy, delayMs: Math.max(0, window) });
}

const waiting = (referral: Referral | null): referral is Referral & { toUnit: NonNullable<Referral['toUnit']> } =>
  referral !== null && referral.status === 'sent' && referral.sharingStoppedAt === null && referral.toUnit !== null;

function reminderJob(publicUrl: string, kind: string, overdue: boolean): JobHandler<Payload> {
  return {
    async run({ db, job }) {
      const referral = await findReferral(db, job.payload.referralId);
      if (!waiting(referral)) return { sent: 0 };
      // Run early (a clock ahead): the overdue notice comes back when it is due.
      if (overdue && referral.respondBy.getTime() > Date.now()) {
        await enqueueJob(db, { kind, payload: job.payload, delayMs: referral.respondBy.getTime() - Date.now() });
        return { sent: 0, rescheduled: true };
      }
      const sent = await db.transaction().execute(async (trx) => {
        if (!(await claimReminder(trx, referral.id, kind))) return false;
        const facts = {
          reference: referral.receivedCase?.reference ?? referral.caseReference,
          referralId: referral.id,
          publicUrl,
          respondBy: referral.respondBy,
        };
        await notify(trx, {
          senderUserId: referral.createdBy,
          fromUnitId: referral.fromUnit.id,
          fromOrganisationId: referral.fromUnit.organisationId,
          toUnitId: referral.toUnit.id,
          ...(overdue ? overdueText(facts) : reminderText(facts)),
        });
        return true;
      });
      return { sent: sent ? 1 : 0 };
    },
  };
}

export const referralReminderJob = (publicUrl: string) => reminderJob(publicUrl, REFERRAL_REMINDER_JOB, false);
export const referralOverdueJob = (publicUrl: string) => reminderJob(publicUrl, REFERRAL_OVERDUE_JOB, true);
