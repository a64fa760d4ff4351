import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDLING_CODES } from '../../src/shared/handling-codes.js';
import { expectProblem } from '../support/fixtures.js';
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
 * The sharing table of messages-visibility.int.test.ts, through attachment downloads: a file can be
 * downloaded exactly where its message can be read, and is a 404 like a missing one everywhere
 * else. Cast (demo data): focal.ma sends from Morocco's anti-smuggling unit; analyst.ma sits in
 * another Moroccan unit; focal.es in Spain's named unit, analyst.es in another Spanish unit; Senegal
 * is in the "Atlantic route" group with Morocco and Spain, Niger is not; the platform admin belongs
 * to the secretariat and to no unit.
 */

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
  Object.assign(clients, await signInViewers(t));
  const targets = await distributionTargets(t);
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
  for (const viewer of VIEWER_NAMES) {
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
