import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob } from '../../src/server/platform/jobs/queue.js';
import type { ScreeningBatch } from '../../src/shared/watchlists/contract.js';
import { expectProblem } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import {
  BATCHES,
  batchOf,
  count,
  PURPOSE,
  resultsOf,
  runJobs,
  seedList,
  unitOf,
  uploadBatch,
} from './watchlists-batches-fixtures.js';

/**
 * Batch screening from CSV, through the API: focal.ma screens a file against the lists Morocco's
 * anti-smuggling unit may see (its own); Senegal's unit keeps a list only it may see, whose names
 * must never hit. analyst.ma works in another Moroccan unit: a batch of focal.ma's unit is not its.
 */
let t: TestApp;
let focal: Client;
let colleague: Client;
let reader: Client;
let other: Client;

const LISTED = ['Mamadou Diallo', 'محمد عبد الله', 'Fatou Sow'];
const HIDDEN = 'Ousmane Sarr';

/**
 * Lines 1 (header) to 13 (11 data records): a byte-order mark, `;` separators, CRLF, quoted fields,
 * a quoted reference holding the separator, another across two lines, a name in Arabic script, SQL metacharacters, and
 * one bad value of each kind.
 */
const CSV = [
  '\uFEFFname;birth_year;nationality;sex;reference',
  'Mamadou Diallo;1984;SN;M;F-001',
  ';1990;;;F-002',
  'Fatou Sow;19x4;;;F-003',
  'Aminata Touré;;XX;;F-004',
  'Idrissa Ba;;;unknown;F-005',
  'محمد عبد الله;;MA;male;F-006',
  '"DIALLO Mamadou";;;;"F;007"',
  '"Fatou Sow";2001;;F;"F-008',
  'continued"',
  `"Robert'); DROP TABLE screenings;--";;;;F-010`,
  `${HIDDEN};;;;F-011`,
  `Awa Ndiaye;;;;"F-012' OR '1'='1"`,
].join('\r\n');

let accepted: ScreeningBatch;
let done: ScreeningBatch;

beforeAll(async () => {
  t = await startTestApp({ jobPollMs: 0 });
  focal = await t.signIn('focal.ma@liaison.demo');
  colleague = await t.signIn('analyst.ma@liaison.demo');
  reader = await t.signIn('reader.ma@liaison.demo');
  other = await t.signIn('focal.sn@liaison.demo');
  await seedList(t, 'focal.ma@liaison.demo', LISTED);
  await seedList(t, 'focal.sn@liaison.demo', [HIDDEN]);

  const response = await uploadBatch(focal, CSV, [['purpose', PURPOSE]], 'arrivals.csv');
  expect(response.statusCode, response.body).toBe(202);
  accepted = response.json();
  expect(response.headers.location).toBe(`${BATCHES}/${accepted.id}`);
  await runJobs(t);
  done = await batchOf(focal, accepted.id);
});
afterAll(() => t.close());

