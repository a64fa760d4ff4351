import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchKeysOf } from '../../src/server/modules/watchlists/entries/match-keys.js';
import { candidateEntries } from '../../src/server/modules/watchlists/entries/repository.js';
import { rotate } from '../../src/server/platform/personal-data/rotation.js';
import { expectProblem } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { addEntry, createList, entryBody, PURPOSE, viewerOf, WL } from './watchlists-fixtures.js';

/** Entries of a watch-list: creation, reads with a purpose, versions, removal, and the screening candidates. */
let t: TestApp;
let focal: Client;

beforeAll(async () => {
  t = await startTestApp();
  focal = await t.signIn('focal.ma@liaison.demo');
});
afterAll(() => t.close());

const keysOf = (name: string) => matchKeysOf(t.app.platform.personalData, [name]);

describe('entries', () => {
  it('adds an entry with a reference, detects scripts, and reads it back with a stated purpose', async () => {
    const list = await createList(focal);
    const added = await addEntry(focal, list.id);
    expect(added).toMatchObject({ status: 'active', version: 1, seq: 1 });
    expect(added.reference).toMatch(/^WL-[0-9A-HJKMNP-TV-Z]{8}$/);
    const read = await focal.get(`${WL}/${list.id}/entries/${added.id}?purpose=${encodeURIComponent(PURPOSE)}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({
      names: [
        { name: 'Mamadou Oumar DIALLO', script: 'latin' },
        { name: 'مامادو ديالو', script: 'arabic' },
      ],
      birthDate: '1984',
      nationalities: ['SN', 'MR'],
      sex: 'male',
      reviewState: 'current',
      version: 1,
    });
    const detail = await focal.get(`${WL}/${list.id}`);
    expect(detail.json()).toMatchObject({ activeEntries: 1, dueForReview: 0, lastSeq: 1 });
  });

  it('makes the entry a screening candidate, and a removed entry leaves the candidates at once', async () => {
    const list = await createList(focal);
    const added = await addEntry(focal, list.id, { names: [{ name: 'Ousmane Sidibé Kourouma' }] });
    const viewer = await viewerOf(t, 'focal.ma@liaison.demo');
    const found = await candidateEntries(t.database.db, viewer, keysOf('Ousmane Sidibé Kourouma'), 20);
    expect(found.map((c) => c.entryId)).toContain(added.id);
    expect(found.find((c) => c.entryId === added.id)).toMatchObject({
      reference: added.reference,
      watchlistId: list.id,
      watchlistName: list.name,
      handlingCode: 'TLP:AMBER',
      version: 1,
    });
    const removed = await focal.post(`${WL}/${list.id}/entries/${added.id}/remove`, { version: 1, note: 'Arrested' });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toMatchObject({ status: 'removed', version: 2, seq: 2 });
    const after = await candidateEntries(t.database.db, viewer, keysOf('Ousmane Sidibé Kourouma'), 20);
    expect(after.map((c) => c.entryId)).not.toContain(added.id);
  });

  it('refuses a read without a purpose', async () => {
    const list = await createList(focal);
    expectProblem(await focal.get(`${WL}/${list.id}/entries`), 422, 'purpose-required');
    expectProblem(await focal.get(`${WL}/${list.id}/entries?purpose=ab`), 422, 'purpose-required');
  });

  it('stores every personal field encrypted', async () => {
    const list = await createList(focal);
    const added = await addEntry(focal, list.id, entryBody({ names: [{ name: 'Zeinabou Mint Ahmedou' }] }));
    const { rows } = await sql<Record<string, unknown>>`select * from watchlist_entries where id = ${added.id}`.execute(
      t.database.db,
    );
    const { rows: changes } = await sql<
      Record<string, unknown>
    >`select * from watchlist_changes where entry_id = ${added.id}`.execute(t.database.db);
    const raw = JSON.stringify([rows, changes], (_key, value) => (typeof value === 'bigint' ? value.toString() : value));
    for (const clear of ['Zeinabou', 'Ahmedou', 'A1234567', 'Nouadhibou', '"1984"', 'male']) expect(raw).not.toContain(clear);
  });
});

const read = (listId: string, query = '') => focal.get(`${WL}/${listId}/entries?purpose=${encodeURIComponent(PURPOSE)}${query}`);
const ids = (response: { json(): { items: { id: string }[] } }) => response.json().items.map((entry) => entry.id);

describe('versions of an entry', () => {
  it('amends on the current version only; a removed entry takes no more changes', async () => {
    const list = await createList(focal);
    const entry = await addEntry(focal, list.id, { names: [{ name: 'Abdoulaye Kane Sy' }] });
    const url = `${WL}/${list.id}/entries/${entry.id}`;
    const amended = await focal.patch(url, {
      version: 1,
      names: [{ name: 'Souleymane Ba Thiam' }],
      sex: null,
      note: 'Alias confirmed',
    });
    expect(amended.statusCode, amended.body).toBe(200);
    expect(amended.json()).toMatchObject({ version: 2, seq: 2, status: 'active' });
    expectProblem(await focal.patch(url, { version: 1, reason: 'Lost update' }), 409, 'stale-version');
    expectProblem(await focal.patch(url, { version: 2, note: 'Only a note' }), 400, 'validation');
    const now = (await focal.get(`${url}?purpose=${encodeURIComponent(PURPOSE)}`)).json();
    expect(now).toMatchObject({
      version: 2,
      names: [{ name: 'Souleymane Ba Thiam', script: 'latin' }],
      sex: null,
      birthDate: '1984',
    });
    // The screening index follows the names.
    const viewer = await viewerOf(t, 'focal.ma@liaison.demo');
    const byOld = await candidateEntries(t.database.db, viewer, keysOf('Abdoulaye Kane Sy'), 20);
    expect(byOld.map((c) => c.entryId)).not.toContain(entry.id);
    const byNew = await candidateEntries(t.database.db, viewer, keysOf('Souleymane Ba Thiam'), 20);
    expect(byNew.map((c) => c.entryId)).toContain(entry.id);

    expectProblem(await focal.post(`${url}/remove`, { version: 2 }), 400, 'validation');
    expectProblem(await focal.post(`${url}/remove`, { version: 1, note: 'Stale' }), 409, 'stale-version');
    expect((await focal.post(`${url}/remove`, { version: 2, note: 'Deceased' })).statusCode).toBe(200);
    expectProblem(await focal.patch(url, { version: 3, reason: 'After removal' }), 409, 'entry-removed');
    expectProblem(await focal.post(`${url}/renew`, { version: 3 }), 409, 'entry-removed');
    expect(ids(await read(list.id))).toEqual([]);
    expect(ids(await read(list.id, '&status=removed'))).toEqual([entry.id]);
    const other = await createList(focal);
    expectProblem(await focal.patch(`${WL}/${other.id}/entries/${entry.id}`, { version: 3, reason: 'x' }), 404, 'not-found');
  });

  it('finds entries by a name through the screening index, and pages with a cursor', async () => {
    const list = await createList(focal);
    const wanted = await addEntry(focal, list.id, { names: [{ name: 'Khadija Bint Yusuf' }] });
    for (let i = 0; i < 4; i++) await addEntry(focal, list.id, { names: [{ name: `Person Number ${'ABCD'[i]}` }] });
    expect(ids(await read(list.id, '&q=Khadija%20Bint%20Yusuf'))).toEqual([wanted.id]);
    expect(ids(await read(list.id, '&q=Zzyzx'))).toEqual([]);
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page++) {
      const response = await read(list.id, `&limit=2${cursor}`);
      expect(response.json().total).toBe(5);
      seen.push(...ids(response));
      const next = response.json().nextCursor;
      if (!next) break;
      cursor = `&cursor=${next}`;
    }
    expect(new Set(seen).size).toBe(5);
    expectProblem(await read(list.id, '&cursor=bm90LWEtY3Vyc29y'), 400, 'validation');
    const audit = await sql<{ details: { purpose: string; entries: number } }>`select details from audit_log
      where action = 'watchlist.entries.read' and target_id = ${list.id} order by id`.execute(t.database.db);
    expect(audit.rows[0].details).toEqual({ purpose: PURPOSE, entries: 1 });
    expect(JSON.stringify(audit.rows)).not.toContain('Khadija');
  });
});

describe('review dates', () => {
  it('marks entries due past their review date and lapsed past the grace period, out of screening until renewed', async () => {
    const list = await createList(focal, { graceDays: 30 });
    const name = 'Aminata Sall Diop';
    const [current, due, lapsed] = [
      await addEntry(focal, list.id, { names: [{ name }] }),
      await addEntry(focal, list.id, { names: [{ name }] }),
      await addEntry(focal, list.id, { names: [{ name }] }),
    ];
    await sql`update watchlist_entries set review_date = current_date - 1 where id = ${due.id}`.execute(t.database.db);
    await sql`update watchlist_entries set review_date = current_date - 31 where id = ${lapsed.id}`.execute(t.database.db);
    expect(ids(await read(list.id, '&review=current'))).toEqual([current.id]);
    expect(ids(await read(list.id, '&review=due'))).toEqual([due.id]);
    expect(ids(await read(list.id, '&review=lapsed'))).toEqual([lapsed.id]);
    expect((await focal.get(`${WL}/${list.id}`)).json()).toMatchObject({ activeEntries: 3, dueForReview: 2 });
    const viewer = await viewerOf(t, 'focal.ma@liaison.demo');
    const candidates = async () =>
      (await candidateEntries(t.database.db, viewer, keysOf(name), 50))
        .map((c) => c.entryId)
        .filter((id) => [current.id, due.id, lapsed.id].includes(id));
    expect((await candidates()).sort()).toEqual([current.id, due.id].sort());
    const renewed = await focal.post(`${WL}/${list.id}/entries/${lapsed.id}/renew`, { version: 1 });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json()).toMatchObject({ version: 2 });
    expect((await candidates()).sort()).toEqual([current.id, due.id, lapsed.id].sort());
    expect(ids(await read(list.id, '&review=lapsed'))).toEqual([]);
  });

  it('refuses a review date in the past or beyond the list’s period', async () => {
    const list = await createList(focal, { reviewPeriodDays: 30 });
    expectProblem(
      await focal.post(`${WL}/${list.id}/entries`, entryBody({ reviewDate: '2020-01-01' })),
      422,
      'invalid-review-date',
    );
    expectProblem(
      await focal.post(`${WL}/${list.id}/entries`, entryBody({ reviewDate: '2999-01-01' })),
      422,
      'invalid-review-date',
    );
  });
});

describe('bad input', () => {
  it('refuses malformed entries and stores nothing', async () => {
    const list = await createList(focal);
    const post = (body: unknown) => focal.post(`${WL}/${list.id}/entries`, body);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ names: [] }, 400, 'validation'],
      [{ names: Array.from({ length: 21 }, (_, i) => ({ name: `Name ${'x'.repeat(i + 1)}` })) }, 400, 'validation'],
      [{ names: [{ name: 'N'.repeat(201) }] }, 400, 'validation'],
      [{ names: [{ name: '1234 - 5678' }] }, 422, 'invalid-name'],
      [{ names: [{ name: 'Mohamed Salem', script: 'arabic' }] }, 422, 'invalid-name'],
      [{ names: [{ name: 'محمد', script: 'latin' }] }, 422, 'invalid-name'],
      [{ nationalities: ['XX'] }, 400, 'validation'],
      [{ nationalities: ['sn'] }, 400, 'validation'],
      [{ birthDate: '2999' }, 400, 'validation'],
      [{ birthDate: '1984-02-30' }, 400, 'validation'],
      [{ sex: 'unknown' }, 400, 'validation'],
      [{ identifiers: [{ kind: 'passport', number: 'A1', colour: 'red' }] }, 400, 'validation'],
      [{ reason: 'r'.repeat(2001) }, 400, 'validation'],
      [{ reason: 'bell\u0007' }, 400, 'control-character'],
      [{ extra: true }, 400, 'validation'],
    ];
    for (const [overrides, status, slug] of cases) expectProblem(await post(entryBody(overrides)), status, slug);
    expect((await focal.get(`${WL}/${list.id}`)).json()).toMatchObject({ lastSeq: 0, activeEntries: 0 });
  });

  it('keeps markup and SQL metacharacters as plain text', async () => {
    const list = await createList(focal);
    const name = 'O\'Brien"; DROP TABLE watchlist_entries; --';
    const reason = '<script>alert(1)</script> <img src=x onerror=alert(1)>';
    const added = await addEntry(focal, list.id, { names: [{ name }], reason });
    const entry = (await focal.get(`${WL}/${list.id}/entries/${added.id}?purpose=${encodeURIComponent(PURPOSE)}`)).json();
    expect(entry).toMatchObject({ names: [{ name, script: 'latin' }], reason });
    expect(ids(await read(list.id, `&q=${encodeURIComponent(name)}`))).toEqual([added.id]);
  });
});

describe('key rotation', () => {
  it('re-encrypts entries and their changes under the new key, and they read the same', async () => {
    const list = await createList(focal);
    const added = await addEntry(focal, list.id, { names: [{ name: 'Oumou Sangaré Tall' }] });
    await focal.post(`${WL}/${list.id}/entries/${added.id}/remove`, { version: 1, note: 'Cleared by the court' });
    const result = await rotate(t.database.db, t.app.platform.personalData);
    expect(result.finished).toBe(true);
    const { rows } = await sql<{ key: string }>`select split_part(v, ':', 1) as key from (
        select unnest(array[names_enc, birth_date_enc, nationalities_enc, sex_enc, identifiers_enc, reason_enc]) as v
          from watchlist_entries
        union all
        select unnest(array[names_enc, birth_date_enc, nationalities_enc, sex_enc, identifiers_enc, reason_enc, note_enc])
          from watchlist_changes) x where v is not null`.execute(t.database.db);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.key))).toEqual(new Set([result.keyId]));
    const entry = (await focal.get(`${WL}/${list.id}/entries/${added.id}?purpose=${encodeURIComponent(PURPOSE)}`)).json();
    expect(entry.names).toEqual([{ name: 'Oumou Sangaré Tall', script: 'latin' }]);
  });
});
