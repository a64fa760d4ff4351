import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.js';
import { writeCheckpoint } from './checkpoints.js';

/**
 * Writes an audit checkpoint (./checkpoints.ts) every `everyMs` while the app runs, and one when it
 * stops; each is also logged, so a copy leaves the machine with the logs. `everyMs` 0: none.
 */
export function registerAuditCheckpoints(app: FastifyInstance, options: { db: Db; file: string; everyMs: number }): void {
  if (options.everyMs <= 0) return;
  const log = app.log.child({ component: 'audit' });
  const checkpoint = async () => {
    try {
      const written = await writeCheckpoint(options.db, options.file);
      if (written) log.info({ auditCheckpoint: written }, 'audit checkpoint');
    } catch (error) {
      log.error({ err: error }, 'audit checkpoint failed');
    }
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(checkpoint, options.everyMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await checkpoint();
  });
}
