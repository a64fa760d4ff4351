import type { Config } from '../../../config.js';
import type { Db } from '../../../platform/db/database.js';
import { enqueueJob } from '../../../platform/jobs/queue.js';
import { type Candidate, isRecipient } from './recipients.js';
import * as repo from './repository.js';

export const NOTICE_JOB_KIND = 'notice.mail';
export interface NoticeJobPayload {
  seq: number;
  userId: string;
}

const BATCH = 200;

/**
 * Turns new exchange events into one mail job per recipient. The cursor row is locked and moved in
 * the transaction that enqueues the jobs, so across processes each event is handled exactly once;
 * the mails themselves go through the job queue (retries with backoff, never in a request).
 * Without an SMTP server the cursor still moves: nothing piles up to be mailed later.
 * Returns how many mails were enqueued.
 */
export async function sweepNotices(db: Db, config: Pick<Config, 'smtpUrl'>): Promise<number> {
  let enqueued = 0;
  for (;;) {
    const { events, mails } = await db.transaction().execute(async (trx) => {
      const cursor = await repo.lockCursor(trx);
      const batch = await repo.eventsAfter(trx, cursor, BATCH);
      if (batch.length === 0) return { events: 0, mails: 0 };
      let count = 0;
      if (config.smtpUrl) {
        const users: Candidate[] = await repo.candidates(trx);
        for (const event of batch) {
          // Watch-list changes are for live subscribers; their owners are mailed when a review is due.
          if (event.type === 'watchlist.changed') continue;
          for (const user of users) {
            if (!isRecipient(event, user)) continue;
            const payload: NoticeJobPayload = { seq: event.seq, userId: user.userId };
            await enqueueJob(trx, { kind: NOTICE_JOB_KIND, payload: { ...payload }, maxAttempts: 8 });
            count++;
          }
        }
      }
      await repo.advanceCursor(trx, batch[batch.length - 1].seq);
      return { events: batch.length, mails: count };
    });
    enqueued += mails;
    if (events < BATCH) return enqueued;
  }
}
