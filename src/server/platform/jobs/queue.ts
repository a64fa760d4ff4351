import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * The jobs table (migrations/0003_jobs.sql). Every statement here is a single autocommit statement
 * (or runs in the caller's transaction, for `enqueueJob`): no transaction is held while a job runs,
 * which PGlite's single connection could not afford.
 */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_after: Date;
  locked_by: string | null;
  locked_until: Date | null;
  progress: Record<string, unknown> | null;
  result: unknown;
  error: { message: string } | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface NewJob {
  kind: string;
  payload: Record<string, unknown>;
  createdBy?: string | null;
  maxAttempts?: number;
  /** Delay before the first run. */
  delayMs?: number;
}

// bigint: a reminder weeks ahead is more milliseconds than an int holds.
const after = (ms: number) => sql`now() + ${Math.max(0, Math.round(ms))}::bigint * interval '1 millisecond'`;

/** Adds a job; pass the caller's transaction so the job exists only if the work it belongs to does. */
export async function enqueueJob(db: Db, job: NewJob): Promise<string> {
  const result = await sql<{ id: string }>`insert into jobs (kind, payload, created_by, max_attempts, run_after)
    values (${job.kind}, ${JSON.stringify(job.payload)}::jsonb, ${job.createdBy ?? null}, ${job.maxAttempts ?? 5},
      ${after(job.delayMs ?? 0)})
    returning id`.execute(db);
  return result.rows[0].id;
}

export async function findJob(db: Db, id: string): Promise<JobRow | undefined> {
  return (await sql<JobRow>`select * from jobs where id = ${id}`.execute(db)).rows[0];
}

/**
 * Takes the next due job of one of `kinds` for `worker`: a queued job whose time has come, or a
 * running one whose lease has run out because its worker died. SKIP LOCKED lets several workers
 * (processes on PostgreSQL) poll at once without taking the same job.
 */
export async function claimJob(db: Db, worker: string, kinds: string[], leaseMs: number): Promise<JobRow | undefined> {
  const result = await sql<JobRow>`with next as (
      select id from jobs
      where kind = any(${kinds}::text[])
        and ((status = 'queued' and run_after <= now()) or (status = 'running' and locked_until < now()))
      order by run_after, created_at
      limit 1
      for update skip locked)
    update jobs j set status = 'running', attempts = j.attempts + 1, locked_by = ${worker}, locked_until = ${after(leaseMs)},
      started_at = coalesce(j.started_at, now()), updated_at = now()
    from next where j.id = next.id
    returning j.*`.execute(db);
  return result.rows[0];
}

/** Extends the lease; false when the job is no longer this worker's (it expired and was taken over). */
export async function renewLease(db: Db, id: string, worker: string, leaseMs: number): Promise<boolean> {
  const result = await sql`update jobs set locked_until = ${after(leaseMs)}, updated_at = now()
    where id = ${id} and locked_by = ${worker} and status = 'running' returning id`.execute(db);
  return result.rows.length > 0;
}

// Every change below is guarded by `locked_by`: a worker that lost its lease changes nothing.
const mine = (id: string, worker: string) => sql`id = ${id} and locked_by = ${worker} and status = 'running'`;

export async function setJobProgress(db: Db, id: string, worker: string, progress: Record<string, unknown>) {
  await sql`update jobs set progress = ${JSON.stringify(progress)}::jsonb, updated_at = now()
    where ${mine(id, worker)}`.execute(db);
}

export async function completeJob(db: Db, id: string, worker: string, result: unknown) {
  await sql`update jobs set status = 'done', result = ${JSON.stringify(result ?? null)}::jsonb, error = null,
      locked_by = null, locked_until = null, finished_at = now(), updated_at = now()
    where ${mine(id, worker)}`.execute(db);
}

export async function failJob(db: Db, id: string, worker: string, message: string) {
  await sql`update jobs set status = 'failed', error = ${JSON.stringify({ message })}::jsonb,
      locked_by = null, locked_until = null, finished_at = now(), updated_at = now()
    where ${mine(id, worker)}`.execute(db);
}

/** Back to the queue after an unexpected error, to be tried again once `delayMs` has passed. */
export async function retryJob(db: Db, id: string, worker: string, message: string, delayMs: number) {
  await sql`update jobs set status = 'queued', error = ${JSON.stringify({ message })}::jsonb, run_after = ${after(delayMs)},
      locked_by = null, locked_until = null, updated_at = now()
    where ${mine(id, worker)}`.execute(db);
}

/** Back to the queue at once, the attempt not counted: the worker stopped (shutdown), the job did not fail. */
export async function releaseJob(db: Db, id: string, worker: string) {
  await sql`update jobs set status = 'queued', attempts = greatest(attempts - 1, 0), run_after = now(),
      locked_by = null, locked_until = null, updated_at = now()
    where ${mine(id, worker)}`.execute(db);
}

/** Whether a job of `kind` other than `exceptId` waits in the queue (a daily sweep keeps exactly one waiting). */
export async function hasWaitingJob(db: Db, kind: string, exceptId: string | null): Promise<boolean> {
  const result = await sql<{ id: string }>`select id from jobs where kind = ${kind}
    and status in ('queued', 'running') and id <> coalesce(${exceptId}::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    limit 1`.execute(db);
  return result.rows.length > 0;
}
