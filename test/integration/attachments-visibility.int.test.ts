import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDLING_CODES } from '../../src/shared/handling-codes.js';
import { expectProblem } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The sharing table of messages-visibility.int.test.ts, through attachment downloads: a file can be
 * downloaded exactly where its message can be read, and is a 404 like a missing one everywhere
 * else. Cast (demo data): focal.ma sends from Morocco's anti-smuggling unit; analyst.ma sits in
 * another Moroccan unit; focal.es in Spain's named unit, analyst.es in another Spanish unit; Senegal
 * is in the "Atlantic route" group with Morocco and Spain, Niger is not; the platform admin belongs
 * to the secretariat and to no unit.
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

// One letter per code in the order RED, AMBER+STRICT, AMBER, GREEN, CLEAR: Y downloadable, . not.
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
/** Per distribution and code: the message, its attachment and the attachment's bytes. */
const sent = {} as Record<DistributionName, Record<string, { messageId: string; attachmentId: string; bytes: Buffer }>>;

async function upload(client: Client, name: string, bytes: Buffer): Promise<string> {
  const data = new FormData();
  data.append('file', new Blob([new Uint8Array(bytes)], { type: 'text/plain' }), name);
  const request = new Request('http://localhost/', { method: 'POST', body: data });
  const response = await client.request({
    method: 'POST',
    url: '/api/v1/attachments',
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type') as string },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

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
      const bytes = Buffer.from(`Annex for ${distribution} ${code}\n`);
      const attachmentId = await upload(sender, `annex ${code}.txt`, bytes);
      const response = await sender.post('/api/v1/messages', {
        subject: `Attachment table ${distribution} ${code}`,
        body: 'Table test.',
        handlingCode: code,
        distribution: target,
        attachmentIds: [attachmentId],
      });
      expect(response.statusCode, response.body).toBe(201);
      sent[distribution][code] = { messageId: response.json().id, attachmentId, bytes };
    }
  }
});
afterAll(() => t.close());

describe('attachment downloads follow the visibility of their message', () => {
  for (const viewer of Object.keys(VIEWERS) as ViewerName[]) {
    it(viewer, async () => {
      const client = clients[viewer];
      const seen: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const distribution of Object.keys(EXPECTED) as DistributionName[]) {
        let row = '';
        for (const code of HANDLING_CODES) {
          const { messageId, attachmentId, bytes } = sent[distribution][code];
          const download = await client.get(`/api/v1/messages/${messageId}/attachments/${attachmentId}`);
          const visible = download.statusCode === 200;
          if (visible) expect(download.rawPayload.equals(bytes)).toBe(true);
          else expectProblem(download, 404, 'not-found');
          // The download agrees with the message itself, and the message lists the file.
          const message = await client.get(`/api/v1/messages/${messageId}`);
          expect(message.statusCode === 200, `${distribution} ${code} message`).toBe(visible);
          if (visible) expect(message.json().attachments.map((a: { id: string }) => a.id)).toEqual([attachmentId]);
          // Nobody but the uploader has it as a pending upload, and not even they once it is attached.
          expectProblem(await client.get(`/api/v1/attachments/${attachmentId}`), 404, 'not-found');
          row += visible ? 'Y' : '.';
        }
        seen[distribution] = row;
        expected[distribution] = EXPECTED[distribution][viewer];
      }
      expect(seen).toEqual(expected);
    });
  }

  it('writes one audit row per allowed download and none for a refused one', async () => {
    const { messageId, attachmentId } = sent['named units']['TLP:RED'];
    const rows = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from audit_log
          where action = 'attachment.download' and target_id = ${attachmentId}`.execute(t.database.db)
      ).rows[0].n;
    const before = await rows();
    expect(
      (await clients['member of the named unit'].get(`/api/v1/messages/${messageId}/attachments/${attachmentId}`)).statusCode,
    ).toBe(200);
    expect(
      (await clients['same organisation, other unit'].get(`/api/v1/messages/${messageId}/attachments/${attachmentId}`))
        .statusCode,
    ).toBe(404);
    expect(await rows()).toBe(before + 1);
  });

  it('answers 401 to a caller without a session, whatever the code', async () => {
    const anonymous = t.anonymous();
    for (const code of HANDLING_CODES) {
      const { messageId, attachmentId } = sent['all partners'][code];
      expectProblem(await anonymous.get(`/api/v1/messages/${messageId}/attachments/${attachmentId}`), 401, 'unauthenticated');
    }
  });
});
