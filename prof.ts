import { sql } from 'kysely';
import { openDatabase } from './src/server/platform/db/database.js';
import { migrate } from './src/server/platform/db/migrate.js';
import { startPostgres } from './test/support/postgres-server.js';
import { startBenchApp } from './bench/support/bench-app.js';
import { buildWorld, loadEntries } from './bench/support/screening-data.js';
import { screeningQueries } from './bench/support/screening-phases.js';
import { matchKeysOf } from './src/server/modules/watchlists/entries/match-keys.js';
import { candidateEntries } from './src/server/modules/watchlists/entries/repository.js';
import { matchSubjects } from './src/server/modules/watchlists/matching/index.js';
const N = Number(process.env.N ?? 100000);
const server = await startPostgres({ durable: true });
const database = await openDatabase({ databaseUrl: server.url });
try {
  await migrate(database.db);
  const app = await startBenchApp(database); await app.ready();
  const world = await buildWorld(database.db, 0);
  await loadEntries(database.db, app.platform.personalData, world, N, 5000, () => {});
  const viewer = (world as any).screenerViewer ?? null;
  console.log(Object.keys(world));
  const queries = screeningQueries(N, 40);
  const keysets = queries.map((q) => matchKeysOf(app.platform.personalData, [q.name]));
  // viewer: null (public) would only see CLEAR; use a viewer with no restriction? build from world
  const w: any = world;
  const org = (await sql<{ organisation_id: string }>`select organisation_id from units where id = ${w.screenerUnitId}`.execute(database.db)).rows[0].organisation_id;
  const v = { organisationId: org, unitIds: [w.screenerUnitId], sharingGroupIds: [] } as any;
  let tSql = 0, tDec = 0, tScore = 0, rowsTotal = 0, distinct = 0; const hist: number[] = [];
  for (let i = 0; i < queries.length; i++) {
    let t = performance.now();
    const rows = await candidateEntries(database.db, v, keysets[i], 500);
    tSql += performance.now() - t; rowsTotal += rows.length; hist.push(rows.length);
    t = performance.now();
    const names = await Promise.all(rows.map(async (r) => JSON.parse(await app.platform.personalData.decrypt(r.namesEnc))));
    tDec += performance.now() - t;
    t = performance.now();
    const memo = new Map<string, number>();
    for (const n of names) { const k = n.map((x: any) => x.name).join('|'); if (!memo.has(k)) memo.set(k, matchSubjects({ names: [queries[i].name] }, { names: n.map((x: any) => x.name) }).score); }
    distinct += memo.size;
    tScore += performance.now() - t;
  }
  const k = queries.length;
  console.log(hist.sort((a,b)=>a-b).join(' ')); console.log({ distinct: distinct / k, sqlMs: tSql / k, decMs: tDec / k, scoreMs: tScore / k, rows: rowsTotal / k });
  const ex = await sql.raw(`explain (analyze, buffers) select e.id from watchlist_entries e join watchlists w on w.id = e.watchlist_id where e.match_keys && '{${keysets[0].join(',')}}'::bigint[] and e.status='active' order by cardinality(array(select unnest(e.match_keys) intersect select unnest('{${keysets[0].join(',')}}'::bigint[]))) desc limit 500`).execute(database.db);
  console.log(ex.rows.map((r: any) => r['QUERY PLAN']).join('\n'));
  await app.close();
} finally { await database.close(); server.stop(); }
