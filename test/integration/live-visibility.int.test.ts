import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream, type SseConnection, type SseEvent } from '../../bench/support/sse-fanout.js';
import { liveHub } from '../../src/server/modules/exchange/live/routes.js';
import { HANDLING_CODES } from '../../src/shared/handling-codes.js';
import {
  type DistributionName,
  distributionTargets,
  EXPECTED,
  signInViewers,
  VIEWER_NAMES,
  type ViewerName,
} from '../support/sharing-table.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The sharing table of messages-visibility.int.test.ts, through the live stream: each viewer holds
 * a stream while focal.ma sends one message per handling code and distribution; the messages each
 * stream announces are exactly those the viewer may see, and so are those a resuming stream
 * receives as missed. A last TLP:CLEAR message to all partners marks the end of the sequence.
 */

let t: TestApp;
let url: string;
const clients = {} as Record<ViewerName, Client>;
const live = {} as Record<ViewerName, SseConnection>;
/** Where each viewer's stream stood before the table was sent: the resume point. */
const position = {} as Record<ViewerName, string>;
const sent = {} as Record<DistributionName, Record<string, string>>;
let sentinel: string;

const recordIds = (events: SseEvent[]) =>
  events.filter((event) => event.event === 'message.new').map((event) => JSON.parse(event.data).recordId as string);
const endOfTable = (event: SseEvent) => event.data.includes(sentinel);

/** What the table says the viewer may see, and what the stream gave, as "distribution code" labels. */
function compare(viewer: ViewerName, received: string[]) {
  const label = new Map<string, string>();
  const expected: string[] = [];
  for (const distribution of Object.keys(EXPECTED) as DistributionName[]) {
    HANDLING_CODES.forEach((code, index) => {
      label.set(sent[distribution][code], `${distribution} ${code}`);
      if (EXPECTED[distribution][viewer][index] === 'Y') expected.push(`${distribution} ${code}`);
    });
  }
  const got = received.filter((id) => id !== sentinel).map((id) => label.get(id) ?? `unknown ${id}`);
  return { got, expected };
}

beforeAll(async () => {
  t = await startTestApp();
  liveHub(t.app).settings.pollMs = 100;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1/events/stream`;
  Object.assign(clients, await signInViewers(t));
  for (const name of VIEWER_NAMES) {
    live[name] = await openEventStream(url, { cookie: clients[name].cookie as string });
    expect(live[name].status).toBe(200);
    position[name] = (await live[name].waitFor((event) => event.event === 'ready')).id as string;
  }
  const targets = await distributionTargets(t);
  const sender = clients['originating unit'];
  const post = async (subject: string, handlingCode: string, distribution: unknown[]) => {
    const response = await sender.post('/api/v1/messages', { subject, body: 'Table test.', handlingCode, distribution });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  for (const [distribution, target] of Object.entries(targets) as [DistributionName, unknown[]][]) {
    sent[distribution] = {};
    for (const code of HANDLING_CODES) sent[distribution][code] = await post(`Live ${distribution} ${code}`, code, target);
  }
  sentinel = await post('End of the table', 'TLP:CLEAR', [{ kind: 'all_partners' }]);
  await Promise.all(Object.values(live).map((connection) => connection.waitFor(endOfTable)));
});
afterAll(async () => {
  for (const connection of Object.values(live)) connection?.close();
  await t?.close();
});

describe('the live stream announces exactly the messages each viewer may see', () => {
  for (const viewer of VIEWER_NAMES) {
    it(`live: ${viewer}`, async () => {
      const { got, expected } = compare(viewer, recordIds(live[viewer].events));
      expect(got).toEqual(expected);
      // The stream agrees with the message's own read path: what it announces can be opened.
      for (const id of recordIds(live[viewer].events)) {
        expect((await clients[viewer].get(`/api/v1/messages/${id}`)).statusCode).toBe(200);
      }
    });

    it(`resume: ${viewer}`, async () => {
      const resumed = await openEventStream(url, { cookie: clients[viewer].cookie as string, 'last-event-id': position[viewer] });
      try {
        await resumed.waitFor(endOfTable);
        await resumed.waitFor((event) => event.event === 'ready');
        const { got, expected } = compare(viewer, recordIds(resumed.events));
        expect(got).toEqual(expected);
      } finally {
        resumed.close();
      }
    });
  }
});