describe('screening a CSV file', () => {
  it('answers 202 with the batch queued and its line count, before any line is screened', async () => {
    const unit = await unitOf(t, 'focal.ma@liaison.demo');
    expect(accepted).toMatchObject({
      status: 'queued',
      fileName: 'arrivals.csv',
      purpose: PURPOSE,
      unit: { id: unit.unitId },
      totalLines: 11,
      processedLines: 0,
      screened: 0,
      hits: 0,
      errors: [],
      finishedAt: null,
    });
  });

  it('reports bad lines by file line and column, screens the good ones, and reaches the total', () => {
    expect(done).toMatchObject({ status: 'done', totalLines: 11, processedLines: 11 });
    expect(done.finishedAt).not.toBeNull();
    expect(done.errors).toEqual([
      { line: 3, slug: 'missing-name', field: 'name' },
      { line: 4, slug: 'invalid-birth-year', field: 'birth_year' },
      { line: 5, slug: 'invalid-nationality', field: 'nationality' },
      { line: 6, slug: 'invalid-sex', field: 'sex' },
      // Markup and statement characters are no part of a name: refused by the screening, reported here.
      { line: 11, slug: 'invalid-name', field: 'name' },
    ]);
    expect(done.screened).toBe(6);
  });

  it('opens a review task for each hit, on the lists the unit may see only', async () => {
    const results = await resultsOf(focal, accepted.id);
    expect(results.total).toBe(6);
    const byLine = new Map(results.items.map((item) => [item.line, item]));
    expect([...byLine.keys()]).toEqual([2, 7, 8, 9, 12, 13]);
    expect(byLine.get(2)).toMatchObject({ clientReference: 'F-001', hits: 1 });
    expect(byLine.get(7)).toMatchObject({ clientReference: 'F-006', hits: 1 });
    expect(byLine.get(8)).toMatchObject({ clientReference: 'F;007' });
    expect(byLine.get(9)).toMatchObject({ clientReference: 'F-008\ncontinued', hits: 1 });
    expect(byLine.get(9)?.topScore).toBeGreaterThan(0.5);
    // The hidden list's name: no candidate, no hit, no score.
    expect(byLine.get(12)).toMatchObject({ clientReference: 'F-011', candidates: 0, hits: 0, topScore: null });
    expect(byLine.get(13)).toMatchObject({ clientReference: "F-012' OR '1'='1", hits: 0, topScore: null });
    expect(done.hits).toBe(results.items.reduce((sum, item) => sum + item.hits, 0));
    expect(done.hits).toBeGreaterThanOrEqual(3);

    const hits = await focal.get('/api/v1/screening/hits?status=open');
    expect(hits.statusCode, hits.body).toBe(200);
    const batchHits = (hits.json().items as { screening: { batchId: string | null } }[]).filter(
      (hit) => hit.screening.batchId === accepted.id,
    );
    expect(batchHits).toHaveLength(done.hits);
  });

  it('pages the results in file order', async () => {
    const page = await resultsOf(focal, accepted.id, '?limit=2&offset=2');
    expect(page.total).toBe(6);
    expect(page.items.map((item) => item.line)).toEqual([8, 9]);
  });

  it('forgets the file once done, keeps the screened names encrypted, and puts no name in the audit trail', async () => {
    const db = t.database.db;
    const row = await sql<{
      input_enc: string | null;
    }>`select input_enc from screening_batches where id = ${accepted.id}`.execute(db);
    expect(row.rows[0].input_enc).toBeNull();
    const stored = await sql<{ query_enc: string }>`select query_enc from screenings where batch_id = ${accepted.id}`.execute(db);
    expect(stored.rows).toHaveLength(6);
    for (const { query_enc } of stored.rows) {
      expect(query_enc).toMatch(/^[^:]+:v1:/);
      for (const name of ['Diallo', 'محمد', 'Sow', 'Sarr', 'Ndiaye']) expect(query_enc).not.toContain(name);
    }
    const audit = await sql<{ action: string; details: Record<string, unknown> }>`select action, details from audit_log
      where (action = 'screening.batch.created' and target_id = ${accepted.id}) or details ->> 'batchId' = ${accepted.id}
      order by id`.execute(db);
    expect(audit.rows[0]).toMatchObject({ action: 'screening.batch.created', details: { purpose: PURPOSE, lines: 11 } });
    expect(audit.rows.filter((entry) => entry.action === 'screening.run')).toHaveLength(6);
    const text = JSON.stringify(audit.rows);
    for (const name of ['Diallo', 'محمد', 'Sow', 'Sarr', 'Ndiaye', 'Touré', 'DROP', 'F-0', 'arrivals']) {
      expect(text).not.toContain(name);
    }
  });

  it('screens each line once, however often its job runs', async () => {
    const db = t.database.db;
    const response = await uploadBatch(focal, 'name,reference\nMamadou Diallo,A\nAwa Ndiaye,B\nFatou Sow,C\n');
    expect(response.statusCode, response.body).toBe(202);
    const id: string = response.json().id;
    const { rows } = await sql<{ input_enc: string }>`select input_enc from screening_batches where id = ${id}`.execute(db);
    await runJobs(t);
    const first = await batchOf(focal, id);
    expect(first).toMatchObject({ status: 'done', screened: 3, hits: 2, processedLines: 3 });

    // A job run again on a finished batch does nothing.
    await enqueueJob(db, { kind: 'screening.batch', payload: { batchId: id } });
    await runJobs(t);
    // A job resumed on a batch whose lines were all screened before the restart screens none again.
    await sql`update screening_batches set status = 'running', input_enc = ${rows[0].input_enc}, finished_at = null
      where id = ${id}`.execute(db);
    await enqueueJob(db, { kind: 'screening.batch', payload: { batchId: id } });
    await runJobs(t);
    const again = await batchOf(focal, id);
    expect(again).toMatchObject({ status: 'done', screened: 3, hits: 2, processedLines: 3 });
    expect(await count(t, sql`select count(*)::int as n from screenings where batch_id = ${id}`)).toBe(3);
    expect(await count(t, sql`select count(distinct batch_line)::int as n from screenings where batch_id = ${id}`)).toBe(3);
  });

  it('resumes a batch stopped part-way, screening only the lines it had not reached', async () => {
    const db = t.database.db;
    const names = Array.from({ length: 130 }, (_, i) =>
      i % 40 === 0 ? 'Mamadou Diallo' : `Passenger ${String.fromCharCode(97 + (i % 26))}kosso`,
    );
    const response = await uploadBatch(focal, `name\n${names.join('\n')}\n`);
    expect(response.statusCode, response.body).toBe(202);
    const id: string = response.json().id;
    const { rows } = await sql<{ input_enc: string }>`select input_enc from screening_batches where id = ${id}`.execute(db);
    await runJobs(t);
    expect(await batchOf(focal, id)).toMatchObject({
      status: 'done',
      totalLines: 130,
      processedLines: 130,
      screened: 130,
      hits: 4,
    });

    // As it stood after its first chunks, when the server stopped: lines 2–51 screened, the rest not.
    const cut = sql`select id from screenings where batch_id = ${id} and batch_line > 51`;
    await sql`delete from screening_hits where screening_id in (${cut})`.execute(db);
    await sql`delete from screenings where id in (${cut})`.execute(db);
    await sql`update screening_batches set status = 'running', input_enc = ${rows[0].input_enc}, finished_at = null,
      processed_lines = 50, screened = 50, hits = 2 where id = ${id}`.execute(db);
    const before = await count(t, sql`select count(*)::int as n from screenings where batch_id = ${id} and batch_line <= 51`);
    expect(before).toBe(50);
    await enqueueJob(db, { kind: 'screening.batch', payload: { batchId: id } });
    await runJobs(t);
    expect(await batchOf(focal, id)).toMatchObject({ status: 'done', processedLines: 130, screened: 130, hits: 4 });
    expect(await count(t, sql`select count(*)::int as n from screenings where batch_id = ${id}`)).toBe(130);
    expect(await count(t, sql`select count(distinct batch_line)::int as n from screenings where batch_id = ${id}`)).toBe(130);
    // The first 50 were kept as they were, not screened again.
    const kept = sql<{ n: number }>`select count(*)::int as n from screenings
      where batch_id = ${id} and batch_line <= 51
        and created_at < (select min(created_at) from screenings where batch_id = ${id} and batch_line > 51)`;
    expect(await count(t, kept)).toBe(50);
  });
});

