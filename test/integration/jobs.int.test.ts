import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/platform/db/database.js';
import { claimJob, enqueueJob, findJob } from '../../src/server/platform/jobs/queue.js';
import { type JobContext, JobFailure, type JobHandler, JobWorker } from '../../src/server/platform/jobs/worker.js';
import { sleep } from '../support/fixtures.js';
import { openTestDatabase } from '../support/test-database.js';

let database: Database;
const workers: JobWorker[] = [];
/** Each test uses its own job kind, so jobs left by one test are never run by another's worker. */
let kindCounter = 0;
const newKind = () => `test.kind-${++kindCounter}`;

function worker(options: Partial<ConstructorParameters<typeof JobWorker>[0]> = {}) {
  const created = new JobWorker({ db: database.db, pollMs: 20, retryDelayMs: () => 10, ...options });
  workers.push(created);
  return created;
}

async function waitForStatus(id: string, status: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await findJob(database.db, id);
    if (job?.status === status) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} is ${job?.status}, not ${status}`);
    await sleep(20);
  }
}

beforeAll(async () => {
  database = await openTestDatabase();
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop(5_000)));
});
afterAll(() => database.close());

describe('job queue', () => {
  it('enqueues inside the caller transaction: a rolled-back transaction leaves no job', async () => {
    const kind = newKind();
    await expect(
      database.db.transaction().execute(async (trx) => {
        await enqueueJob(trx, { kind, payload: { n: 1 } });
        throw new Error('the work this job belonged to failed');
      }),
    ).rejects.toThrow(/failed/);
    const left = await sql<{ n: number }>`select count(*)::int as n from jobs where kind = ${kind}`.execute(database.db);
    expect(left.rows[0].n).toBe(0);
  });

  it('runs a job with the handler of its kind, recording progress and result', async () => {
    const kind = newKind();
    const seen: unknown[] = [];
    const w = worker();
    w.handle<{ words: string[] }>(kind, {
      async run({ job, progress }) {
        seen.push(job.payload);
        await progress({ step: 1, of: 2 });
        return { count: job.payload.words.length };
      },
    });
    const id = await enqueueJob(database.db, { kind, payload: { words: ['a', 'b'] } });
    w.start();
    w.wake();
    const done = await waitForStatus(id, 'done');
    expect(seen).toEqual([{ words: ['a', 'b'] }]);
    expect(done).toMatchObject({ attempts: 1, result: { count: 2 }, progress: { step: 1, of: 2 }, locked_by: null, error: null });
    expect(done.finished_at).not.toBeNull();
  });

  it('never claims a job of a kind it has no handler for, nor one whose time has not come', async () => {
    const unknown = await enqueueJob(database.db, { kind: newKind(), payload: {} });
    const kind = newKind();
    const later = await enqueueJob(database.db, { kind, payload: {}, delayMs: 60_000 });
    expect(await claimJob(database.db, 'w', [kind], 1000)).toBeUndefined();
    expect((await findJob(database.db, unknown))?.status).toBe('queued');
    expect((await findJob(database.db, later))?.status).toBe('queued');
  });

  it('retries an unexpected error with backoff until it succeeds, keeping the last error until then', async () => {
    const kind = newKind();
    let runs = 0;
    const delays: number[] = [];
    const w = worker({
      retryDelayMs: (attempt) => {
        delays.push(attempt);
        return 10;
      },
    });
    w.handle(kind, {
      async run() {
        runs++;
        if (runs < 3) throw new Error(`flaky ${runs}`);
        return 'ok';
      },
    });
    const id = await enqueueJob(database.db, { kind, payload: {} });
    w.start();
    const done = await waitForStatus(id, 'done');
    expect(runs).toBe(3);
    expect(delays).toEqual([1, 2]);
    expect(done).toMatchObject({ attempts: 3, result: 'ok', error: null });
  });

  it('fails for good after max_attempts, telling the handler once', async () => {
    const kind = newKind();
    const failures: string[] = [];
    const w = worker();
    w.handle(kind, {
      async run() {
        throw new Error('always broken');
      },
      async onFailed({ message }) {
        failures.push(message);
      },
    });
    const id = await enqueueJob(database.db, { kind, payload: {}, maxAttempts: 2 });
    w.start();
    const failed = await waitForStatus(id, 'failed');
    expect(failed).toMatchObject({ attempts: 2, error: { message: 'always broken' }, locked_by: null });
    expect(failures).toEqual(['always broken']);
  });

  it('fails a JobFailure at once, without retrying', async () => {
    const kind = newKind();
    let runs = 0;
    const w = worker();
    w.handle(kind, {
      async run() {
        runs++;
        throw new JobFailure('the record is gone');
      },
    });
    const id = await enqueueJob(database.db, { kind, payload: {}, maxAttempts: 5 });
    w.start();
    expect(await waitForStatus(id, 'failed')).toMatchObject({ attempts: 1, error: { message: 'the record is gone' } });
    expect(runs).toBe(1);
  });

  it('claims again a running job whose lease ran out (its process died), and not one whose lease is alive', async () => {
    const kind = newKind();
    const alive = await enqueueJob(database.db, { kind, payload: { which: 'alive' } });
    const dead = await enqueueJob(database.db, { kind, payload: { which: 'dead' } });
    await sql`update jobs set status = 'running', attempts = 1, locked_by = 'other-process',
      locked_until = now() + interval '1 hour' where id = ${alive}`.execute(database.db);
    await sql`update jobs set status = 'running', attempts = 1, locked_by = 'killed-process',
      locked_until = now() - interval '1 second' where id = ${dead}`.execute(database.db);
    const ran: string[] = [];
    const w = worker();
    w.handle<{ which: string }>(kind, {
      async run({ job }) {
        ran.push(`${job.payload.which}#${job.attempt}`);
      },
    });
    w.start();
    await waitForStatus(dead, 'done');
    await sleep(100);
    expect(ran).toEqual(['dead#2']);
    expect((await findJob(database.db, alive))?.status).toBe('running');
  });

  it('abandons a job whose worker died on every attempt', async () => {
    const kind = newKind();
    const failures: string[] = [];
    const id = await enqueueJob(database.db, { kind, payload: {}, maxAttempts: 2 });
    await sql`update jobs set status = 'running', attempts = 2, locked_by = 'killed-process',
      locked_until = now() - interval '1 second' where id = ${id}`.execute(database.db);
    const w = worker();
    w.handle(kind, {
      async run() {
        throw new Error('must not run');
      },
      async onFailed({ message }) {
        failures.push(message);
      },
    });
    w.start();
    const failed = await waitForStatus(id, 'failed');
    expect(failed.error?.message).toMatch(/abandoned after 2 attempts/);
    expect(failures).toHaveLength(1);
  });

  it('renews the lease of a long job, so a second worker does not take it over', async () => {
    const kind = newKind();
    let runs = 0;
    const handler: JobHandler = {
      async run() {
        runs++;
        await sleep(700);
      },
    };
    const first = worker({ leaseMs: 200 });
    const second = worker({ leaseMs: 200 });
    first.handle(kind, handler);
    second.handle(kind, handler);
    const id = await enqueueJob(database.db, { kind, payload: {} });
    first.start();
    await sleep(50);
    second.start();
    await waitForStatus(id, 'done');
    await sleep(300);
    expect(runs).toBe(1);
    expect((await findJob(database.db, id))?.attempts).toBe(1);
  });

  it('runs each job once when two workers poll together (FOR UPDATE SKIP LOCKED)', async () => {
    const kind = newKind();
    const ran: string[] = [];
    const handler: JobHandler = {
      async run({ job }) {
        ran.push(job.id);
        await sleep(5);
      },
    };
    const ids = await Promise.all(Array.from({ length: 8 }, () => enqueueJob(database.db, { kind, payload: {} })));
    for (const w of [worker(), worker()]) {
      w.handle(kind, handler);
      w.start();
    }
    for (const id of ids) await waitForStatus(id, 'done');
    expect(ran.sort()).toEqual([...ids].sort());
  });

  it('on stop, lets the running job reach a safe point and puts it back in the queue, the attempt not counted', async () => {
    const kind = newKind();
    let started!: () => void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const steps: number[] = [];
    const w = worker();
    w.handle(kind, {
      async run({ throwIfStopping, signal }: JobContext<unknown>) {
        for (let step = 1; step <= 50; step++) {
          throwIfStopping();
          steps.push(step);
          if (step === 1) started();
          await sleep(20);
        }
        expect(signal.aborted).toBe(false);
      },
    });
    const id = await enqueueJob(database.db, { kind, payload: {} });
    w.start();
    await running;
    await w.stop();
    expect(steps.length).toBeLessThan(50);
    const job = await findJob(database.db, id);
    expect(job).toMatchObject({ status: 'queued', attempts: 0, locked_by: null });

    // The next start takes it up again from the beginning of its (resumable) work.
    const again = worker();
    again.handle(kind, { run: async () => 'resumed' });
    again.start();
    expect(await waitForStatus(id, 'done')).toMatchObject({ attempts: 1, result: 'resumed' });
  });

  it('refuses two handlers for one kind, and a worker with polling off does not start', async () => {
    const kind = newKind();
    const w = worker({ pollMs: 0 });
    w.handle(kind, { run: async () => undefined });
    expect(() => w.handle(kind, { run: async () => undefined })).toThrow(/already registered/);
    const id = await enqueueJob(database.db, { kind, payload: {} });
    w.start();
    await sleep(100);
    expect((await findJob(database.db, id))?.status).toBe('queued');
  });
});
