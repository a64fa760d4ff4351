import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SseEvent } from '../../bench/support/sse-fanout.js';
import type { ChangeFeed, EntryList, WatchlistChange } from '../../src/shared/watchlists/contract.js';
import { expectProblem } from '../support/fixtures.js';
import { type LiveStreamApp, ready, startLiveStreamApp } from '../support/live-stream.js';
import type { Client } from '../support/test-app.js';
import { addEntry, createList, PURPOSE, WL } from './watchlists-fixtures.js';

/**
 * The change feed of a list and the live stream: every change is a numbered version with the entry
 * as it stood after it; a subscriber that was away resumes the stream with Last-Event-ID, then reads
 * `changes?since=` from the last number it applied, and misses nothing — even of a burst of
 * concurrent changes. Viewers who may not see the list get no event of it.
 */
let live: LiveStreamApp;
let owner: Client;
let spain: Client;
const P = `purpose=${encodeURIComponent(PURPOSE)}`;

beforeAll(async () => {
  live = await startLiveStreamApp(['focal.es', 'focal.ne']);
  owner = live.sender;
  spain = await live.t.signIn('focal.es@liaison.demo');
});
afterAll(async () => {
  await live?.close();
});

const feed = async (client: Client, listId: string, query: string): Promise<ChangeFeed> => {
  const response = await client.get(`${WL}/${listId}/changes?${P}&${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('the change feed', () => {
  it('numbers every change and gives the entry as it stood after it, oldest first', async () => {
    const list = await createList(owner);
    const a = await addEntry(owner, list.id, { names: [{ name: 'Hawa Traoré' }] });
    const b = await addEntry(owner, list.id, { names: [{ name: 'Seydou Keita' }] });
    const entries = `${WL}/${list.id}/entries`;
    expect(
      (await owner.patch(`${entries}/${a.id}`, { version: 1, reason: 'Seen in Gao', note: 'New sighting' })).statusCode,
    ).toBe(200);
    expect((await owner.post(`${entries}/${b.id}/remove`, { version: 1, note: 'Cleared' })).statusCode).toBe(200);
    expect((await owner.post(`${entries}/${a.id}/renew`, { version: 2 })).statusCode).toBe(200);

    const all = await feed(owner, list.id, 'since=0');
    expect(all).toMatchObject({ watchlistId: list.id, lastSeq: 5, hasMore: false });
    expect(all.changes.map((c) => [c.seq, c.op, c.entryId, c.entryVersion])).toEqual([
      [1, 'add', a.id, 1],
      [2, 'add', b.id, 1],
      [3, 'amend', a.id, 2],
      [4, 'remove', b.id, 2],
      [5, 'renew', a.id, 3],
    ]);
    expect(all.changes[0].entry?.names).toEqual([{ name: 'Hawa Traoré', script: 'latin' }]);
    expect(all.changes[2].entry).toMatchObject({ reason: 'Seen in Gao', names: [{ name: 'Hawa Traoré', script: 'latin' }] });
    expect(all.changes[3].entry).toBeNull();
    expect(all.changes[0].reference).toBe(a.reference);
    expect(all.changes[0].changedBy?.name).toBeTruthy();

    expect((await feed(owner, list.id, 'since=3')).changes.map((c) => c.seq)).toEqual([4, 5]);
    const page = await feed(owner, list.id, 'since=0&limit=2');
    expect(page).toMatchObject({ lastSeq: 5, hasMore: true });
    expect(page.changes.map((c) => c.seq)).toEqual([1, 2]);
    expect((await feed(owner, list.id, 'since=5')).changes).toEqual([]);
    expectProblem(await owner.get(`${WL}/${list.id}/changes?since=0`), 422, 'purpose-required');
    expectProblem(await owner.get(`${WL}/${list.id}/changes?${P}&since=-1`), 400, 'validation');
    expectProblem(await owner.get(`${WL}/${list.id}/changes?${P}&limit=501`), 400, 'validation');
  });
});

describe('subscribers', () => {
  it('a subscriber that reconnects with Last-Event-ID and reads changes since its last number misses no change', async () => {
    const list = await createList(owner, { handlingCode: 'TLP:AMBER', distribution: [{ kind: 'unit', id: live.spainUnit }] });
    const about = (event: SseEvent) => event.event === 'watchlist.changed' && event.data.includes(list.id);
    const niger = await live.stream('focal.ne');
    let stream = await live.stream('focal.es');
    await Promise.all([ready(stream), ready(niger)]);

    // The subscriber's copy of the list: entries by id, and the last change number it applied.
    const copy = new Map<string, WatchlistChange['entry']>();
    let applied = 0;
    const catchUp = async () => {
      for (;;) {
        const page = await feed(spain, list.id, `since=${applied}&limit=5`);
        for (const change of page.changes) {
          expect(change.seq).toBe(applied + 1);
          if (change.entry) copy.set(change.entryId, change.entry);
          else copy.delete(change.entryId);
          applied = change.seq;
        }
        if (!page.hasMore) return;
      }
    };

    const first = await addEntry(owner, list.id, { names: [{ name: 'Mariam Coulibaly' }] });
    const second = await addEntry(owner, list.id, { names: [{ name: 'Boubacar Cissé' }] });
    await stream.waitFor(() => stream.events.filter(about).length === 2);
    await catchUp();
    expect(applied).toBe(2);
    const position = stream.events.filter(about).at(-1)?.id as string;
    stream.close();

    // Away: a burst of concurrent changes.
    const burst = await Promise.all([
      ...Array.from({ length: 12 }, (_, i) =>
        owner.post(`${WL}/${list.id}/entries`, {
          names: [{ name: `Burst Person ${'ABCDEFGHJKMN'[i]}` }],
          reason: 'Seen at the border',
        }),
      ),
      owner.patch(`${WL}/${list.id}/entries/${first.id}`, { version: 1, reason: 'Moved to Kayes' }),
      owner.post(`${WL}/${list.id}/entries/${second.id}/remove`, { version: 1, note: 'Cleared' }),
    ]);
    for (const response of burst) expect(response.statusCode, response.body).toBeLessThan(300);
    expect(new Set(burst.map((r) => r.json().seq)).size).toBe(14);

    stream = await live.stream('focal.es', { headers: { 'last-event-id': position } });
    await ready(stream);
    expect(stream.events.filter(about)).toHaveLength(14);
    await catchUp();
    expect(applied).toBe(16);

    const current: EntryList = (await spain.get(`${WL}/${list.id}/entries?${P}&limit=200`)).json();
    expect([...copy.keys()].sort()).toEqual(current.items.map((e) => e.id).sort());
    expect(copy.get(first.id)?.reason).toBe('Moved to Kayes');
    expect(copy.has(second.id)).toBe(false);
    // Niger may not see the list: not one event of it reached its stream.
    expect(niger.events.filter((event) => event.data.includes(list.id))).toEqual([]);
  });
});
