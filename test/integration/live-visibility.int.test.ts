import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream, type SseConnection, type SseEvent } from '../../bench/support/sse-fanout.js';
import { liveHub } from '../../src/server/modules/exchange/live/routes.js';
import { HANDLING_CODES } from '../../src/shared/handling-codes.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The sharing table of messages-visibility.int.test.ts, through the live stream: each viewer holds
 * a stream while focal.ma sends one message per handling code and distribution; the messages each
 * stream announces are exactly those the viewer may see, and so are those a resuming stream
 * receives as missed. A last TLP:CLEAR message to all partners marks the end of the sequence.
 */
const VIEWERS = {
  'originating unit': 'focal.ma',
  'originator organisation, other unit': 'analyst.ma',
  'member of the named unit': 'focal.es',
  'same organisation, other unit': 'analyst.es',
  'other organisation in the group': 'focal.sn',
  'organisation outside the group': 'focal.ne',
  'platform admin without membership': 'admin',
} as const;
type ViewerName = keyof typeof VIEWERS;
type DistributionName = 'named units' | 'organisation' | 'sharing group' | 'all partners';

// One letter per code in the order RED, AMBER+STRICT, AMBER, GREEN, CLEAR: Y visible, . not.
const EXPECTED: Record<DistributionName, Record<ViewerName, string>> = {
  'named units': {
    'originating unit': 'YYYYY',
    'originator organisation, other unit': '.YYYY',
    'member of the named unit': 'YYYYY',
    'same organisation, other unit': '.YYYY',
    'other organisation in the group': '....Y',
    'organisation outside the group': '....Y',
    'platform admin without membership': '....Y',
  },
  organisation: {
    'originating unit': 'YYYYY',
    'originator organisation, other unit': '.YYYY',
    'member of the named unit': '.YYYY',
    'same organisation, other unit': '.YYYY',
    'other organisation in the group': '....Y',
    'organisation outside the group': '....Y',
    'platform admin without membership': '....Y',
  },
  'sharing group': {
    'originating unit': 'YYYYY',
    'originator organisation, other unit': '.YYYY',
    'member of the named unit': '.YYYY',
    'same organisation, other unit': '.YYYY',
    'other organisation in the group': '.YYYY',
    'organisation outside the group': '....Y',
    'platform admin without membership': '....Y',
  },
  'all partners': {
    'originating unit': 'YYYYY',
    'originator organisation, other unit': '.YYYY',
    'member of the named unit': '.YYYY',
    'same organisation, other unit': '.YYYY',
    'other organisation in the group': '.YYYY',
    'organisation outside the group': '.YYYY',
    'platform admin without membership': '.YYYY',
  },
};

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
  for (const [name, account] of Object.entries(VIEWERS) as [ViewerName, string][]) {
    clients[name] = await t.signIn(account === 'admin' ? 'admin@liaison.demo' : `${account}@liaison.demo`);
    live[name] = await openEventStream(url, { cookie: clients[name].cookie as string });
    expect(live[name].status).toBe(200);
    position[name] = (await live[name].waitFor((event) => event.event === 'ready')).id as string;
  }
  const one = async (query: ReturnType<typeof sql<{ id: string }>>) => (await query.execute(t.database.db)).rows[0].id;
  const spanishUnit = await one(sql`select id from units where name = 'Unit against illegal immigration networks'`);
  const spain = await one(sql`select id from organisations where acronym = 'CGEF'`);
  const atlantic = await one(sql`select id from sharing_groups where name = 'Atlantic route border units'`);
  const targets: Record<DistributionName, unknown[]> = {
    'named units': [{ kind: 'unit', id: spanishUnit }],
    organisation: [{ kind: 'organisation', id: spain }],
    'sharing group': [{ kind: 'sharing_group', id: atlantic }],
    'all partners': [{ kind: 'all_partners' }],
  };
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
  for (const viewer of Object.keys(VIEWERS) as ViewerName[]) {
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
