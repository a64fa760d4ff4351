/**
 * `npm run bench:screening`: watch-list screening at scale, through the real API.
 *
 * On each backend (`BENCH_BACKEND` = postgres | pglite to run one): N entries loaded in bulk
 * (`BENCH_ENTRIES`; 1,000,000 on PostgreSQL, 100,000 on PGlite), encrypted by the key ring and
 * indexed by `matchKeysOf`; single-name screening p50/p95 over ~300 queries as a focal point. On
 * PostgreSQL also: a batch of 10,000 names through its queue job, and 50 list changes reaching 200
 * subscribers' event streams. Then the matcher's quality on the labelled pair sets. Last line: JSON.
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { type DatabaseOptions, openDatabase } from '../src/server/platform/db/database.js';
import { migrate } from '../src/server/platform/db/migrate.js';
import { onEachBackend, startBenchApp } from './support/bench-app.js';
import {
  BENCH_PASSWORD,
  buildWorld,
  loadEntries,
  OWNER_EMAIL,
  SCREENER_EMAIL,
  subscriberEmail,
} from './support/screening-data.js';
import {
  batchCsv,
  measureBatch,
  measurePropagation,
  measureScreening,
  screeningQueries,
  signIn,
} from './support/screening-phases.js';
import { measureQuality } from './support/screening-quality.js';

const env = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
const QUERIES = env('BENCH_QUERIES') ?? 300;
const BATCH_LINES = env('BENCH_BATCH_LINES') ?? 10_000;
const SUBSCRIBERS = env('BENCH_SUBSCRIBERS') ?? 200;
const CHANGES = env('BENCH_CHANGES') ?? 50;
/** A batch still running after this long is stopped (ten times the 60 s it should take). */
const BATCH_TIMEOUT_S = env('BENCH_BATCH_TIMEOUT_S') ?? 600;

const failures: string[] = [];

/** Runs one measurement; a failure is reported (and fails the run at the end) but the others still run. */
async function phase<T>(name: string, run: () => Promise<T>): Promise<T | null> {
  const begin = performance.now();
  try {
    const result = await run();
    console.log(`${name} (${Math.round(performance.now() - begin)} ms)`, result);
    return result;
  } catch (error) {
    failures.push(name);
    console.error(`${name} failed:`, error instanceof Error ? error.message : error);
    return null;
  }
}

async function measure(options: DatabaseOptions) {
  const postgres = Boolean(options.databaseUrl);
  const entries = env('BENCH_ENTRIES') ?? (postgres ? 1_000_000 : 100_000);
  const database = await openDatabase(options);
  try {
    await migrate(database.db);
    const app = await startBenchApp(database);
    await app.ready();
    const world = await buildWorld(database.db, postgres ? SUBSCRIBERS : 0);
    const chunk = postgres ? 5_000 : 1_000;
    let reported = 0;
    const loadS = await loadEntries(database.db, app.platform.personalData, world, entries, chunk, (loaded) => {
      if (loaded - reported >= entries / 10) {
        reported = loaded;
        console.log(`  loaded ${loaded} entries`);
      }
    });
    console.log(`${entries} entries loaded in ${loadS.toFixed(1)} s (${Math.round(entries / loadS)} entries/s)`);
    const screener = await signIn(app, SCREENER_EMAIL, BENCH_PASSWORD);
    const screening = await phase('screening', () =>
      measureScreening(app, screener, world, screeningQueries(entries, QUERIES), screeningQueries(entries, 30, 9)),
    );
    const batch = postgres
      ? await phase('batch', () => measureBatch(app, screener, batchCsv(entries, BATCH_LINES), BATCH_TIMEOUT_S))
      : null;
    let propagation = null;
    if (postgres && SUBSCRIBERS > 0) {
      const owner = await signIn(app, OWNER_EMAIL, BENCH_PASSWORD);
      const cookies: string[] = [];
      for (let i = 1; i <= SUBSCRIBERS; i++) cookies.push((await signIn(app, subscriberEmail(i), BENCH_PASSWORD)).cookie);
      propagation = await phase('propagation', () => measurePropagation(app, owner, cookies, world.propagationListId, CHANGES));
    }
    await app.close();
    return {
      entries,
      load_s: Math.round(loadS * 10) / 10,
      entries_per_s: Math.round(entries / loadS),
      ...screening,
      ...batch,
      ...propagation,
    };
  } finally {
    await database.close();
  }
}

type Figures = Awaited<ReturnType<typeof measure>>;

async function main() {
  const figures = await onEachBackend(measure);
  const quality = await phase('quality', measureQuality);
  const backend = (figures: Figures | undefined, keys: (keyof Figures)[]) =>
    figures ? Object.fromEntries(keys.map((key) => [key, figures[key] ?? null])) : null;
  console.log(`load_1m ${os.loadavg()[0]?.toFixed(2)} (${os.cpus().length} cores, shared)`);
  // Each labelled set apart (the headline figures are of both together), before the last line.
  if (quality) console.log('quality by set', JSON.stringify(quality.sets));
  if (failures.length) console.error(`failed: ${failures.join(', ')}`);
  console.log(
    JSON.stringify({
      bench: 'screening',
      postgres: backend(figures.postgres, [
        'screen_p95_ms',
        'batch_10k_s',
        'propagation_p99_ms',
        'entries',
        'load_s',
        'screen_p50_ms',
        'mean_candidates',
        'variant_hit_rate',
        'unrelated_with_hit_pct',
        'batch_lines',
        'batch_projected_s',
        'propagation_p50_ms',
        'propagation_missed',
      ]),
      pglite: backend(figures.pglite, [
        'screen_p95_ms',
        'entries',
        'load_s',
        'screen_p50_ms',
        'mean_candidates',
        'variant_hit_rate',
      ]),
      f1: quality?.f1 ?? null,
      recall_at_1pct_fpr: quality?.recall_at_1pct_fpr ?? null,
      baseline_jw_f1: quality?.baseline_jw_f1 ?? null,
    }),
  );
  if (failures.length) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
