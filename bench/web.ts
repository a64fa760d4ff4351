/**
 * Web delivery benchmark: how much the sign-in page (/login) and the home page (/, signed in as
 * the Moroccan focal point) transfer, and how soon they are usable, over a slow link (300 ms
 * latency, 1.6 Mbit/s; CDP throttling in the system Chromium, see test/support/web-load.ts).
 * Each page is loaded cold (a new browser context: empty cache) and then warm (a second navigation
 * in the same context). A cold "home" load is a new context that signs in through the API (the
 * session cookie lands in the context's jar, unthrottled and uncounted), then loads `/`.
 * "Usable" = the level-1 heading visible and the page's main control enabled (`USABLE`).
 * The server is the build (`npm run build` first, done here), started as `npm start` starts it, on
 * PGlite unless `BENCH_BACKEND=postgres`; `BENCH_WEB_ROOT=<folder>` serves another build of the web app. Targets: cold ≤ 300,000 bytes and ≤ 3,000 ms per page.
 * Last line: one JSON object with the figures.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../test/support/chromium.js';
import { REPO_ROOT } from '../test/support/cli.js';
import { startPostgres } from '../test/support/postgres-server.js';
import { startServerProcess } from '../test/support/server-process.js';
import { anonymousContext, coldAndWarm, type PageFigures, signedInContext, TARGETS, USABLE } from '../test/support/web-load.js';

const PASSWORD = 'liaison-demo-2026';
const BACKEND = process.env.BENCH_BACKEND === 'postgres' ? 'postgres' : 'pglite';

async function measure(baseUrl: string) {
  const browser = await launchChromium();
  try {
    const anonymous = await anonymousContext(browser, baseUrl);
    const login = await coldAndWarm(anonymous, '/login', USABLE.login);
    await anonymous.close();
    const signedIn = await signedInContext(browser, baseUrl, 'focal.ma@liaison.demo', PASSWORD);
    const home = await coldAndWarm(signedIn, '/', USABLE.home);
    await signedIn.close();
    return { login, home };
  } finally {
    await browser.close();
  }
}

const figures = ({ cold, warm }: PageFigures) => ({
  cold: { bytes: cold.bytes, ms: cold.ms, requests: cold.responses.length },
  warm: { bytes: warm.bytes, ms: warm.ms, requests: warm.responses.length },
});

async function main() {
  // BENCH_WEB_ROOT measures another build of the web app (an older release, say) with this server.
  const webRoot = process.env.BENCH_WEB_ROOT ?? path.join(REPO_ROOT, 'dist/web');
  const build = process.env.BENCH_WEB_ROOT ? 'build:server' : 'build';
  execFileSync('npm', ['run', '--silent', build], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const postgres = BACKEND === 'postgres' ? await startPostgres({ durable: true }) : undefined;
  const server = await startServerProcess(
    {
      ...(postgres ? { DATABASE_URL: postgres.url } : {}),
      LIAISON_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-bench-web-')),
      LIAISON_DEMO: '1',
      LIAISON_DEMO_PASSWORD: PASSWORD,
      LIAISON_WEB_ROOT: webRoot,
      LIAISON_RATE_LIMIT_PER_MINUTE: '1000000',
      LOG_LEVEL: 'warn',
    },
    120_000,
    path.join(REPO_ROOT, 'dist/server/main.js'),
  );
  try {
    const pages = await measure(server.url);
    const result = { login: figures(pages.login), home: figures(pages.home) };
    console.log(`Web delivery over ${300} ms latency and 1.6 Mbit/s (${BACKEND})`);
    console.log('page    load   bytes     ms   requests');
    for (const [name, page] of Object.entries(result)) {
      for (const load of ['cold', 'warm'] as const) {
        const { bytes, ms, requests } = page[load];
        console.log(
          `${name.padEnd(7)} ${load.padEnd(5)} ${String(bytes).padStart(7)} ${String(ms).padStart(6)} ${String(requests).padStart(6)}`,
        );
      }
    }
    const met = Object.values(result).every(({ cold }) => cold.bytes <= TARGETS.bytes && cold.ms <= TARGETS.ms);
    const json = {
      backend: BACKEND,
      pages: Object.fromEntries(
        Object.entries(result).map(([name, page]) => [
          name,
          { cold: { bytes: page.cold.bytes, ms: page.cold.ms }, warm: { bytes: page.warm.bytes, ms: page.warm.ms } },
        ]),
      ),
      targets: TARGETS,
      met,
    };
    console.log(JSON.stringify(json));
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    postgres?.stop();
  }
}

await main();
