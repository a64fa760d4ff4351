import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchKeysOf } from '../../src/server/modules/watchlists/entries/match-keys.js';
import { candidateEntries } from '../../src/server/modules/watchlists/entries/repository.js';
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
