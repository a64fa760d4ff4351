import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Strict } from '../../../shared/contract/kit.js';
import { PLATFORM_PROBLEMS } from '../../../shared/problems.js';
import { isSearchWarm } from '../../modules/knowledge/search/service.js';
import { migrationsApplied } from '../db/migrate.js';
import { problem } from '../errors.js';
import { replies } from './responses.js';

const Alive = Strict({ status: Type.Literal('ok') });
const Ready = Strict({
  status: Type.Literal('ready'),
  /** Whether the library's search has been prepared; ready does not wait for it (it runs in the background). */
  libraryWarm: Type.Boolean(),
});

export async function healthRoutes(app: FastifyInstance) {
  app.get('/healthz', { config: { policy: 'public' }, schema: { hide: true, response: replies({ 200: Alive }) } }, async () => ({
    status: 'ok',
  }));

  app.get('/readyz', { config: { policy: 'public' }, schema: { hide: true, response: replies({ 200: Ready }) } }, async () => {
    try {
      await sql`select 1`.execute(app.platform.db);
      if (!(await migrationsApplied(app.platform.db))) throw new Error('pending migrations');
    } catch {
      throw problem(PLATFORM_PROBLEMS, 'not-ready', 'The database is unreachable or migrations are pending.');
    }
    return { status: 'ready', libraryWarm: isSearchWarm(app.platform.db) };
  });
}
