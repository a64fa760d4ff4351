import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoWatchlists, type WatchlistsSeedResult } from '../../src/server/demo/seed-watchlists.js';
import { DEMO_DUE_ENTRIES, DEMO_SCREENINGS, DEMO_WATCHLISTS } from '../../src/server/demo/watchlists-data.js';
import type { ChangeFeed, EntryList, HitList, WatchlistList } from '../../src/shared/watchlists/contract.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The watch-lists demo on the demo database (organisations and people in place), loaded as the
 * start of a demo loads it, then read through the API by the people who keep, share and screen.
 */
let t: TestApp;
let first: WatchlistsSeedResult | null;
const purpose = encodeURIComponent('Demo walk-through of the watch-lists');
const allEntries = DEMO_WATCHLISTS.flatMap((list) => list.entries);

beforeAll(async () => {
  t = await startTestApp();
  first = await seedDemoWatchlists(t.app.platform);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

async function get<T>(client: Client, url: string): Promise<T> {
  const response = await client.get(url);
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json() as T;
}

const listNamed = async (client: Client, name: string) => {
  const lists = await get<WatchlistList>(client, '/api/v1/watchlists?limit=200');
  const found = lists.items.find((list) => list.name === name);
  expect(found, name).toBeDefined();
  return found as WatchlistList['items'][number];
};

describe('the watch-lists demo', () => {
  it('loads once: every list, entry, removal and screening; a restart adds nothing', async () => {
    expect(first).toMatchObject({
      lists: DEMO_WATCHLISTS.length,
      entries: allEntries.length,
      removed: 1,
      screenings: DEMO_SCREENINGS.length,
    });
    const count = async () =>
      (
        await sql<{ n: string }>`select (select count(*) from watchlists) + (select count(*) from watchlist_entries)
          + (select count(*) from watchlist_changes) + (select count(*) from screenings) + (select count(*) from audit_log) as n`.execute(
          t.database.db,
        )
      ).rows[0]?.n;
    const before = await count();
    expect(await seedDemoWatchlists(t.app.platform)).toBeNull();
    expect(await count()).toBe(before);
  });

  it('shows each partner the lists shared with it, and no other', async () => {
    const seen = async (email: string) =>
      (await get<WatchlistList>(await t.signIn(email), '/api/v1/watchlists?limit=200')).items.map((list) => list.name).sort();
    const [facilitators, fraud, atlantic] = DEMO_WATCHLISTS.map((list) => list.name) as [string, string, string];
    expect(await seen('focal.ma@liaison.demo')).toEqual([facilitators, fraud, atlantic].sort());
    expect(await seen('focal.es@liaison.demo')).toEqual([facilitators, fraud, atlantic].sort());
    expect(await seen('focal.sn@liaison.demo')).toEqual([facilitators, fraud].sort());
    expect(await seen('analyst.sn@liaison.demo')).toEqual([facilitators, fraud].sort());
    expect(await seen('focal.ne@liaison.demo')).toEqual([fraud]);
  });

  it('gives the owners their entries, names in four scripts, some due for review and one removed', async () => {
    const scripts = new Set<string>();
    let due = 0;
    let removed = 0;
    for (const demo of DEMO_WATCHLISTS) {
      const owner = await t.signIn(demo.by);
      const list = await listNamed(owner, demo.name);
      expect(list.permissions.edit, demo.name).toBe(true);
      expect(list.handlingCode).toBe(demo.handlingCode);
      const entries = `/api/v1/watchlists/${list.id}/entries?purpose=${purpose}&limit=200`;
      const active = await get<EntryList>(owner, `${entries}&status=active`);
      const gone = await get<EntryList>(owner, `${entries}&status=removed`);
      expect(active.total + gone.total, demo.name).toBe(demo.entries.length);
      expect(list.activeEntries).toBe(active.total);
      for (const entry of active.items) for (const name of entry.names) scripts.add(name.script);
      due += (await get<EntryList>(owner, `${entries}&review=due`)).total;
      removed += gone.total;
      const feed = await get<ChangeFeed>(owner, `/api/v1/watchlists/${list.id}/changes?purpose=${purpose}`);
      expect(feed.changes.filter((change) => change.op === 'add')).toHaveLength(demo.entries.length);
      expect(feed.changes.filter((change) => change.op === 'remove')).toHaveLength(gone.total);
    }
    expect([...scripts].sort()).toEqual(['arabic', 'cyrillic', 'ethiopic', 'latin']);
    expect(due).toBe(Object.keys(DEMO_DUE_ENTRIES).length);
    expect(removed).toBe(1);
  });

  it('leaves each screening focal point open hits to review, on lists it may see', async () => {
    const screeners = [...new Set(DEMO_SCREENINGS.map((screening) => screening.by))];
    let hits = 0;
    for (const email of screeners) {
      const client = await t.signIn(email);
      const queue = await get<HitList>(client, '/api/v1/screening/hits?status=open');
      expect(queue.open, email).toBeGreaterThan(0);
      const visible = new Set((await get<WatchlistList>(client, '/api/v1/watchlists?limit=200')).items.map((list) => list.id));
      for (const hit of queue.items) {
        expect(visible.has(hit.entry.watchlist.id), email).toBe(true);
        expect(hit.screening.purpose.startsWith('Demo:')).toBe(true);
      }
      hits += queue.total;
    }
    expect(hits).toBe(first?.hits);
    // Every name meant to match found its entry (a variant the matcher understands).
    expect(hits).toBeGreaterThanOrEqual(DEMO_SCREENINGS.filter((screening) => screening.hits).length);
    // Nobody outside the screening units sees their hits.
    const reader = await t.signIn('focal.ngo@liaison.demo');
    expect((await get<HitList>(reader, '/api/v1/screening/hits')).total).toBe(0);
  });

  it('gives back a list its users renamed at the next start, without screening again', async () => {
    const demo = DEMO_WATCHLISTS[0] as (typeof DEMO_WATCHLISTS)[number];
    const owner = await t.signIn(demo.by);
    const list = await listNamed(owner, demo.name);
    const renamed = await owner.patch(`/api/v1/watchlists/${list.id}`, { revision: list.revision, name: `${demo.name} (old)` });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const screenings = async () =>
      (await sql<{ n: string }>`select count(*) as n from screenings`.execute(t.database.db)).rows[0]?.n;
    const before = await screenings();
    expect(await seedDemoWatchlists(t.app.platform)).toMatchObject({ lists: 1, entries: demo.entries.length, screenings: 0 });
    expect(await screenings()).toBe(before);
  });
});
