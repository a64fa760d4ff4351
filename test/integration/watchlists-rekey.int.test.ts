import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addEntry, createList, screen } from './watchlists-screening-fixtures.js';

/**
 * Entries keep the screening keys the matcher made when they were written. After an upgrade that
 * changes the blocking rules, the app computes every entry's keys again in the background, so an
 * entry stored under the older rules is still found. Simulated here: an entry's keys are replaced by
 * ones no current name gives, and the recorded fingerprint by another, then the app starts again.
 */
let t: TestApp;
let restarted: TestApp | undefined;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await restarted?.close();
  await t.close();
});

const runJobs = async (app: TestApp) => {
  for (let i = 0; i < 50 && (await app.app.jobs.runNext()); i++);
};

describe('entries stored under older blocking rules', () => {
  it('are given the current keys at the next start, and found again', async () => {
    const focal = await t.signIn('focal.ma@liaison.demo');
    const list = await createList(focal, {
      name: 'Rekey list',
      handlingCode: 'TLP:GREEN',
      distribution: [{ kind: 'all_partners' }],
    });
    const entry = await addEntry(focal, list.id, { names: [{ name: 'Tazembor Ouladrik' }, { name: 'تازمبور أولادريك' }] });
    await runJobs(t);
    const current = (
      await sql<{ keys_fingerprint: string }>`select keys_fingerprint from watchlist_index_state`.execute(t.database.db)
    ).rows[0]?.keys_fingerprint;
    expect(current).toMatch(/^[0-9a-f]{64}$/);
    expect((await screen(focal, { name: 'Tazembor Ouladrik' })).candidates.map((c) => c.entryId)).toEqual([entry.id]);

    // What an older matcher would have left: keys no current rule gives, and another fingerprint.
    await sql`update watchlist_entries set match_keys = '{1,2,3}' where id = ${entry.id}`.execute(t.database.db);
    await sql`update watchlist_index_state set keys_fingerprint = 'older rules'`.execute(t.database.db);
    expect((await screen(focal, { name: 'Tazembor Ouladrik' })).candidates).toEqual([]);

    await t.app.close();
    restarted = await startTestApp({}, t.database);
    await runJobs(restarted);
    const again = await restarted.signIn('focal.ma@liaison.demo');
    expect((await screen(again, { name: 'Tazembor Ouladrik' })).candidates.map((c) => c.entryId)).toEqual([entry.id]);
    expect((await screen(again, { name: 'تازمبور أولادريك' })).candidates.map((c) => c.entryId)).toEqual([entry.id]);
    const after = await sql<{ keys_fingerprint: string }>`select keys_fingerprint from watchlist_index_state`.execute(
      t.database.db,
    );
    expect(after.rows[0].keys_fingerprint).toBe(current);
  });
});
