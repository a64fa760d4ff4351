import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { migrationsApplied } from '../db/migrate.js';
import { Problem } from '../errors.js';

export async function healthRoutes(app: FastifyInstance) {
  app.get('/healthz', { config: { policy: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { config: { policy: 'public' }, schema: { hide: true } }, async () => {
    try {
      await sql`select 1`.execute(app.platform.db);
      if (!(await migrationsApplied(app.platform.db))) throw new Error('pending migrations');
    } catch {
      throw new Problem(503, 'not-ready', 'The database is unreachable or migrations are pending.');
    }
    return { status: 'ready' };
  });
}
