import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { type Config, loadConfig } from '../../src/server/config.js';
import { FieldCipher } from '../../src/server/platform/crypto.js';
import type { Database } from '../../src/server/platform/db/database.js';
import { TEST_DEMO_PASSWORD } from './templates.js';
import { openTestDatabase } from './test-database.js';

export { TEST_DEMO_PASSWORD };

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** Signs in through the API and returns a client that sends the cookie and CSRF token. */
  signIn(email: string, password?: string): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

/** `reuse`: run on that database (a restart of the app) and leave it open on close. */
export async function startTestApp(overrides: Partial<Config> = {}, reuse?: Database): Promise<TestApp> {
  const database = reuse ?? (await openTestDatabase());
  const config: Config = {
    ...loadConfig({}),
    dataDir: path.join(os.tmpdir(), `liaison-test-${randomBytes(4).toString('hex')}`),
    webRoot: '/nonexistent',
    rateLimitPerMinute: 100_000,
    loginRateLimitPerMinute: 100_000,
    // Tests change rows behind the API (expired tokens…); the cache has its own test with it on.
    actorCacheMs: 0,
    ...overrides,
  };
  const app = await buildApp({
    config,
    db: database.db,
    // One platform key for every test app, so an app started again on the same database reads its data keys.
    cipher: new FieldCipher(Buffer.alloc(32, 7)),
    logger: false,
    listen: database.listen,
  });
  await app.ready();
  return {
    app,
    database,
    config,
    anonymous: () => new Client(app),
    async signIn(email, password = TEST_DEMO_PASSWORD) {
      const client = new Client(app);
      const response = await client.post('/api/v1/auth/login', { email, password });
      if (response.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${response.body}`);
      client.csrfToken = response.json().csrfToken;
      return client;
    },
    async close() {
      await app.close();
      if (!reuse) await database.close();
    },
  };
}

/** A user agent over app.inject: keeps the session cookie and sends the CSRF header. */
export class Client {
  cookie: string | undefined;
  csrfToken: string | undefined;
  headers: Record<string, string> = {};
  constructor(private readonly app: FastifyInstance) {}

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...this.headers, ...(options.headers as Record<string, string>) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && options.method !== 'GET') headers['x-csrf-token'] ??= this.csrfToken;
    const response = await this.app.inject({ ...options, headers });
    const setCookie = response.cookies.find((c) => c.name === 'liaison_session');
    if (setCookie) this.cookie = setCookie.value ? `liaison_session=${setCookie.value}` : undefined;
    return response;
  }

  get(url: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'GET', url, headers });
  }
  post(url: string, payload?: unknown, headers: Record<string, string> = {}) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'], headers });
  }
  patch(url: string, payload?: unknown, headers: Record<string, string> = {}) {
    return this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'], headers });
  }
  delete(url: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'DELETE', url, headers });
  }
}
