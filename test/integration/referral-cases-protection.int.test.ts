import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { expectProblem } from '../support/fixtures.js';
import { Client, startTestApp, TEST_DEMO_PASSWORD, type TestApp } from '../support/test-app.js';
import { type CaseIds, caseIds, makeUser, openCase, person } from './referral-cases-fixtures.js';

let t: TestApp;
let ids: CaseIds;
const as: Record<string, Client> = {};

beforeAll(async () => {
  t = await startTestApp();
  ids = await caseIds(t);
  for (const account of ['caseworker.ma', 'caseworker.es']) as[account] = await t.signIn(`${account}@liaison.demo`);
  as.otherUnit = await makeUser(t, 'ma', ids, ['case_worker'], [ids.units.ma[1]]);
});
afterAll(() => t.close());

const idsOf = (response: { json(): { items: { id: string }[] } }) => response.json().items.map((c) => c.id);
const search = (client: Client, query: Record<string, string>) =>
  client.get(`/api/v1/cases?${new URLSearchParams(query).toString()}`);
const countCases = () => sql<{ n: number }>`select count(*)::int as n from cases`.execute(t.database.db).then((r) => r.rows[0].n);

describe('finding a case through the blind index', () => {
  it('finds by name words in any order, case and accents, and by date of birth, never another unit’s case', async () => {
    const names = { givenNames: 'Élodie Marie-Claire', familyName: "N'Diaye Sòw", dateOfBirth: '1988-11-03' };
    const own = await openCase(as['caseworker.ma'], { person: person(names) });
    const otherUnit = await openCase(as.otherUnit, { person: person(names) });
    const otherOrganisation = await openCase(as['caseworker.es'], { person: person(names) });
    for (const q of ['ndiaye ELODIE', 'sow claire', 'Marie', 'élodie n’diaye', 'diaye']) {
      const found = idsOf(await search(as['caseworker.ma'], { q }));
      expect(found, q).toContain(own.id);
      expect(found, q).not.toContain(otherUnit.id);
      expect(found, q).not.toContain(otherOrganisation.id);
    }
    // Every word must match.
    expect(idsOf(await search(as['caseworker.ma'], { q: 'elodie benali' }))).not.toContain(own.id);
    expect(idsOf(await search(as['caseworker.ma'], { dateOfBirth: '1988-11-03' }))).toEqual([own.id]);
    expect(idsOf(await search(as['caseworker.ma'], { q: 'sow', dateOfBirth: '1988-11-04' }))).toEqual([]);
    expect(idsOf(await search(as['caseworker.es'], { q: 'elodie' }))).toEqual([otherOrganisation.id]);
    // One-letter words are not indexed: no match rather than every case.
    expect(idsOf(await search(as['caseworker.ma'], { q: 'e' }))).toEqual([]);
    // Each search is audited by what was searched, never the terms.
    const audits = await sql<{ details: Record<string, unknown> }>`select details from audit_log where action = 'case.search'
      order by id desc limit 1`.execute(t.database.db);
    expect(audits.rows[0].details).toEqual({ by: ['name'], results: 1 });
    // The index holds keyed hashes, not the words.
    const tokens = await sql<{ token: string }>`select token from case_search_tokens where case_id = ${own.id}`.execute(
      t.database.db,
    );
    expect(tokens.rows.length).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(tokens.rows)).not.toMatch(/elodie|diaye|1988/i);
  });

  it('follows a change of name or date of birth', async () => {
    const created = await openCase(as.otherUnit, {
      person: person({ givenNames: 'Oldfirst', familyName: 'Renamova', dateOfBirth: '1990-01-02' }),
    });
    const changed = await as.otherUnit.patch(`/api/v1/cases/${created.id}`, {
      revision: 1,
      person: { givenNames: 'Newfirst', dateOfBirth: null },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(idsOf(await search(as.otherUnit, { q: 'newfirst renamova' }))).toEqual([created.id]);
    expect(idsOf(await search(as.otherUnit, { q: 'oldfirst' }))).toEqual([]);
    expect(idsOf(await search(as.otherUnit, { dateOfBirth: '1990-01-02' }))).toEqual([]);
  });

  it('treats SQL metacharacters in the query as text', async () => {
    const created = await openCase(as['caseworker.ma'], { person: person({ givenNames: "O'Brien %_ x", familyName: 'Robert' }) });
    for (const q of ["' or 1=1 --", '%', '_%', '\\', "o'brien; drop table cases; --", '%_']) {
      const response = await search(as['caseworker.ma'], { q });
      expect(response.statusCode, q).toBe(200);
      expect(idsOf(response), q).not.toContain('00000000-0000-0000-0000-000000000000');
    }
    expect(idsOf(await search(as['caseworker.ma'], { q: "' or 1=1 --" }))).toEqual([]);
    expect(idsOf(await search(as['caseworker.ma'], { q: "o'brien robert" }))).toEqual([created.id]);
    expect(await countCases()).toBeGreaterThan(0);
  });

  it('pages through the list with an opaque cursor, refusing a forged one', async () => {
    for (let i = 0; i < 3; i++) await openCase(as.otherUnit);
    const first = (await as.otherUnit.get('/api/v1/cases?limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = (await as.otherUnit.get(`/api/v1/cases?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.length).toBeGreaterThan(0);
    const seen = [...first.items, ...second.items].map((c: { id: string }) => c.id);
    expect(new Set(seen).size).toBe(seen.length);
    expectProblem(await as.otherUnit.get('/api/v1/cases?cursor=Zm9vfGJhcg'), 422, 'invalid');
  });
});

describe('what a case accepts', () => {
  it('stores script in a name as text and returns it unchanged as JSON', async () => {
    const hostile = '<script>alert("x")</script> <img src=x onerror=alert(1)>';
    const created = await openCase(as['caseworker.ma'], { person: person({ givenNames: hostile }) });
    const read = await as['caseworker.ma'].get(`/api/v1/cases/${created.id}`);
    expect(read.headers['content-type']).toMatch(/^application\/json/);
    expect(read.json().person.givenNames).toBe(hostile);
  });

  it('refuses malformed, oversized and invalid bodies and stores nothing', async () => {
    const before = await countCases();
    const post = (body: unknown) => as['caseworker.ma'].post('/api/v1/cases', body);
    expectProblem(await post({ person: person({ givenNames: 'x'.repeat(201) }) }), 400, 'validation');
    expectProblem(await post({ person: person({ contact: 'x'.repeat(301) }) }), 400, 'validation');
    expectProblem(await post({ person: person(), notes: 'x'.repeat(4001) }), 400, 'validation');
    expectProblem(await post({ person: person(), extra: true }), 400, 'validation');
    expectProblem(await post({ person: { ...person(), religion: 'x' } }), 400, 'validation');
    expectProblem(await post({ person: person({ sex: 'x' }) }), 400, 'validation');
    expectProblem(await post({ person: person({ nationality: 'Morocco' }) }), 400, 'validation');
    expectProblem(await post({ person: person({ dateOfBirth: '12/04/1995' }) }), 400, 'validation');
    expectProblem(await post({ caseType: 'unknown', person: person() }), 400, 'validation');
    expectProblem(await post({}), 400, 'validation');
    expectProblem(await post({ person: person({ dateOfBirth: '2999-01-01' }) }), 422, 'invalid-date');
    expectProblem(await post({ person: person({ dateOfBirth: '2001-02-30' }) }), 422, 'invalid-date');
    expectProblem(await post({ person: person({ nationality: 'ZZ' }) }), 422, 'invalid');
    expectProblem(await post({ person: person({ languages: ['zz'] }) }), 422, 'invalid');
    const huge = await as['caseworker.ma'].request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: JSON.stringify({ person: person({ contact: 'x'.repeat(300_000) }) }),
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(huge, 413, 'body-too-large');
    const broken = await as['caseworker.ma'].request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: '{"person": {',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(broken, 400, 'malformed-body');
    expect(await countCases()).toBe(before);
    // Problems never repeat the values they refuse.
    const refused = await post({ person: person({ givenNames: 'Zoraida Quintessa', dateOfBirth: '2999-01-01' }) });
    expect(refused.body).not.toMatch(/Zoraida|2999/);
  });
});

describe('personal data at rest', () => {
  /** Every file of this database's cluster directory (this database's own, the shared ones, the WAL). */
  async function readDatabaseFiles(): Promise<Buffer[]> {
    const db = t.database.db;
    await sql`checkpoint`.execute(db);
    const dbOid = (await sql<{ oid: number }>`select oid from pg_database where datname = current_database()`.execute(db)).rows[0]
      .oid;
    const files: Buffer[] = [];
    const walk = async (dir: string): Promise<void> => {
      const entries = await sql<{ name: string }>`select pg_ls_dir(${dir}) as name`.execute(db);
      for (const { name } of entries.rows) {
        const full = dir === '.' ? name : `${dir}/${name}`;
        // Other databases of a shared test server are other tests' business.
        if (dir === 'base' && name !== String(dbOid)) continue;
        const stat = await sql<{
          isdir: boolean;
          size: string;
        }>`select isdir, size::text from pg_stat_file(${full}, true)`.execute(db);
        const entry = stat.rows[0];
        if (!entry || entry.size === null) continue;
        if (entry.isdir) await walk(full);
        else {
          const content = await sql<{
            bytes: Buffer;
          }>`select pg_read_binary_file(${full}, 0, ${Number(entry.size)}, true) as bytes`.execute(db);
          if (content.rows[0]?.bytes) files.push(Buffer.from(content.rows[0].bytes));
        }
      }
    };
    await walk('.');
    return files;
  }

  it('never writes a name, a date of birth or a contact in the clear, while clear columns are', async () => {
    const secret = { givenNames: 'Quillonna Ravenhurst', familyName: 'Zebrowskaya', contact: 'zebro-contact-5551234' };
    const created = await openCase(as['caseworker.ma'], { person: person(secret), notes: 'Noteworthy-Plumtree' });
    const control = 'Closed-control-Marmalade';
    const closed = await as['caseworker.ma'].post(`/api/v1/cases/${created.id}/close`, { revision: 1, reason: control });
    expect(closed.statusCode).toBe(200);
    // Read it too: a read writes audit rows, which must not carry values either.
    expect((await as['caseworker.ma'].get(`/api/v1/cases/${created.id}`)).json().person.familyName).toBe('Zebrowskaya');
    const files = await readDatabaseFiles();
    expect(files.length).toBeGreaterThan(10);
    const found = (text: string) => files.some((file) => file.includes(Buffer.from(text, 'utf8')));
    expect(found(control)).toBe(true);
    for (const value of [...Object.values(secret), 'Noteworthy-Plumtree']) expect(found(value), value).toBe(false);
  });
});

describe('a retried request (Idempotency-Key)', () => {
  it('keeps no plain hash of the body, which a dictionary of names and dates would reverse', async () => {
    const body = { person: { givenNames: 'Hashia', familyName: 'Dictionara', dateOfBirth: '1993-03-03' } };
    const first = await as['caseworker.ma'].post('/api/v1/cases', body, { 'idempotency-key': 'case-hash-1' });
    expect(first.statusCode).toBe(201);
    const again = await as['caseworker.ma'].post('/api/v1/cases', body, { 'idempotency-key': 'case-hash-1' });
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    const stored = await sql<{ request_hash: string }>`select request_hash from idempotency_keys
      where key = 'case-hash-1'`.execute(t.database.db);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0].request_hash).not.toBe(createHash('sha256').update(JSON.stringify(body)).digest('hex'));
  });
});

describe('the server log', () => {
  it('never carries a name or a date of birth, even on a refused request', async () => {
    const lines: string[] = [];
    const app = await buildApp({
      config: t.config,
      db: t.database.db,
      cipher: t.app.platform.cipher,
      logger: { level: 'trace', stream: { write: (line: string) => lines.push(line) } },
    });
    await app.ready();
    try {
      const client = new Client(app);
      const login = await client.post('/api/v1/auth/login', {
        email: 'caseworker.ma@liaison.demo',
        password: TEST_DEMO_PASSWORD,
      });
      client.csrfToken = login.json().csrfToken;
      const secret = person({ givenNames: 'Loglessa Vantablack', familyName: 'Quornwright', dateOfBirth: '1977-07-17' });
      const created = await client.post('/api/v1/cases', { person: secret });
      expect(created.statusCode).toBe(201);
      const id = created.json().id;
      expect((await client.get('/api/v1/cases?q=Loglessa%20Quornwright&dateOfBirth=1977-07-17')).json().items).toHaveLength(1);
      await client.get(`/api/v1/cases/${id}?reason=Loglessa`);
      await client.patch(`/api/v1/cases/${id}`, {
        revision: 1,
        person: { familyName: 'Quornwright', dateOfBirth: '2999-07-17' },
      });
      await client.post('/api/v1/cases', { person: { ...secret, dateOfBirth: '1977-07-17x' } });
      await client.get('/api/v1/cases?q=Loglessa&limit=0');
      await client.get('/api/v1/cases?q=Loglessa&dateOfBirth=1977-07-32');
      await client.get(`/api/v1/cases/${id}?reason=Loglessa&extra=1`);
      const other = new Client(app);
      await other.get('/api/v1/cases?q=Loglessa');
      const log = lines.join('\n');
      expect(log).toContain('incoming request');
      expect(log).toContain('/api/v1/cases');
      for (const value of ['Loglessa', 'Vantablack', 'Quornwright', '1977-07-17', '1977-07-32', '2999-07-17'])
        expect(log, value).not.toContain(value);
    } finally {
      await app.close();
    }
  });
});
