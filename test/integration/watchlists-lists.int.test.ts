import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WatchlistDetail, WatchlistList } from '../../src/shared/watchlists/contract.js';
import { expectProblem } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { addEntry, createList, listBody, WL } from './watchlists-fixtures.js';

/** Watch-lists themselves: who may create and read them, revisions, archiving and the audit of reads. */
let t: TestApp;
let focal: Client;
let analyst: Client;
let spainUnit: string;

beforeAll(async () => {
  t = await startTestApp();
  focal = await t.signIn('focal.ma@liaison.demo');
  analyst = await t.signIn('analyst.ma@liaison.demo');
  const { rows } = await sql<{
    id: string;
  }>`select id from units where name = 'Unit against illegal immigration networks'`.execute(t.database.db);
  spainUnit = rows[0].id;
});
afterAll(() => t.close());

const auditRows = async (action: string, targetId: string) =>
  (
    await sql<{
      details: Record<string, unknown>;
    }>`select details from audit_log where action = ${action} and target_id = ${targetId}`.execute(t.database.db)
  ).rows;

describe('creating a watch-list', () => {
  it('creates a list kept by the creator’s first unit, with its distribution named', async () => {
    const list = await createList(focal, {
      handlingCode: 'TLP:RED',
      distribution: [{ kind: 'unit', id: spainUnit }],
      graceDays: 10,
    });
    expect(list).toMatchObject({
      status: 'active',
      handlingCode: 'TLP:RED',
      graceDays: 10,
      reviewPeriodDays: 180,
      activeEntries: 0,
      dueForReview: 0,
      lastSeq: 0,
      revision: 1,
      permissions: { edit: true },
      distribution: { units: [{ id: spainUnit, name: 'Unit against illegal immigration networks' }], allPartners: false },
    });
    expect(list.ownerUnit.name).toBeTruthy();
    expect(list.distribution.organisations).toHaveLength(1);
    expect(await auditRows('watchlist.create', list.id)).toHaveLength(1);
  });

  it('refuses a role that does not screen, a unit the creator does not work in, and unknown fields', async () => {
    const list = await createList(focal, { handlingCode: 'TLP:GREEN' });
    for (const account of ['reader.ma', 'caseworker.ma', 'orgadmin.ma']) {
      const client = await t.signIn(`${account}@liaison.demo`);
      expectProblem(await client.post(WL, listBody()), 403, 'forbidden');
      expectProblem(await client.get(WL), 403, 'forbidden');
      expectProblem(await client.get(`${WL}/${list.id}`), 403, 'forbidden');
      expectProblem(await client.get(`${WL}/${list.id}/entries?purpose=checking`), 403, 'forbidden');
      expectProblem(await client.get(`${WL}/${list.id}/changes?purpose=checking`), 403, 'forbidden');
      expectProblem(
        await client.post(`${WL}/${list.id}/entries`, { names: [{ name: 'A Person' }], reason: 'x' }),
        403,
        'forbidden',
      );
    }
    expectProblem(await focal.post(WL, listBody({ unitId: spainUnit })), 403, 'not-your-unit');
    expectProblem(await focal.post(WL, { ...listBody(), owner: 'x' }), 400, 'validation');
    expectProblem(await focal.post(WL, listBody({ reviewPeriodDays: 0 })), 400, 'validation');
    expectProblem(await focal.post(WL, listBody({ name: '   ' })), 400, 'validation');
    expectProblem(await focal.post(WL, listBody({ name: 'x'.repeat(201) })), 400, 'validation');
    expectProblem(
      await focal.post(WL, listBody({ distribution: [{ kind: 'unit', id: '00000000-0000-4000-8000-000000000000' }] })),
      422,
      'invalid',
    );
  });
});

