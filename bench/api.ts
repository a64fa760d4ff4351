/**
 * API benchmark: an authenticated GET /api/v1/me at 50 connections with autocannon on 127.0.0.1,
 * a heavy page (the first inbox page with its counts), sign-ins per second (argon2-bound) and
 * start-up time to ready (first start: migrations and demo data), on PostgreSQL and on PGlite;
 * `uncached` repeats GET /me with the actor cache off. A bare Fastify hello-world is measured in the
 * same run, and each route's `ratio_to_bare` is its rate over that one's.
 * Targets: PostgreSQL ≥ 2,000 req/s with p99 ≤ 50 ms; PGlite ≥ 800 req/s; GET /me ≥ 0.5 of bare
 * Fastify and the inbox page ≥ 0.1, on both backends. `BENCH_BACKEND=postgres|pglite` runs one.
 * Last line: one JSON object with the figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { REPO_ROOT } from '../test/support/cli.js';
import { startPostgres } from '../test/support/postgres-server.js';
import { signInOverHttp, startServerProcess } from '../test/support/server-process.js';

const PASSWORD = 'liaison-demo-2026';
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const BACKEND = process.env.BENCH_BACKEND;

/** Requests per second of `url` at 50 connections, after a two-second warm-up. */
async function rate(url: string, headers: Record<string, string> = {}) {
  await autocannon({ url, connections: 50, duration: 2, headers });
  const run = await autocannon({ url, connections: 50, duration: DURATION_S, headers });
  if (run.non2xx > 0 || run.errors > 0) throw new Error(`${url}: ${run.non2xx} non-2xx, ${run.errors} errors`);
  return run;
}

async function measureBare(): Promise<number> {
  const server = await startServerProcess({}, 30_000, path.join(REPO_ROOT, 'bench/support/bare-fastify.ts'));
  try {
    return Math.round((await rate(`${server.url}/hello`)).requests.average);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

async function measureBackend(env: Record<string, string>, { withLogins = true } = {}) {
  const started = Date.now();
  const server = await startServerProcess({
    ...env,
    LIAISON_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-bench-')),
    LIAISON_DEMO_PASSWORD: PASSWORD,
    LIAISON_RATE_LIMIT_PER_MINUTE: '1000000000',
    LIAISON_LOGIN_RATE_LIMIT_PER_MINUTE: '1000000000',
    LOG_LEVEL: 'warn',
  });
  const startupMs = Date.now() - started;
  try {
    const { cookie } = await signInOverHttp(server.url, 'focal.ma@liaison.demo', PASSWORD);
    const me = await rate(`${server.url}/api/v1/me`, { cookie });
    // The Spanish focal point's inbox holds the demo messages: one page, its total and unread count.
    const reader = await signInOverHttp(server.url, 'focal.es@liaison.demo', PASSWORD);
    const inbox = await rate(`${server.url}/api/v1/messages?box=inbox&limit=20`, { cookie: reader.cookie });
    const figures = {
      rps: Math.round(me.requests.average),
      p50_ms: me.latency.p50,
      // autocannon's histogram reports p90 and p97.5 rather than p95; both bracket it.
      p90_ms: me.latency.p90,
      p97_5_ms: me.latency.p97_5,
      p99_ms: me.latency.p99,
      startup_to_ready_ms: startupMs,
      inbox_first_page: { rps: Math.round(inbox.requests.average), p99_ms: inbox.latency.p99 },
    };
    if (!withLogins) return figures;
    const logins = await autocannon({
      url: `${server.url}/api/v1/auth/login`,
      method: 'POST',
      connections: 4,
      duration: 5,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'analyst.ma@liaison.demo', password: PASSWORD }),
    });
    if (logins.non2xx > 0) throw new Error(`login: ${logins.non2xx} non-2xx answers`);
    return { ...figures, logins_per_s: Math.round(logins.requests.average * 10) / 10 };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

/** The default configuration, and the same with the one-second actor cache off (a lookup per request). */
async function measureBoth(env: Record<string, string>) {
  const cached = await measureBackend(env);
  const uncached = await measureBackend({ ...env, LIAISON_ACTOR_CACHE_MS: '0' }, { withLogins: false });
  return { ...cached, uncached: { rps: uncached.rps, p99_ms: uncached.p99_ms } };
}

type Figures = Awaited<ReturnType<typeof measureBoth>>;
const withRatios = (figures: Figures, bareRps: number) => ({
  ...figures,
  ratio_to_bare: {
    me: Math.round((figures.rps / bareRps) * 100) / 100,
    inbox_first_page: Math.round((figures.inbox_first_page.rps / bareRps) * 100) / 100,
  },
});

async function main() {
  const bareRps = await measureBare();
  console.log('bare fastify', bareRps);
  const result: Record<string, unknown> = { bench: 'api', connections: 50, duration_s: DURATION_S, bare_fastify_rps: bareRps };
  if (BACKEND !== 'pglite') {
    const postgresServer = await startPostgres({ durable: true });
    try {
      result.postgres = withRatios(await measureBoth({ DATABASE_URL: postgresServer.url }), bareRps);
    } finally {
      postgresServer.stop();
    }
    console.log('postgres', result.postgres);
  }
  if (BACKEND !== 'postgres') {
    result.pglite = withRatios(await measureBoth({}), bareRps);
    console.log('pglite', result.pglite);
  }
  console.log(JSON.stringify(result));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
