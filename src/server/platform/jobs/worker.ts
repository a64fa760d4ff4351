import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Db } from '../db/database.js';
import * as queue from './queue.js';

/** A failure that trying again cannot fix (e.g. the job's record is gone): the job fails at once. */
export class JobFailure extends Error {}

/** Thrown by a handler that stopped early because the worker is stopping: the job goes back to the queue. */
export class JobInterrupted extends Error {
  constructor() {
    super('the worker is stopping');
  }
}

export interface RunningJob<P> {
  id: string;
  kind: string;
  payload: P;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
  createdBy: string | null;
}

export interface JobContext<P> {
  job: RunningJob<P>;
  db: Db;
  /** Aborted when the worker stops or loses the job's lease: finish the current step, then `throwIfStopping()`. */
  signal: AbortSignal;
  throwIfStopping(): void;
  progress(progress: Record<string, unknown>): Promise<void>;
}

export interface JobHandler<P = Record<string, unknown>> {
  /** Does the work; what it returns is stored as the job's result. It may run again after a crash: make it resumable. */
  run(context: JobContext<P>): Promise<unknown>;
  /** Called once when the job has failed for good (no attempts left, or a JobFailure). */
  onFailed?(context: { job: RunningJob<P>; db: Db; message: string }): Promise<void>;
}

interface Logger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface WorkerOptions {
  db: Db;
  /** How often an idle worker looks for work; 0 = this process runs no jobs (`start()` does nothing). */
  pollMs: number;
  /** How long a claimed job stays this worker's without renewal; renewed every third of it. */
  leaseMs?: number;
  /** Wait before the next try after the `attempt`-th failed one. */
  retryDelayMs?: (attempt: number) => number;
  log?: Logger;
}

/** 5 s, 10 s, 20 s … up to 10 minutes. */
export const defaultRetryDelay = (attempt: number) => Math.min(5_000 * 2 ** (attempt - 1), 600_000);

const silent: Logger = { info() {}, warn() {}, error() {} };
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/**
 * One in-process worker: polls the jobs table, runs one job at a time with the handler registered
 * for its kind, keeps the job's lease alive while it runs, and records the outcome. Unexpected
 * errors are retried with backoff until `max_attempts`; `stop()` lets the current job reach a safe
 * point and puts it back in the queue for the next start.
 */
export class JobWorker {
  readonly id = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  readonly #handlers = new Map<string, JobHandler<never>>();
  readonly #leaseMs: number;
  readonly #retryDelay: (attempt: number) => number;
  readonly #log: Logger;
  #loop: Promise<void> | null = null;
  #stopping = false;
  #current: AbortController | null = null;
  #wake: (() => void) | null = null;
  /** A wake-up that came while the worker was busy: the next sleep is skipped. */
  #woken = false;

  constructor(private readonly options: WorkerOptions) {
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#retryDelay = options.retryDelayMs ?? defaultRetryDelay;
    this.#log = options.log ?? silent;
  }

  handle<P>(kind: string, handler: JobHandler<P>): void {
    if (this.#handlers.has(kind)) throw new Error(`a handler for jobs of kind ${kind} is already registered`);
    this.#handlers.set(kind, handler as JobHandler<never>);
  }

  start(): void {
    if (this.options.pollMs <= 0 || this.#loop) return;
    this.#stopping = false;
    this.#loop = this.#run();
  }

  /** Looks for work now instead of at the next poll (after enqueueing). */
  wake(): void {
    this.#woken = true;
    this.#wake?.();
  }

  /** Stops taking jobs; the running one gets `timeoutMs` to reach a safe point before the worker gives up on it. */
  async stop(timeoutMs = 30_000): Promise<void> {
    this.#stopping = true;
    this.#current?.abort(new JobInterrupted());
    this.wake();
    const loop = this.#loop;
    this.#loop = null;
    if (!loop) return;
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.#log.warn({ worker: this.id }, 'job still running at shutdown; its lease will expire and it will run again');
        resolve();
      }, timeoutMs);
    });
    await Promise.race([loop, gaveUp]);
    clearTimeout(timer);
  }

  async #run(): Promise<void> {
    while (!this.#stopping) {
      let ran = false;
      this.#woken = false;
      try {
        ran = await this.runNext();
      } catch (error) {
        // The database is unreachable or closing: wait for the next poll.
        if (!this.#stopping) this.#log.error({ err: error }, 'job worker could not poll the queue');
      }
      if (!ran && !this.#stopping) await this.#sleep(this.options.pollMs);
    }
  }

  #sleep(ms: number): Promise<void> {
    if (this.#woken) {
      this.#woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wake = null;
        this.#woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#wake = done;
    });
  }

  /** Claims and runs one due job; false when there was none. */
  async runNext(): Promise<boolean> {
    const { db } = this.options;
    const row = await queue.claimJob(db, this.id, [...this.#handlers.keys()], this.#leaseMs);
    if (!row) return false;
    const handler = this.#handlers.get(row.kind) as JobHandler<unknown>;
    const job: RunningJob<unknown> = {
      id: row.id,
      kind: row.kind,
      payload: row.payload,
      attempt: row.attempts,
      maxAttempts: row.max_attempts,
      createdBy: row.created_by,
    };
    if (row.attempts > row.max_attempts) {
      // Its worker died on every attempt (the lease ran out each time): stop trying.
      await this.#fail(handler, job, `abandoned after ${row.max_attempts} attempts that did not finish`);
      return true;
    }
    const controller = new AbortController();
    this.#current = controller;
    if (this.#stopping) controller.abort(new JobInterrupted());
    const renewal = setInterval(() => {
      queue.renewLease(db, job.id, this.id, this.#leaseMs).then(
        (held) => {
          if (!held) controller.abort(new Error('lease lost'));
        },
        (error) => this.#log.warn({ err: error, job: job.id }, 'could not renew a job lease'),
      );
    }, this.#leaseMs / 3);
    try {
      const result = await handler.run({
        job,
        db,
        signal: controller.signal,
        throwIfStopping: () => {
          if (controller.signal.aborted) throw new JobInterrupted();
        },
        progress: (progress) => queue.setJobProgress(db, job.id, this.id, progress),
      });
      await queue.completeJob(db, job.id, this.id, result);
    } catch (error) {
      await this.#afterError(handler, job, error, controller.signal);
    } finally {
      clearInterval(renewal);
      this.#current = null;
    }
    return true;
  }

  async #afterError(handler: JobHandler<unknown>, job: RunningJob<unknown>, error: unknown, signal: AbortSignal) {
    if (error instanceof JobInterrupted || signal.aborted) {
      await queue.releaseJob(this.options.db, job.id, this.id);
      this.#log.info({ job: job.id, kind: job.kind }, 'job interrupted; back in the queue');
      return;
    }
    const message = messageOf(error);
    if (error instanceof JobFailure || job.attempt >= job.maxAttempts) {
      this.#log.error({ err: error, job: job.id, kind: job.kind }, 'job failed');
      await this.#fail(handler, job, message);
      return;
    }
    this.#log.warn({ err: error, job: job.id, kind: job.kind, attempt: job.attempt }, 'job failed; will try again');
    await queue.retryJob(this.options.db, job.id, this.id, message, this.#retryDelay(job.attempt));
  }

  async #fail(handler: JobHandler<unknown>, job: RunningJob<unknown>, message: string) {
    await handler.onFailed?.({ job, db: this.options.db, message });
    await queue.failJob(this.options.db, job.id, this.id, message);
  }
}
