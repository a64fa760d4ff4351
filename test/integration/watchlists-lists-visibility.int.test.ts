import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchKeysOf } from '../../src/server/modules/watchlists/entries/match-keys.js';
import { candidateEntries } from '../../src/server/modules/watchlists/entries/repository.js';
import { HANDLING_CODES } from '../../src/shared/handling-codes.js';
import type { WatchlistList } from '../../src/shared/watchlists/contract.js';
import { expectProblem } from '../support/fixtures.js';
import {
  type DistributionName,
  distributionTargets,
  EXPECTED,
  signInViewers,
  VIEWER_NAMES,
  VIEWERS,
  type ViewerName,
} from '../support/sharing-table.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { addEntry, createList, PURPOSE, viewerOf, WL } from './watchlists-fixtures.js';

/**
 * The sharing rule over every read path of watch-lists — the list, the index of lists (rows and
 * total), entries, one entry, the change feed and screening candidates — for each handling code ×
 * distribution × viewer of the shared table; a list one may not see is a 404 on every path, changes
 * included, and one seen but kept by another unit is a 403 `not-list-owner`.
 */
const DISTRIBUTIONS = Object.keys(EXPECTED) as DistributionName[];
const TOKEN = 'quillmarsh';
const SHARED_NAME = 'Ibrahima Tounkara Sow';
const P = `purpose=${encodeURIComponent(PURPOSE)}`;

let t: TestApp;
const clients = {} as Record<ViewerName, Client>;
interface Cell {
  listId: string;
  entryId: string;
  distribution: DistributionName;
}
const cells: Cell[] = [];
// Every viewer of the table but the platform administrator, whose role does not screen.
const SCREENERS = VIEWER_NAMES.filter((name) => name !== 'platform admin without membership');

beforeAll(async () => {
  t = await startTestApp();
  Object.assign(clients, await signInViewers(t));
  const targets = await distributionTargets(t);
  const owner = clients['originating unit'];
  for (const distribution of DISTRIBUTIONS) {
    for (const code of HANDLING_CODES) {
      const list = await createList(owner, {
        name: `${TOKEN} ${distribution} ${code}`,
        handlingCode: code,
        distribution: targets[distribution],
      });
      const entry = await addEntry(owner, list.id, { names: [{ name: SHARED_NAME }] });
      cells.push({ listId: list.id, entryId: entry.id, distribution });
    }
  }
});
afterAll(() => t.close());

describe('every read path of watch-lists follows the handling code and the distribution', () => {
  for (const viewer of SCREENERS) {
    it(viewer, async () => {
      const client = clients[viewer];
      const visible: Cell[] = [];
      const seen: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const distribution of DISTRIBUTIONS) {
        let row = '';
        for (const cell of cells.filter((c) => c.distribution === distribution)) {
          const response = await client.get(`${WL}/${cell.listId}`);
          if (response.statusCode === 200) visible.push(cell);
          else expectProblem(response, 404, 'not-found');
          row += response.statusCode === 200 ? 'Y' : '.';
        }
        seen[distribution] = row;
        expected[distribution] = EXPECTED[distribution][viewer];
      }
      expect(seen).toEqual(expected);
      const visibleLists = visible.map((c) => c.listId).sort();

      const index: WatchlistList = (await client.get(`${WL}?q=${TOKEN}&limit=200`)).json();
      expect(index.items.map((l) => l.id).sort()).toEqual(visibleLists);
      expect(index.total).toBe(visible.length);
      for (const item of index.items) expect(item.activeEntries).toBe(1);

      for (const cell of cells) {
        const shown = visible.includes(cell);
        const paths = [
          `${WL}/${cell.listId}/entries?${P}`,
          `${WL}/${cell.listId}/entries/${cell.entryId}?${P}`,
          `${WL}/${cell.listId}/changes?${P}`,
        ];
        for (const path of paths) {
          const response = await client.get(path);
          if (shown) expect(response.statusCode, path).toBe(200);
          else expectProblem(response, 404, 'not-found');
        }
      }

      const candidates = await candidateEntries(
        t.database.db,
        await viewerOf(t, `${VIEWERS[viewer]}@liaison.demo`),
        matchKeysOf(t.app.platform.personalData, [SHARED_NAME]),
        100,
      );
      const ours = candidates.filter((c) => cells.some((cell) => cell.entryId === c.entryId));
      expect(ours.map((c) => c.watchlistId).sort()).toEqual(visibleLists);
    });
  }

  it('refuses the platform administrator (no screening role) on every path', async () => {
    const admin = clients['platform admin without membership'];
    const cell = cells[cells.length - 1];
    for (const path of [WL, `${WL}/${cell.listId}`, `${WL}/${cell.listId}/entries?${P}`, `${WL}/${cell.listId}/changes?${P}`])
      expectProblem(await admin.get(path), 403, 'forbidden');
  });
});

describe('changes to a list', () => {
  it('answer 404 to a viewer who may not see the list, and 403 not-list-owner to one who sees it but does not keep it', async () => {
    for (const viewer of SCREENERS.filter((name) => name !== 'originating unit')) {
      const client = clients[viewer];
      for (const cell of cells) {
        const visible = (await client.get(`${WL}/${cell.listId}`)).statusCode === 200;
        const attempts = [
          client.patch(`${WL}/${cell.listId}`, { revision: 1, name: 'Taken over' }),
          client.post(`${WL}/${cell.listId}/archive`, { revision: 1, reason: 'Taken over' }),
          client.post(`${WL}/${cell.listId}/entries`, { names: [{ name: 'Someone Else' }], reason: 'Taken over' }),
          client.patch(`${WL}/${cell.listId}/entries/${cell.entryId}`, { version: 1, reason: 'Taken over' }),
          client.post(`${WL}/${cell.listId}/entries/${cell.entryId}/remove`, { version: 1, note: 'Taken over' }),
          client.post(`${WL}/${cell.listId}/entries/${cell.entryId}/renew`, { version: 1 }),
        ];
        for (const response of await Promise.all(attempts)) {
          if (visible) expectProblem(response, 403, 'not-list-owner');
          else expectProblem(response, 404, 'not-found');
        }
      }
    }
    // Nothing changed: every list is at its first revision and first change.
    const owner = clients['originating unit'];
    for (const cell of cells) expect((await owner.get(`${WL}/${cell.listId}`)).json()).toMatchObject({ revision: 1, lastSeq: 1 });
  });
});
