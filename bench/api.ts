/**
 * API benchmark: an authenticated GET /api/v1/me at 50 connections with autocannon on 127.0.0.1,
 * sign-ins per second (argon2-bound) and start-up time to ready (first start: migrations and demo
 * data), on PostgreSQL and on PGlite; `uncached` repeats GET /me with the actor cache off.
 * Targets (issue 3): PostgreSQL ≥ 2,000 req/s with p99 ≤ 50 ms; PGlite ≥ 800 req/s.
 * Last line: one JSON object with the figures of both backends.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startPostgres } from '../test/support/postgres-server.js';
import { signInOverHttp, startServerProcess } from '../test/support/server-process.js';

const PASSWORD = 'liaison-demo-2026';
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);

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
    // Warm up connections, JIT and caches before measuring.
    await autocannon({ url: `${server.url}/api/v1/me`, connections: 50, duration: 2, headers: { cookie } });
    const me = await autocannon({ url: `${server.url}/api/v1/me`, connections: 50, duration: DURATION_S, headers: { cookie } });
    if (me.non2xx > 0 || me.errors > 0) throw new Error(`GET /api/v1/me: ${me.non2xx} non-2xx, ${me.errors} errors`);
    const figures = {
      rps: Math.round(me.requests.average),
      p50_ms: me.latency.p50,
      // autocannon's histogram reports p90 and p97.5 rather than p95; both bracket it.
      p90_ms: me.latency.p90,
      p97_5_ms: me.latency.p97_5,
      p99_ms: me.latency.p99,
      startup_to_ready_ms: startupMs,
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

async function main() {
  const postgresServer = await startPostgres({ durable: true });
  let postgres: Awaited<ReturnType<typeof measureBoth>>;
  try {
    postgres = await measureBoth({ DATABASE_URL: postgresServer.url });
  } finally {
    postgresServer.stop();
  }
  console.log('postgres', postgres);
  const pglite = await measureBoth({});
  console.log('pglite', pglite);
  console.log(JSON.stringify({ bench: 'api', connections: 50, duration_s: DURATION_S, postgres, pglite }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
