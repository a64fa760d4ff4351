import type { Db } from '../../../platform/db/database.js';
import { enqueueJob, hasWaitingJob } from '../../../platform/jobs/queue.js';
import { claimReminder } from '../../../platform/jobs/reminders.js';
import type { JobHandler } from '../../../platform/jobs/worker.js';
import { sendLetter } from '../../exchange/messages/letters.js';
import { type ListDueForReview, listsDueForReview } from './review-repository.js';
import { addDays, today } from './validate.js';

/**
 * The daily review of watch-lists: the owner unit of each list with entries past their review date
 * gets one message a day (claimed per list and day in `followup_reminders`, so a run again sends
 * nothing twice) saying how many, with their references and a link — never a name. Lapsed entries
 * need no change: `candidateEntries` leaves them out of screening until they are renewed.
 */
export const REVIEW_JOB = 'watchlists.review';
const BATCH = 100;

export function reviewText(list: ListDueForReview, publicUrl: string) {
  const lapsed =
    list.lapsed > 0 ? `\n\n${list.lapsed} of them are past the grace period and are no longer screened until renewed.` : '';
  const more = list.due > list.references.length ? `\n\n… and ${list.due - list.references.length} more.` : '';
  return {
    subject: `Watch-list review: ${list.due} ${list.due === 1 ? 'entry' : 'entries'} due in ${list.name}`,
    body:
      `${list.due} ${list.due === 1 ? 'entry' : 'entries'} of the watch-list **${list.name}** ${list.due === 1 ? 'is' : 'are'} past ` +
      `the review date: renew or remove ${list.due === 1 ? 'it' : 'them'}.${lapsed}\n\n` +
      `${list.references.map((reference) => `- ${reference}`).join('\n')}${more}\n\n` +
      `The entries due: ${publicUrl}/watchlists/${list.id}?review=due`,
  };
}

export const reviewJob = (publicUrl: string): JobHandler<Record<string, never>> => ({
  async run({ db, job, throwIfStopping }) {
    const kind = `watchlist.review:${today()}`;
    let sent = 0;
    for (;;) {
      const lists = await listsDueForReview(db, kind, BATCH);
      for (const list of lists) {
        throwIfStopping();
        await db.transaction().execute(async (trx) => {
          if (!(await claimReminder(trx, list.id, kind))) return;
          await sendLetter(trx, {
            senderUserId: list.createdBy,
            fromUnitId: list.ownerUnitId,
            fromOrganisationId: list.ownerOrganisationId,
            to: { kind: 'unit', id: list.ownerUnitId },
            // The notice names the list: it goes no further than the list itself.
            handlingCode: list.handlingCode === 'TLP:CLEAR' ? 'TLP:GREEN' : list.handlingCode,
            ...reviewText(list, publicUrl),
          });
          sent += 1;
        });
      }
      if (lists.length < BATCH) break;
    }
    await scheduleReview(db, job.id, Math.max(0, Date.parse(`${addDays(today(), 1)}T00:00:00Z`) - Date.now()));
    return { sent };
  },
});

/** Queues the daily review unless one already waits (`exceptId`: the run in progress). */
export async function scheduleReview(db: Db, exceptId: string | null, delayMs: number) {
  if (await hasWaitingJob(db, REVIEW_JOB, exceptId)) return;
  await enqueueJob(db, { kind: REVIEW_JOB, payload: {}, delayMs });
}
