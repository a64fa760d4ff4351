/**
 * API benchmark: an authenticated GET /api/v1/me at 50 connections with autocannon on 127.0.0.1,
 * a heavy page (the first inbox page with its counts), sign-ins per second (argon2-bound) and
 * start-up time to ready (first start: migrations and demo data), on PostgreSQL and on PGlite;
 * `uncached` repeats GET /me with the actor cache off. The server is the build (`npm run
 * build:server` first), started as `npm start` starts it.
 * A bare Fastify hello-world is the yardstick: each route's `ratio_to_bare` is its rate over
 * bare Fastify's. The client shares the machine with the server, so rates drift with whatever
 * else runs; the bare server, GET /me and the inbox page are therefore measured in alternation,
 * `BENCH_ROUNDS` times, and each figure is the median of its rounds.
 * Targets: PostgreSQL ≥ 2,000 req/s with p99 ≤ 50 ms; PGlite ≥ 800 req/s; GET /me ≥ 0.5 of bare
 * Fastify and the inbox page ≥ 0.1, on both backends. `BENCH_BACKEND=postgres|pglite` runs one.
 * Last line: one JSON object with the figures.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { REPO_ROOT } from '../test/support/cli.js';
import { startPostgres } from '../test/support/postgres-server.js';
import { signInOverHttp, startServerProcess } from '../test/support/server-process.js';

const PASSWORD = 'liaison-demo-2026';
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BACKEND = process.env.BENCH_BACKEND;

/** Requests per second of `url` at 50 connections, after a two-second warm-up. */
async function rate(url: string, headers: Record<string, string> = {}) {
  await autocannon({ url, connections: 50, duration: 2, headers });
  const run = await autocannon({ url, connections: 50, duration: DURATION_S, headers });
  if (run.non2xx > 0 || run.errors > 0) throw new Error(`${url}: ${run.non2xx} non-2xx, ${run.errors} errors`);
  return run;
}

/** Runs each measurement once per round, in turn, and gives each one's median round (by rate). */
async function alternate<K extends string>(measurements: Record<K, () => Promise<autocannon.Result>>) {
  const runs = Object.fromEntries(Object.keys(measurements).map((key) => [key, [] as autocannon.Result[]])) as Record<
    K,
    autocannon.Result[]
  >;
  for (let round = 0; round < ROUNDS; round++) {
    for (const key of Object.keys(measurements) as K[]) runs[key].push(await measurements[key]());
  }
  return Object.fromEntries(
    (Object.keys(runs) as K[]).map((key) => {
      const byRate = [...runs[key]].sort((a, b) => a.requests.average - b.requests.average);
      return [
        key,
        { median: byRate[Math.floor(byRate.length / 2)], rates: runs[key].map((run) => Math.round(run.requests.average)) },
      ];
    }),
  ) as Record<K, { median: autocannon.Result; rates: number[] }>;
}

/** The built server on a fresh data directory with demo data, rate limits out of the way. */
const startLiaison = (env: Record<string, string>) =>
  startServerProcess(
    {
      ...env,
      LIAISON_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-bench-')),
      LIAISON_DEMO_PASSWORD: PASSWORD,
      LIAISON_RATE_LIMIT_PER_MINUTE: '1000000000',
      LIAISON_LOGIN_RATE_LIMIT_PER_MINUTE: '1000000000',
      LOG_LEVEL: 'warn',
    },
    90_000,
    path.join(REPO_ROOT, 'dist/server/main.js'),
  );

async function measureBackend(env: Record<string, string>, bareUrl: string) {
  const started = Date.now();
  const server = await startLiaison(env);
  const startupMs = Date.now() - started;
  try {
    const { cookie } = await signInOverHttp(server.url, 'focal.ma@liaison.demo', PASSWORD);
    // The Spanish focal point's inbox holds the demo messages: one page, its total and unread count.
    const reader = await signInOverHttp(server.url, 'focal.es@liaison.demo', PASSWORD);
    const { bare, me, inbox } = await alternate({
      bare: () => rate(`${bareUrl}/hello`),
      me: () => rate(`${server.url}/api/v1/me`, { cookie }),
      inbox: () => rate(`${server.url}/api/v1/messages?box=inbox&limit=20`, { cookie: reader.cookie }),
    });
    const bareRps = Math.round(bare.median.requests.average);
    const ratio = (run: autocannon.Result) => Math.round((run.requests.average / bareRps) * 100) / 100;
    const figures = {
      rps: Math.round(me.median.requests.average),
      p50_ms: me.median.latency.p50,
      // autocannon's histogram reports p90 and p97.5 rather than p95; both bracket it.
      p90_ms: me.median.latency.p90,
      p97_5_ms: me.median.latency.p97_5,
      p99_ms: me.median.latency.p99,
      startup_to_ready_ms: startupMs,
      inbox_first_page: { rps: Math.round(inbox.median.requests.average), p99_ms: inbox.median.latency.p99 },
      bare_fastify_rps: bareRps,
      ratio_to_bare: { me: ratio(me.median), inbox_first_page: ratio(inbox.median) },
      rounds: { bare: bare.rates, me: me.rates, inbox_first_page: inbox.rates },
    };
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

/** The default configuration, and GET /me again with the one-second actor cache off (a lookup per request). */
async function measureBoth(env: Record<string, string>, bareUrl: string) {
  const cached = await measureBackend(env, bareUrl);
  const server = await startLiaison({ ...env, LIAISON_ACTOR_CACHE_MS: '0' });
  try {
    const { cookie } = await signInOverHttp(server.url, 'focal.ma@liaison.demo', PASSWORD);
    const uncached = await rate(`${server.url}/api/v1/me`, { cookie });
    return { ...cached, uncached: { rps: Math.round(uncached.requests.average), p99_ms: uncached.latency.p99 } };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

async function main() {
  // Measure what `npm start` runs: the compiled server.
  execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: REPO_ROOT, stdio: 'inherit' });
  const bare = await startServerProcess({}, 30_000, path.join(REPO_ROOT, 'bench/support/bare-fastify.ts'));
  const result: Record<string, unknown> = { bench: 'api', connections: 50, duration_s: DURATION_S, rounds: ROUNDS };
  try {
    if (BACKEND !== 'pglite') {
      const postgresServer = await startPostgres({ durable: true });
      try {
        result.postgres = await measureBoth({ DATABASE_URL: postgresServer.url }, bare.url);
      } finally {
        postgresServer.stop();
      }
      console.log('postgres', result.postgres);
    }
    if (BACKEND !== 'postgres') {
      result.pglite = await measureBoth({}, bare.url);
      console.log('pglite', result.pglite);
    }
  } finally {
    bare.child.kill('SIGTERM');
    await bare.exited;
  }
  console.log(JSON.stringify(result));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
