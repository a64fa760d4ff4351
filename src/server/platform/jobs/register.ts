import type { FastifyInstance } from 'fastify';
import { JobWorker, type WorkerOptions } from './worker.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The in-process job worker: modules register their handlers on it (`app.jobs.handle(kind, …)`). */
    jobs: JobWorker;
  }
}

/**
 * Gives the app its job worker: it starts once every module has registered its handlers (onReady)
 * and stops with the app, letting the running job reach a safe point (SIGTERM drains).
 */
export function registerJobWorker(app: FastifyInstance, options: Omit<WorkerOptions, 'log'>): void {
  const worker = new JobWorker({ ...options, log: app.log.child({ component: 'jobs' }) });
  app.decorate('jobs', worker);
  app.addHook('onReady', async () => worker.start());
  app.addHook('onClose', async () => worker.stop());
}
