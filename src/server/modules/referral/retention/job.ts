import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../platform/db/database.js';
import { enqueueJob } from '../../../platform/jobs/queue.js';
import type { JobHandler } from '../../../platform/jobs/worker.js';
import { hasWaitingRun } from './repository.js';
import { runRetention } from './service.js';

export const RETENTION_JOB = 'referral.retention';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Runs at night (UTC), away from working hours. */
const RUN_HOUR_UTC = 2;

/** Milliseconds until the next RUN_HOUR_UTC o'clock. */
export function untilNextRun(now = Date.now()): number {
  const next = new Date(now);
  next.setUTCHours(RUN_HOUR_UTC, 0, 0, 0);
  if (next.getTime() <= now) next.setTime(next.getTime() + DAY_MS);
  return next.getTime() - now;
}

/** Queues the daily retention run unless one already waits (`exceptId`: the run in progress). */
export async function scheduleRetention(db: Db, exceptId: string | null, delayMs: number) {
  if (await hasWaitingRun(db, RETENTION_JOB, exceptId)) return;
  await enqueueJob(db, { kind: RETENTION_JOB, payload: {}, delayMs });
}

/** Daily: pseudonymises the cases whose retention is over, then queues the next day's run. */
const retentionJob: JobHandler<Record<string, never>> = {
  async run({ db, job, throwIfStopping }) {
    const result = await runRetention(db, { shouldStop: throwIfStopping, trigger: 'job' });
    await scheduleRetention(db, job.id, untilNextRun());
    return result;
  },
};

/** The retention job on the app's queue; the first start queues its first run for the coming night. */
export function registerRetentionJob(app: FastifyInstance) {
  app.jobs.handle(RETENTION_JOB, retentionJob);
  app.addHook('onReady', async () => scheduleRetention(app.platform.db, null, untilNextRun()));
}
