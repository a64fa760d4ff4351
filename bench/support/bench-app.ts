import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { FieldCipher } from '../../src/server/platform/crypto.js';
import type { openDatabase } from '../../src/server/platform/db/database.js';

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
