import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { FieldCipher } from '../../src/server/platform/crypto.js';
import type { DatabaseOptions, openDatabase } from '../../src/server/platform/db/database.js';
import { startPostgres } from '../../test/support/postgres-server.js';

type Database = Awaited<ReturnType<typeof openDatabase>>;

/** The app over a benchmark's database: no rate limits, no web root, no job polling. */
export function startBenchApp(database: Database): Promise<FastifyInstance> {
  const config = {
    ...loadConfig({}),
    rateLimitPerMinute: 1_000_000_000,
    loginRateLimitPerMinute: 1_000_000_000,
    webRoot: '/nonexistent',
    dataDir: os.tmpdir(),
    jobPollMs: 0,
  };
  return buildApp({ config, db: database.db, cipher: new FieldCipher(randomBytes(32)), logger: false, listen: database.listen });
}

/** Signs each account in and returns its session cookie (`liaison_session=…`), in order. */
export async function signInAll(app: FastifyInstance, emails: string[], password: string): Promise<string[]> {
  const cookies: string[] = [];
  for (const email of emails) {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
    const session = login.cookies.find((c) => c.name === 'liaison_session');
    cookies.push(`liaison_session=${session?.value}`);
  }
  return cookies;
}

/**
 * Runs a measurement on a throw-away durable PostgreSQL server and on a fresh PGlite directory, or on
 * the one `BENCH_BACKEND` names (`postgres`, `pglite`), printing each backend's figures as they come.
 */
export async function onEachBackend<F>(measure: (options: DatabaseOptions) => Promise<F>) {
  const only = process.env.BENCH_BACKEND;
  const figures: { postgres?: F; pglite?: F } = {};
  if (only !== 'pglite') {
    const server = await startPostgres({ durable: true });
    try {
      figures.postgres = await measure({ databaseUrl: server.url });
    } finally {
      server.stop();
    }
    console.log('postgres', figures.postgres);
  }
  if (only !== 'postgres') {
    figures.pglite = await measure({ pgliteDir: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-bench-')), 'pglite') });
    console.log('pglite', figures.pglite);
  }
  return figures;
}