describe('who sees a batch', () => {
  it("lists the unit's batches to its members only", async () => {
    const mine = await focal.get(BATCHES);
    expect(mine.statusCode, mine.body).toBe(200);
    expect((mine.json().items as ScreeningBatch[]).map((batch) => batch.id)).toContain(accepted.id);
    for (const client of [colleague, other]) {
      const theirs = await client.get(BATCHES);
      expect(theirs.statusCode, theirs.body).toBe(200);
      expect((theirs.json().items as ScreeningBatch[]).map((batch) => batch.id)).not.toContain(accepted.id);
    }
  });

  it("answers another unit's batch and its results as unknown (404)", async () => {
    for (const client of [colleague, other]) {
      expectProblem(await client.get(`${BATCHES}/${accepted.id}`), 404, 'not-found');
      expectProblem(await client.get(`${BATCHES}/${accepted.id}/results`), 404, 'not-found');
    }
    expectProblem(await focal.get(`${BATCHES}/00000000-0000-4000-8000-000000000000`), 404, 'not-found');
  });

  it('refuses a reader (403): no batch, no list, no results', async () => {
    const before = await count(t, sql`select count(*)::int as n from screening_batches`);
    expectProblem(await uploadBatch(reader, 'name\nMamadou Diallo\n'), 403, 'forbidden');
    expectProblem(await reader.get(BATCHES), 403, 'forbidden');
    expectProblem(await reader.get(`${BATCHES}/${accepted.id}`), 403, 'forbidden');
    expectProblem(await reader.get(`${BATCHES}/${accepted.id}/results`), 403, 'forbidden');
    expect(await count(t, sql`select count(*)::int as n from screening_batches`)).toBe(before);
  });

  it("refuses screening for a unit that is not the caller's", async () => {
    const otherUnit = await unitOf(t, 'focal.sn@liaison.demo');
    const response = await uploadBatch(focal, 'name\nA\n', [
      ['purpose', PURPOSE],
      ['unitId', otherUnit.unitId],
    ]);
    expect(response.statusCode, response.body).toBe(403);
  });
});
