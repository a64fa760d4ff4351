import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WATCHLIST_LIMITS } from '../../src/shared/watchlists/vocabulary.js';
import { expectProblem } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { BATCHES, batchForm, count, PURPOSE, runJobs, seedList, uploadBatch } from './watchlists-batches-fixtures.js';

/** What is not a batch file, or not a batch form, is refused at upload and leaves nothing behind. */
let t: TestApp;
let focal: Client;

const stored = async () => ({
  batches: await count(t, sql`select count(*)::int as n from screening_batches`),
  jobs: await count(t, sql`select count(*)::int as n from jobs where kind = 'screening.batch'`),
  audit: await count(t, sql`select count(*)::int as n from audit_log where action = 'screening.batch.created'`),
});
let before: Awaited<ReturnType<typeof stored>>;

beforeAll(async () => {
  t = await startTestApp({ jobPollMs: 0 });
  focal = await t.signIn('focal.ma@liaison.demo');
  before = await stored();
});
afterAll(() => t.close());

describe('refused batch files', () => {
  it('refuses a file over the size limit or with too many lines (422 batch-too-large)', async () => {
    const big = `name\n${'Mamadou Diallo Abdoulaye\n'.repeat(Math.ceil(WATCHLIST_LIMITS.batchBytes / 24) + 10)}`;
    expectProblem(await uploadBatch(focal, big), 422, 'batch-too-large');
    const many = `name\n${'A\n'.repeat(WATCHLIST_LIMITS.batchLines + 1)}`;
    expectProblem(await uploadBatch(focal, many), 422, 'batch-too-large');
  });

  it('refuses an unknown column naming it, a file without a name column, and duplicate columns (400 invalid-csv)', async () => {
    const unknown = expectProblem(await uploadBatch(focal, 'name,passport_number\nA,X1\n'), 400, 'invalid-csv');
    expect(unknown.column).toBe('passport_number');
    expect(unknown.detail).toContain('passport_number');
    expectProblem(await uploadBatch(focal, 'full_name\nA\n'), 400, 'invalid-csv');
    expectProblem(await uploadBatch(focal, 'birth_year;sex\n1980;M\n'), 400, 'invalid-csv');
    expectProblem(await uploadBatch(focal, 'name,NAME\nA,B\n'), 400, 'invalid-csv');
  });

  it('refuses an empty file, a header alone, a quote left open, and what is not UTF-8 text', async () => {
    expectProblem(await uploadBatch(focal, ''), 400, 'invalid-csv');
    expectProblem(await uploadBatch(focal, '\uFEFF\r\n\r\n'), 400, 'invalid-csv');
    expectProblem(await uploadBatch(focal, 'name;birth_year\r\n'), 400, 'invalid-csv');
    const open = expectProblem(await uploadBatch(focal, 'name\nA\n"Diallo\nB\n'), 400, 'invalid-csv');
    expect(open.line).toBe(3);
    expectProblem(await uploadBatch(focal, new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xc3, 0x28])), 400, 'invalid-csv');
    expectProblem(await uploadBatch(focal, new TextEncoder().encode('%PDF-1.7\n\u0000\u0001')), 400, 'invalid-csv');
  });

  it('needs a stated purpose (422 purpose-required)', async () => {
    expectProblem(await uploadBatch(focal, 'name\nA\n', []), 422, 'purpose-required');
    expectProblem(await uploadBatch(focal, 'name\nA\n', [['purpose', '  x ']]), 422, 'purpose-required');
    expectProblem(await uploadBatch(focal, 'name\nA\n', [['purpose', 'p'.repeat(501)]]), 422, 'purpose-required');
  });

  it('refuses a form without a file, with an unknown field, two files, or not multipart', async () => {
    expectProblem(await uploadBatch(focal, null), 400, 'invalid-csv');
    expectProblem(
      await uploadBatch(focal, 'name\nA\n', [
        ['purpose', PURPOSE],
        ['handlingCode', 'TLP:RED'],
      ]),
      400,
      'unknown-field',
    );
    const data = new FormData();
    data.append('purpose', PURPOSE);
    data.append('file', new Blob(['name\nA\n']), 'a.csv');
    data.append('file', new Blob(['name\nB\n']), 'b.csv');
    const request = new Request('http://localhost/', { method: 'POST', body: data });
    const twice = await focal.request({
      method: 'POST',
      url: BATCHES,
      payload: Buffer.from(await request.arrayBuffer()),
      headers: { 'content-type': request.headers.get('content-type') as string },
    });
    expect(twice.statusCode, twice.body).toBe(400);
    expectProblem(await focal.post(BATCHES, { purpose: PURPOSE, file: 'name\nA\n' }), 415, 'unsupported-media-type');
  });

  it('refuses control characters in the form fields and in the file name', async () => {
    const field = expectProblem(
      await uploadBatch(focal, 'name\nA\n', [['purpose', 'border\u0000check']]),
      400,
      'control-character',
    );
    expect(field.field).toBe('form/purpose');
    const body = await batchForm({ name: 'a\u0007.csv', data: 'name\nA\n' }, [['purpose', PURPOSE]]);
    const response = await focal.request({
      method: 'POST',
      url: BATCHES,
      payload: body.payload,
      headers: { 'content-type': body.contentType },
    });
    expectProblem(response, 400, 'control-character');
  });

  it('stored nothing for any of them: no batch, no job, no audit entry', async () => {
    expect(await stored()).toEqual(before);
  });
});

describe('a batch with no good line', () => {
  it('is done at once, every line reported, nothing screened', async () => {
    const response = await uploadBatch(focal, 'name,birth_year,sex\n,1980,\nA,1850,\nB,,maybe\n');
    expect(response.statusCode, response.body).toBe(202);
    const id: string = response.json().id;
    await runJobs(t);
    const batch = (await focal.get(`${BATCHES}/${id}`)).json();
    expect(batch).toMatchObject({ status: 'done', totalLines: 3, processedLines: 3, screened: 0, hits: 0 });
    expect(batch.errors).toEqual([
      { line: 2, slug: 'missing-name', field: 'name' },
      { line: 3, slug: 'invalid-birth-year', field: 'birth_year' },
      { line: 4, slug: 'invalid-sex', field: 'sex' },
    ]);
    expect((await focal.get(`${BATCHES}/${id}/results`)).json()).toEqual({ items: [], total: 0 });
  });
});

describe('a batch whose uploader may no longer screen', () => {
  it('fails without screening a line, and forgets its file', async () => {
    await seedList(t, 'focal.ma@liaison.demo', ['Mamadou Diallo']);
    const analyst = await t.signIn('analyst.ma@liaison.demo');
    const response = await uploadBatch(analyst, 'name\nMamadou Diallo\n');
    expect(response.statusCode, response.body).toBe(202);
    const id: string = response.json().id;
    // The analyst's role is withdrawn before the job runs.
    const { rows } = await sql<{ id: string }>`select id from users where email = 'analyst.ma@liaison.demo'`.execute(
      t.database.db,
    );
    await sql`delete from user_roles where user_id = ${rows[0].id} and role = 'analyst'`.execute(t.database.db);
    await runJobs(t);
    const row = await sql<{ status: string; input_enc: string | null }>`select status, input_enc from screening_batches
      where id = ${id}`.execute(t.database.db);
    expect(row.rows[0]).toEqual({ status: 'failed', input_enc: null });
    expect(await count(t, sql`select count(*)::int as n from screenings where batch_id = ${id}`)).toBe(0);
    // The colleague who still may screen sees no such batch: it is another unit's.
    expectProblem(await focal.get(`${BATCHES}/${id}`), 404, 'not-found');
  });
});