describe('reading watch-lists', () => {
  it('lists with counts, filters by name and by my units, and audits AMBER and RED lists shown', async () => {
    const amber = await createList(focal, { name: 'Harbour brokers amber' });
    const green = await createList(focal, { name: 'Harbour brokers green', handlingCode: 'TLP:GREEN' });
    await addEntry(focal, amber.id);
    await addEntry(focal, amber.id, { names: [{ name: 'Fatou Ndiaye' }] });
    // Creating the list showed it once (the answer is the list).
    expect(await auditRows('watchlist.read', amber.id)).toHaveLength(1);
    const found: WatchlistList = (await focal.get(`${WL}?q=harbour%20brokers`)).json();
    expect(found.items.map((l) => l.id).sort()).toEqual([amber.id, green.id].sort());
    expect(found.items.find((l) => l.id === amber.id)).toMatchObject({ activeEntries: 2, lastSeq: 2 });
    expect(await auditRows('watchlist.read', amber.id)).toHaveLength(2);
    expect(await auditRows('watchlist.read', green.id)).toHaveLength(0);
    // analyst.ma sees Moroccan AMBER lists, but keeps none of them.
    const mine: WatchlistList = (await analyst.get(`${WL}?q=harbour%20brokers&mine=true`)).json();
    expect(mine.items).toEqual([]);
    const theirs: WatchlistList = (await analyst.get(`${WL}?q=harbour%20brokers`)).json();
    expect(theirs.items.every((l) => l.permissions.edit === false)).toBe(true);
    expect(theirs.total).toBe(2);
    expect((await focal.get(`${WL}?q=%25%5F`)).json().items).toEqual([]);
  });
});

describe('changing a watch-list', () => {
  it('changes on the current revision only, and refuses a stale one', async () => {
    const list = await createList(focal);
    const changed = await focal.patch(`${WL}/${list.id}`, { revision: 1, name: 'Renamed list', graceDays: 5 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Renamed list', graceDays: 5, revision: 2 });
    expectProblem(await focal.patch(`${WL}/${list.id}`, { revision: 1, name: 'Lost update' }), 409, 'stale-version');
    expectProblem(await focal.patch(`${WL}/${list.id}`, { revision: 2, colour: 'red' }), 400, 'validation');
    const audit = await auditRows('watchlist.update', list.id);
    expect(audit.map((row) => row.details)).toEqual([{ fields: ['name', 'graceDays'] }]);
  });

  it('widens the distribution: the new recipients see the list at once', async () => {
    const list = await createList(focal, { handlingCode: 'TLP:RED' });
    const spain = await t.signIn('focal.es@liaison.demo');
    expectProblem(await spain.get(`${WL}/${list.id}`), 404, 'not-found');
    const changed = await focal.patch(`${WL}/${list.id}`, { revision: 1, distribution: [{ kind: 'unit', id: spainUnit }] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await spain.get(`${WL}/${list.id}`)).statusCode).toBe(200);
  });

  it('archives a list: it takes no more changes', async () => {
    const list = await createList(focal);
    const entry = await addEntry(focal, list.id);
    const archived = await focal.post(`${WL}/${list.id}/archive`, { revision: 1, reason: 'Operation closed' });
    expect(archived.statusCode, archived.body).toBe(200);
    const detail: WatchlistDetail = archived.json();
    expect(detail).toMatchObject({ status: 'archived', revision: 2, permissions: { edit: false } });
    expectProblem(await focal.post(`${WL}/${list.id}/archive`, { revision: 2, reason: 'Again' }), 409, 'list-archived');
    expectProblem(await focal.patch(`${WL}/${list.id}`, { revision: 2, name: 'Revived' }), 409, 'list-archived');
    expectProblem(
      await focal.post(`${WL}/${list.id}/entries`, { names: [{ name: 'New Person' }], reason: 'x' }),
      409,
      'list-archived',
    );
    expectProblem(await focal.post(`${WL}/${list.id}/entries/${entry.id}/renew`, { version: 1 }), 409, 'list-archived');
  });
});
