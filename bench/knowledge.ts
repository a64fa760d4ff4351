/**
 * Knowledge library benchmark (issue 4). Measures, on PostgreSQL and on PGlite, the time to ingest
 * the five corpus documents (read, split, tag, store in one transaction each; target ≤ 2 s in all).
 * Search latency over 100,000 items comes with the search endpoint and is not measured yet.
 * Last line: one JSON object of the figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { seedDemo } from '../src/server/demo/seed.js';
import { seedDemoLibrary } from '../src/server/demo/seed-library.js';
import { type DatabaseOptions, openDatabase } from '../src/server/platform/db/database.js';
import { migrate } from '../src/server/platform/db/migrate.js';
import { startPostgres } from '../test/support/postgres-server.js';

const CORPUS = path.resolve(import.meta.dirname, '../../shared/corpus');

async function measure(options: DatabaseOptions) {
  const database = await openDatabase(options);
  try {
    await migrate(database.db);
    await seedDemo(database.db, 'liaison-demo-2026');
    const started = performance.now();
    const documents = await seedDemoLibrary(database.db, CORPUS);
    const ingestMs = Math.round(performance.now() - started);
    const items = await sql<{ n: number }>`select count(*)::int as n from knowledge_items`.execute(database.db);
    return { ingest_corpus_ms: ingestMs, documents, items: items.rows[0].n };
  } finally {
    await database.close();
  }
}

async function main() {
  if (!fs.existsSync(CORPUS)) throw new Error(`corpus not found at ${CORPUS}`);
  const server = await startPostgres({ durable: true });
  let postgres: Awaited<ReturnType<typeof measure>>;
  try {
    postgres = await measure({ databaseUrl: server.url });
  } finally {
    server.stop();
  }
  console.log('postgres', postgres);
  const pglite = await measure({ pgliteDir: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-bench-')), 'pglite') });
  console.log('pglite', pglite);
  console.log(
    JSON.stringify({
      bench: 'knowledge',
      postgres: { ...postgres, search_p95_ms: null },
      pglite: { ...pglite, search_p95_ms: null },
      ingest_corpus_ms: Math.max(postgres.ingest_corpus_ms, pglite.ingest_corpus_ms),
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
