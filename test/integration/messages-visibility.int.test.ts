import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDLING_CODES } from '../../src/shared/handling-codes.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The sharing rules of product.md as a table, through every read path of messages: the message
 * itself, its thread, the inbox or sent list, text search and the unread count. Cast (demo data):
 * focal.ma sends from Morocco's anti-smuggling unit; analyst.ma sits in another Moroccan unit;
 * focal.es in Spain's named unit, analyst.es in another Spanish unit; Senegal is in the "Atlantic
 * route" group with Morocco and Spain, Niger is not; the platform admin belongs to the secretariat
 * and to no unit.
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
const clients = {} as Record<ViewerName, Client>;
/** Message id by distribution and code, and the id of a reply in its thread. */
const sent = {} as Record<DistributionName, Record<string, { id: string; reply: string }>>;
const TOKEN = 'quagmirezeta';

beforeAll(async () => {
  t = await startTestApp();
  for (const [name, account] of Object.entries(VIEWERS) as [ViewerName, string][]) {
    clients[name] = await t.signIn(account === 'admin' ? 'admin@liaison.demo' : `${account}@liaison.demo`);
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

/** What a viewer's lists (inbox and sent box, searched for the token) hold, as message ids. */
async function listed(client: Client): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const box of ['inbox', 'sent']) {
    const response = await client.get(`/api/v1/messages?box=${box}&q=${TOKEN}&limit=200`);
    expect(response.statusCode, response.body).toBe(200);
    for (const message of response.json().messages) ids.add(message.id);
  }
  return ids;
}

describe('every read path of messages follows the handling code and the distribution', () => {
  for (const viewer of Object.keys(VIEWERS) as ViewerName[]) {
    it(viewer, async () => {
      const client = clients[viewer];
      const inLists = await listed(client);
      const seen: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const distribution of Object.keys(EXPECTED) as DistributionName[]) {
        let row = '';
        for (const code of HANDLING_CODES) {
          const { id, reply } = sent[distribution][code];
          const message = await client.get(`/api/v1/messages/${id}`);
          const visible = message.statusCode === 200;
          if (!visible) expect(message.statusCode).toBe(404);
          // The list and search agree with the message itself, and so does its thread.
          expect(inLists.has(id), `${distribution} ${code} in lists`).toBe(visible);
          if (visible) expect(message.json().thread.map((m: { id: string }) => m.id)).toEqual([id, reply]);
          row += visible ? 'Y' : '.';
        }
        seen[distribution] = row;
        expected[distribution] = EXPECTED[distribution][viewer];
      }
      expect(seen).toEqual(expected);
    });
  }

  it('counts as unread only what the viewer may see', async () => {
    const response = await clients['organisation outside the group'].get(`/api/v1/messages?box=inbox&q=${TOKEN}`);
    const body = response.json();
    // Niger sees the four TLP:CLEAR messages and the AMBER/GREEN ones sent to all partners.
    expect(body.total).toBe(4 + 3);
    expect(body.unread).toBe(body.total);
  });

  it('answers 401 to a caller without a session, on every path', async () => {
    const anonymous = t.anonymous();
    const { id } = sent['all partners']['TLP:CLEAR'];
    for (const path of ['/api/v1/messages', `/api/v1/messages/${id}`]) {
      expect((await anonymous.get(path)).statusCode).toBe(401);
    }
  });
});
