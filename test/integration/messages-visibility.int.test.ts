import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * The sharing rules of product.md as a table, through every read path of messages: the message
 * itself, its thread, the inbox or sent list, text search and the unread count. Cast (demo data):
 * focal.ma sends from Morocco's anti-smuggling unit; analyst.ma sits in another Moroccan unit;
 * focal.es in Spain's named unit, analyst.es in another Spanish unit; Senegal is in the "Atlantic
 * route" group with Morocco and Spain, Niger is not; the platform admin belongs to the secretariat
 * and to no unit.
 */

/**
 * What lands in a viewer's unit inbox: only what was addressed to the unit (named, its
 * organisation named, its organisation in the group, all partners), never the sender's own unit,
 * and still only what the viewer may see (a TLP:RED message reaches named units only).
 */
const INBOX: Record<DistributionName, Record<ViewerName, string>> = {
  'named units': {
    'originating unit': '.....',
    'originator organisation, other unit': '.....',
    'member of the named unit': 'YYYYY',
    'same organisation, other unit': '.....',
    'other organisation in the group': '.....',
    'organisation outside the group': '.....',
    'platform admin without membership': '.....',
  },
  organisation: {
    'originating unit': '.....',
    'originator organisation, other unit': '.....',
    'member of the named unit': '.YYYY',
    'same organisation, other unit': '.YYYY',
    'other organisation in the group': '.....',
    'organisation outside the group': '.....',
    'platform admin without membership': '.....',
  },
  'sharing group': {
    'originating unit': '.....',
    'originator organisation, other unit': '.YYYY',
    'member of the named unit': '.YYYY',
    'same organisation, other unit': '.YYYY',
    'other organisation in the group': '.YYYY',
    'organisation outside the group': '.....',
    'platform admin without membership': '.....',
  },
  'all partners': {
    'originating unit': '.....',
    'originator organisation, other unit': '.YYYY',
    'member of the named unit': '.YYYY',
    'same organisation, other unit': '.YYYY',
    'other organisation in the group': '.YYYY',
    'organisation outside the group': '.YYYY',
    'platform admin without membership': '.....',
  },
};

let t: TestApp;
const clients = {} as Record<ViewerName, Client>;
/** Message id by distribution and code, and the id of a reply in its thread. */
const sent = {} as Record<DistributionName, Record<string, { id: string; reply: string }>>;
const TOKEN = 'quagmirezeta';

beforeAll(async () => {
  t = await startTestApp();
  Object.assign(clients, await signInViewers(t));
  const targets = await distributionTargets(t);
  const sender = clients['originating unit'];
  for (const [distribution, target] of Object.entries(targets) as [DistributionName, unknown[]][]) {
    sent[distribution] = {};
    for (const code of HANDLING_CODES) {
      const payload = { body: 'Table test.', handlingCode: code, distribution: target };
      const first = await sender.post('/api/v1/messages', { ...payload, subject: `${TOKEN} ${distribution} ${code}` });
      expect(first.statusCode, first.body).toBe(201);
      const reply = await sender.post('/api/v1/messages', { ...payload, subject: 'Follow-up', inReplyTo: first.json().id });
      expect(reply.statusCode, reply.body).toBe(201);
      sent[distribution][code] = { id: first.json().id, reply: reply.json().id };
    }
  }
});
afterAll(() => t.close());

/** The message ids a viewer's box holds, searched for the token. */
async function listed(client: Client, box: 'inbox' | 'sent' | 'all'): Promise<Set<string>> {
  const response = await client.get(`/api/v1/messages?box=${box}&q=${TOKEN}&limit=200`);
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json();
  expect(body.total).toBe(body.messages.length);
  return new Set(body.messages.map((message: { id: string }) => message.id));
}

describe('every read path of messages follows the handling code and the distribution', () => {
  for (const viewer of VIEWER_NAMES) {
    it(viewer, async () => {
      const client = clients[viewer];
      const searched = await listed(client, 'all');
      const inbox = await listed(client, 'inbox');
      const sentBox = await listed(client, 'sent');
      const seen: Record<string, string> = {};
      const expected: Record<string, string> = {};
      const seenInbox: Record<string, string> = {};
      const expectedInbox: Record<string, string> = {};
      for (const distribution of Object.keys(EXPECTED) as DistributionName[]) {
        let row = '';
        let inboxRow = '';
        for (const code of HANDLING_CODES) {
          const { id, reply } = sent[distribution][code];
          const message = await client.get(`/api/v1/messages/${id}`);
          const visible = message.statusCode === 200;
          if (!visible) expect(message.statusCode).toBe(404);
          // Search agrees with the message itself, and so does its thread; the sent box holds
          // exactly what the viewer's unit sent.
          expect(searched.has(id), `${distribution} ${code} in search`).toBe(visible);
          expect(sentBox.has(id), `${distribution} ${code} in sent box`).toBe(viewer === 'originating unit');
          inboxRow += inbox.has(id) ? 'Y' : '.';
          if (visible) expect(message.json().thread.map((m: { id: string }) => m.id)).toEqual([id, reply]);
          row += visible ? 'Y' : '.';
        }
        seen[distribution] = row;
        expected[distribution] = EXPECTED[distribution][viewer];
        seenInbox[distribution] = inboxRow;
        expectedInbox[distribution] = INBOX[distribution][viewer];
      }
      expect(seen).toEqual(expected);
      expect(seenInbox).toEqual(expectedInbox);
    });
  }

  it('counts as unread only what was delivered and the viewer may see', async () => {
    const niger = clients['organisation outside the group'];
    const response = await niger.get(`/api/v1/messages?box=inbox&q=${TOKEN}`);
    const body = response.json();
    // Niger's unit received the four messages to all partners it may see (not the TLP:RED one).
    expect(body.total).toBe(4);
    expect(body.unread).toBe(4);
    // The badge counts the whole inbox of each unit: these four and their replies, and whatever
    // else reached Niger's unit (the demo messages), as the inbox list counts it.
    const unread = (await niger.get('/api/v1/messages/unread')).json();
    expect(unread.unread).toBeGreaterThanOrEqual(8);
    expect(unread.unread).toBe((await niger.get('/api/v1/messages?box=inbox')).json().unread);
    expect(unread.units).toHaveLength(1);
    const admin = (await clients['platform admin without membership'].get('/api/v1/messages/unread')).json();
    expect(admin).toEqual({ unread: 0, units: [] });
  });

  it('answers 401 to a caller without a session, on every path', async () => {
    const anonymous = t.anonymous();
    const { id } = sent['all partners']['TLP:CLEAR'];
    for (const path of ['/api/v1/messages', '/api/v1/messages/unread', `/api/v1/messages/${id}`]) {
      expect((await anonymous.get(path)).statusCode).toBe(401);
    }
  });
});
