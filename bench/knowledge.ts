/**
 * Knowledge library benchmark (issue 4), on PostgreSQL and on PGlite:
 *  - ingest the five corpus documents (read, split, tag, store; target ≤ 2 s in all);
 *  - build a library of 100,000 items generated from the corpus items with variation, start the app,
 *    wait until it has loaded the search cache in the background (`warm_ms`), then time the first
 *    search and typical searches with facets through the HTTP API, French and Arabic ones translated
 *    to find the English items (targets: first search and p95 ≤ 50 ms PostgreSQL, ≤ 150 ms PGlite);
 *  - reading speed: pages a second of a 200-page PDF and Word file (knowledge-reading.ts, ≥ 20).
 * `BENCH_ONLY=reading` measures the reading speed alone (no database).
 * Last line: one JSON object of the figures.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { seedDemo } from '../src/server/demo/seed.js';
import { seedDemoLibrary } from '../src/server/demo/seed-library.js';
import { FieldCipher } from '../src/server/platform/crypto.js';
import { type DatabaseOptions, type Db, openDatabase } from '../src/server/platform/db/database.js';
import { migrate } from '../src/server/platform/db/migrate.js';
import { startPostgres } from '../test/support/postgres-server.js';
import { measureReading } from './knowledge-reading.js';

const CORPUS = path.resolve(import.meta.dirname, '../../shared/corpus');
const TARGET_ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const ITEMS_PER_DOCUMENT = 250;
const COUNTRY_SWAPS: [string, string][] = [
  ['Morocco', 'MA'],
  ['Senegal', 'SN'],
  ['Niger', 'NE'],
  ['Mali', 'ML'],
  ['Spain', 'ES'],
  ['Mauritania', 'MR'],
  ['Nigeria', 'NG'],
  ['Guinea', 'GN'],
  ['Gambia', 'GM'],
  ["Côte d'Ivoire", 'CI'],
  ['Italy', 'IT'],
  ['France', 'FR'],
];
const QUERIES = [
  'q=smuggling',
  'q=document%20fraud%20land%20borders',
  'q=trafficking%20victims%20protection&type=recommendation',
  'q=information%20exchange&country=MA',
  'q=return%20and%20reintegration',
  'q=formation%20des%20garde-fronti%C3%A8res',
  'q=border%20management&process=rabat&sort=date',
  'type=good_practice&theme=capacity_building',
  // Across languages: French and Arabic queries that find the English items through the glossary.
  `q=${encodeURIComponent('trafic illicite de migrants')}`,
  `q=${encodeURIComponent('traite des êtres humains')}&type=recommendation`,
  `q=${encodeURIComponent('gestion des frontières')}&country=MA`,
  `q=${encodeURIComponent('fraude documentaire')}`,
  `q=${encodeURIComponent('تهريب المهاجرين')}`,
  `q=${encodeURIComponent('المغرب')}&sort=date`,
];

interface TemplateItem {
  type: string;
  text: string;
  countries: string[];
  organisations: string[];
  themes: string[];
  references: unknown;
}

/** Copies of the corpus documents and items, with another country and a session number. */
async function growLibrary(db: Db): Promise<number> {
  const templates = (
    await sql<TemplateItem>`select type, text, countries, organisations, themes, "references" from knowledge_items`.execute(db)
  ).rows;
  const secretariat = (await sql<{ id: string }>`select id from organisations where kind = 'secretariat'`.execute(db)).rows[0].id;
  const documents = Math.ceil((TARGET_ITEMS - templates.length) / ITEMS_PER_DOCUMENT);
  for (let d = 0; d < documents; d++) {
    const [countryName, countryCode] = COUNTRY_SWAPS[d % COUNTRY_SWAPS.length];
    const year = 2010 + (d % 16);
    const document = await sql<{ id: string }>`insert into knowledge_documents (title, process, city, country, dates, language,
        file_name, sha256, body, status, handling_code, originator_organisation_id, published_at)
      values (${`Thematic meeting ${d + 1}`}, ${d % 4 === 0 ? 'budapest' : 'rabat'}, 'Sample City', ${countryCode},
        ${[`${year}-0${1 + (d % 9)}-1${d % 9}`]}::date[], 'en', ${`generated-${d}.txt`}, ${randomBytes(32).toString('hex')},
        '', 'published', 'TLP:CLEAR', ${secretariat}, now()) returning id`.execute(db);
    const rows = Array.from({ length: ITEMS_PER_DOCUMENT }, (_, position) => {
      const template = templates[(d * 7 + position) % templates.length];
      return {
        position,
        type: template.type,
        text: `${template.text} (${countryName}, session ${d + 1}.${position})`,
        countries: [...new Set([...template.countries, countryCode])].sort(),
        organisations: template.organisations,
        themes: template.themes,
        references: template.references,
      };
    });
    await sql`insert into knowledge_items (document_id, position, type, text, countries, organisations, themes, "references", status)
      select ${document.rows[0].id}::uuid, r.position, r.type, r.text,
        array(select jsonb_array_elements_text(r.countries)), array(select jsonb_array_elements_text(r.organisations)),
        array(select jsonb_array_elements_text(r.themes)), r."references", 'published'
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as r(position int, type text, text text, countries jsonb, organisations jsonb, themes jsonb, "references" jsonb)`.execute(
      db,
    );
  }
  // A library this size has long been vacuumed and checkpointed by the time it is searched: do both
  // now, so that neither autovacuum nor the checkpoint of the bulk load's writes runs during the
  // timed searches, and gather the planner's statistics.
  await sql`vacuum analyze`.execute(db);
  await sql`checkpoint`.execute(db);
  return (await sql<{ n: number }>`select count(*)::int as n from knowledge_items`.execute(db)).rows[0].n;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measure(options: DatabaseOptions) {
  const database = await openDatabase(options);
  try {
    await migrate(database.db);
    await seedDemo(database.db, 'liaison-demo-2026');
    const ingestStarted = performance.now();
    await seedDemoLibrary(database.db, CORPUS, { bundled: false });
    const ingestMs = Math.round(performance.now() - ingestStarted);
    const buildStarted = performance.now();
    const items = await growLibrary(database.db);
    const buildS = Math.round((performance.now() - buildStarted) / 1000);
    const config = { ...loadConfig({}), rateLimitPerMinute: 1_000_000_000, webRoot: '/nonexistent', dataDir: os.tmpdir() };
    const app = await buildApp({ config, db: database.db, cipher: new FieldCipher(randomBytes(32)), logger: false });
    const warmStarted = performance.now();
    await app.ready();
    while (!(await app.inject({ method: 'GET', url: '/readyz' })).json().libraryWarm) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const warmMs = Math.round(performance.now() - warmStarted);
    // Other work on the machine skews the timings: the load average says how much there was.
    const load1m = Math.round(os.loadavg()[0] * 100) / 100;
    const firstStarted = performance.now();
    const first = await app.inject({ method: 'GET', url: `/api/v1/knowledge/items?${QUERIES[0]}` });
    const firstSearchMs = Math.round((performance.now() - firstStarted) * 10) / 10;
    if (first.statusCode !== 200) throw new Error(`first search: ${first.statusCode} ${first.body.slice(0, 200)}`);
    const timings: number[] = [];
    const slowest: Record<string, number> = {};
    for (let round = 0; round < 6; round++) {
      for (const query of QUERIES) {
        const started = performance.now();
        const response = await app.inject({ method: 'GET', url: `/api/v1/knowledge/items?${query}` });
        if (response.statusCode !== 200) throw new Error(`${query}: ${response.statusCode} ${response.body.slice(0, 200)}`);
        if (query.startsWith('q=') && response.json().total === 0) throw new Error(`${query}: no item found`);
        const elapsed = performance.now() - started;
        if (round === 0) continue; // the first round warms caches
        timings.push(elapsed);
        slowest[query] = Math.max(slowest[query] ?? 0, Math.round(elapsed));
      }
    }
    console.log('slowest time per query (ms)', slowest);
    await app.close();
    timings.sort((a, b) => a - b);
    const round1 = (n: number) => Math.round(n * 10) / 10;
    return {
      ingest_corpus_ms: ingestMs,
      items,
      build_library_s: buildS,
      warm_ms: warmMs,
      first_search_ms: firstSearchMs,
      search_p50_ms: round1(percentile(timings, 50)),
      search_p95_ms: round1(percentile(timings, 95)),
      searches: timings.length,
      load_1m: load1m,
    };
  } finally {
    await database.close();
  }
}

type Figures = Awaited<ReturnType<typeof measure>>;

async function measurePostgres(): Promise<Figures> {
  const server = await startPostgres({ durable: true });
  try {
    return await measure({ databaseUrl: server.url });
  } finally {
    server.stop();
  }
}

const measurePglite = () => measure({ pgliteDir: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-bench-')), 'pglite') });

/** BENCH_BACKEND=postgres or pglite measures one backend only (while tuning); the default, both. */
async function main() {
  if (process.env.BENCH_ONLY === 'reading') {
    console.log(JSON.stringify({ bench: 'knowledge', reading: await measureReading() }));
    return;
  }
  if (!fs.existsSync(CORPUS)) throw new Error(`corpus not found at ${CORPUS}`);
  const only = process.env.BENCH_BACKEND;
  const figures: Record<string, Figures> = {};
  if (only !== 'pglite') {
    figures.postgres = await measurePostgres();
    console.log('postgres', figures.postgres);
  }
  if (only !== 'postgres') {
    figures.pglite = await measurePglite();
    console.log('pglite', figures.pglite);
  }
  const ingest = Math.max(...Object.values(figures).map((f) => f.ingest_corpus_ms));
  const reading = await measureReading();
  console.log(JSON.stringify({ bench: 'knowledge', ...figures, ingest_corpus_ms: ingest, reading }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
