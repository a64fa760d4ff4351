import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
const as: Record<string, Client> = {};
let spanishUnit = '';

interface Uploaded {
  id: string;
  filename: string;
  size: number;
  mediaType: string;
  sha256: string;
}

/** A multipart body as a browser's FormData sends it: one part per [field, name, bytes, type]. */
async function multipart(parts: [string, string, Buffer | string, string?][]) {
  const data = new FormData();
  for (const [field, name, bytes, type] of parts) {
    data.append(field, new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type: type ?? '' }), name);
  }
  const request = new Request('http://localhost/', { method: 'POST', body: data });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') as string };
}

async function upload(client: Client, name: string, bytes: Buffer | string, type = 'application/octet-stream') {
  const body = await multipart([['file', name, bytes, type]]);
  return client.request({
    method: 'POST',
    url: '/api/v1/attachments',
    payload: body.payload,
    headers: { 'content-type': body.contentType },
  });
}

async function uploaded(client: Client, name: string, bytes: Buffer | string, type?: string): Promise<Uploaded> {
  const response = await upload(client, name, bytes, type);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function send(client: Client, attachmentIds: string[], extra: Record<string, unknown> = {}) {
  return client.post('/api/v1/messages', {
    subject: `Attachment test ${randomBytes(4).toString('hex')}`,
    body: 'See the attached files.',
    handlingCode: 'TLP:AMBER',
    distribution: [{ kind: 'unit', id: spanishUnit }],
    attachmentIds,
    ...extra,
  });
}

const downloadUrl = (messageId: string, attachmentId: string) => `/api/v1/messages/${messageId}/attachments/${attachmentId}`;
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n`);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every stored blob (not the incoming folder) under the data directory. */
function storedFiles(): string[] {
  const root = path.join(t.config.dataDir, 'attachments');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.parentPath.includes('.incoming'))
    .map((entry) => entry.name);
}
const incoming = () => {
  const dir = path.join(t.config.dataDir, 'attachments', '.incoming');
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};
const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(t.database.db)).rows[0].n;

beforeAll(async () => {
  t = await startTestApp();
  const units = await sql<{ id: string }>`select id from units where name = 'Unit against illegal immigration networks'`.execute(
    t.database.db,
  );
  spanishUnit = units.rows[0].id;
  for (const account of ['focal.ma', 'focal.es', 'reader.ma', 'focal.sn', 'focal.ne']) {
    as[account] = await t.signIn(`${account}@liaison.demo`);
  }
});
afterAll(() => t.close());

describe('upload, attach and download', () => {
  it('round-trips the bytes with safe headers and the Arabic file name intact', async () => {
    const bytes = pdf('round trip');
    const name = 'تقرير الدورية مارس.pdf';
    const file = await uploaded(as['focal.ma'], name, bytes, 'application/pdf');
    expect(file).toMatchObject({ filename: name, size: bytes.length, mediaType: 'application/pdf', sha256: sha256(bytes) });
    const sent = await send(as['focal.ma'], [file.id]);
    expect(sent.statusCode, sent.body).toBe(201);
    const message = sent.json();
    expect(message.attachments).toEqual([{ id: file.id, filename: name, size: bytes.length, mediaType: 'application/pdf' }]);

    const opened = await as['focal.es'].get(`/api/v1/messages/${message.id}`);
    expect(opened.json().attachments.map((a: Uploaded) => a.id)).toEqual([file.id]);
    expect(opened.json().thread[0].attachments.map((a: Uploaded) => a.id)).toEqual([file.id]);

    const download = await as['focal.es'].get(downloadUrl(message.id, file.id));
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-length']).toBe(String(bytes.length));
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(download.headers['cache-control']).toBe('private, no-store');
    const disposition = String(download.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7E]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe(name);
  });

  it('keeps several attachments in the order given', async () => {
    const a = await uploaded(as['focal.ma'], 'b-second.txt', 'second file\n');
    const b = await uploaded(as['focal.ma'], 'a-first.txt', 'first file\n');
    const sent = await send(as['focal.ma'], [a.id, b.id]);
    expect(sent.json().attachments.map((x: Uploaded) => x.filename)).toEqual(['b-second.txt', 'a-first.txt']);
  });

  it('stores the same bytes once however often they are uploaded', async () => {
    const bytes = pdf(`dedup ${randomBytes(8).toString('hex')}`);
    const before = storedFiles().length;
    const first = await uploaded(as['focal.ma'], 'one.pdf', bytes);
    const second = await uploaded(as['focal.es'], 'two.pdf', bytes);
    expect(second.id).not.toBe(first.id);
    expect(second.sha256).toBe(first.sha256);
    expect(storedFiles().length).toBe(before + 1);
    expect(storedFiles()).toContain(first.sha256);
    expect(incoming()).toEqual([]);
  });

  it('forwards the same attachments with the message', async () => {
    const file = await uploaded(as['focal.ma'], 'route-map.png', PNG);
    const sent = await send(as['focal.ma'], [file.id], { handlingCode: 'TLP:CLEAR' });
    const forwarded = await as['focal.es'].post(`/api/v1/messages/${sent.json().id}/forward`, {
      distribution: [{ kind: 'all_partners' }],
    });
    expect(forwarded.statusCode, forwarded.body).toBe(201);
    expect(forwarded.json().attachments.map((a: Uploaded) => a.id)).toEqual([file.id]);
    const download = await as['focal.ne'].get(downloadUrl(forwarded.json().id, file.id));
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);
  });

  it('audits every download, whatever the handling code', async () => {
    const file = await uploaded(as['focal.ma'], 'clear.txt', `public note ${randomBytes(4).toString('hex')}\n`);
    const sent = (await send(as['focal.ma'], [file.id], { handlingCode: 'TLP:CLEAR' })).json();
    for (let i = 0; i < 2; i++) expect((await as['focal.sn'].get(downloadUrl(sent.id, file.id))).statusCode).toBe(200);
    const rows = await sql<{ details: Record<string, unknown>; outcome: string }>`select details, outcome from audit_log
      where action = 'attachment.download' and target_id = ${file.id}`.execute(t.database.db);
    expect(rows.rows).toHaveLength(2);
    expect(rows.rows[0].details).toMatchObject({ messageId: sent.id, sha256: file.sha256, handlingCode: 'TLP:CLEAR' });
  });

  it('lets the uploader, and nobody else, fetch a pending upload', async () => {
    const bytes = Buffer.from('draft annex\n');
    const file = await uploaded(as['focal.ma'], 'annex.txt', bytes);
    const own = await as['focal.ma'].get(`/api/v1/attachments/${file.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(bytes)).toBe(true);
    expect(own.headers['content-type']).toBe('text/plain; charset=utf-8');
    expectProblem(await as['focal.es'].get(`/api/v1/attachments/${file.id}`), 404, 'not-found');
    // No HEAD: it would be a look at the file that sends nothing yet writes a download's audit row.
    expect((await as['focal.ma'].request({ method: 'HEAD', url: `/api/v1/attachments/${file.id}` })).statusCode).toBe(404);
    // Not through a message either, until it is attached to one the viewer may see.
    const other = (await send(as['focal.ma'], [])).json();
    expectProblem(await as['focal.es'].get(downloadUrl(other.id, file.id)), 404, 'not-found');
    // Once attached it is no longer pending.
    await send(as['focal.ma'], [file.id]);
    expectProblem(await as['focal.ma'].get(`/api/v1/attachments/${file.id}`), 404, 'not-found');
  });
});

describe('what the bytes really are', () => {
  it('stores a PNG declared as a PDF as image/png', async () => {
    const file = await uploaded(as['focal.ma'], 'scan.pdf', PNG, 'application/pdf');
    expect(file.mediaType).toBe('image/png');
    const row = await sql<{ declared_type: string }>`select declared_type from attachments where id = ${file.id}`.execute(
      t.database.db,
    );
    expect(row.rows[0].declared_type).toBe('application/pdf');
  });

  it('never serves HTML as HTML, even declared as plain text', async () => {
    const html = '<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>';
    const file = await uploaded(as['focal.ma'], 'notes.txt', html, 'text/plain');
    expect(file.mediaType).toBe('text/html');
    const sent = (await send(as['focal.ma'], [file.id])).json();
    const download = await as['focal.es'].get(downloadUrl(sent.id, file.id));
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/octet-stream');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toContain('sandbox');
  });

  it('refuses programs and scripts, by content and by name (415), storing nothing', async () => {
    const before = { files: storedFiles().length, rows: await count(sql`select count(*)::int as n from attachments`) };
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
    const pe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
    const cases: [string, Buffer | string][] = [
      ['harmless.pdf', pe],
      ['tool', elf],
      ['readme.txt', '#!/bin/sh\nrm -rf /\n'],
      ['invoice.pdf.exe', 'plain text'],
      ['run.BAT', 'echo hi'],
      ['macro.js', 'alert(1)'],
      ['trailing.exe. ', 'plain text'],
      ['report\u202Efdp.exe', 'plain text'],
    ];
    for (const [name, bytes] of cases) {
      expectProblem(await upload(as['focal.ma'], name, bytes), 415, 'refused-file-type');
    }
    expect(storedFiles().length).toBe(before.files);
    expect(await count(sql`select count(*)::int as n from attachments`)).toBe(before.rows);
    expect(incoming()).toEqual([]);
  });
});

describe('limits and malformed input', () => {
  it('refuses 25 MB + 1 byte with 413 and stores nothing; takes exactly 25 MB', async () => {
    const before = { files: storedFiles().length, rows: await count(sql`select count(*)::int as n from attachments`) };
    const limit = 25 * 1024 * 1024;
    expectProblem(await upload(as['focal.ma'], 'big.bin', Buffer.alloc(limit + 1, 7)), 413, 'too-large');
    expect(storedFiles().length).toBe(before.files);
    expect(await count(sql`select count(*)::int as n from attachments`)).toBe(before.rows);
    expect(incoming()).toEqual([]);
    const exact = await uploaded(as['focal.ma'], 'exact.bin', Buffer.alloc(limit, 8));
    expect(exact.size).toBe(limit);
  });

  it('refuses an empty file (422) and a form without a file (400)', async () => {
    expectProblem(await upload(as['focal.ma'], 'empty.pdf', Buffer.alloc(0)), 422, 'empty-file');
    const noFile = await multipart([]);
    const response = await as['focal.ma'].request({
      method: 'POST',
      url: '/api/v1/attachments',
      payload: noFile.payload,
      headers: { 'content-type': noFile.contentType },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().type).toMatch(/:(no-file|malformed-body)$/);
  });

  it('refuses other fields, two files and a non-multipart body', async () => {
    const post = async (body: { payload: Buffer; contentType: string }) =>
      as['focal.ma'].request({
        method: 'POST',
        url: '/api/v1/attachments',
        payload: body.payload,
        headers: { 'content-type': body.contentType },
      });
    expectProblem(await post(await multipart([['files', 'a.txt', 'a']])), 400, 'unknown-field');
    expectProblem(
      await post(
        await multipart([
          ['file', 'a.txt', 'a'],
          ['file', 'b.txt', 'b'],
        ]),
      ),
      400,
      'one-file',
    );
    expect((await as['focal.ma'].post('/api/v1/attachments', { file: 'x' })).statusCode).toBe(415);
    expect(incoming()).toEqual([]);
  });

  it('keeps only the name of a path, without control characters, and markup as plain text', async () => {
    const cases: [string, string][] = [
      ['../../../etc/passwd.txt', 'passwd.txt'],
      ['..\\..\\windows\\win.ini.txt', 'win.ini.txt'],
      ["'; drop table attachments; --.txt", "'; drop table attachments; --.txt"],
      ['<script>alert(1)<\\script>.txt', 'script>.txt'],
      [`${'long '.repeat(60)}end.txt`, `${'long '.repeat(60)}end.txt`.slice(-200)],
    ];
    for (const [given, kept] of cases) {
      const file = await uploaded(as['focal.ma'], given, 'text');
      expect(file.filename, given).toBe(kept);
      const own = await as['focal.ma'].get(`/api/v1/attachments/${file.id}`);
      expect(String(own.headers['content-disposition'])).not.toMatch(/[\r\n]/);
    }
    // Sent raw (FormData would escape them): a tab is dropped from the name, other control characters are refused.
    const boundary = 'liaison-test-boundary';
    const raw = (filename: string) =>
      as['focal.ma'].request({
        method: 'POST',
        url: '/api/v1/attachments',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
            `Content-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`,
        ),
      });
    const tab = await raw('tab\there.txt');
    expect(tab.statusCode, tab.body).toBe(201);
    expect(tab.json().filename).toBe('tabhere.txt');
    expectProblem(await raw('bell\x07.txt'), 400, 'control-character');
    expect(storedFiles().every((name) => /^[0-9a-f]{64}$/.test(name))).toBe(true);
    expect(fs.existsSync(path.join(t.config.dataDir, 'etc'))).toBe(false);
  });

  it('answers a reader 403 and a caller without a session 401', async () => {
    expectProblem(await upload(as['reader.ma'], 'note.txt', 'text'), 403, 'forbidden');
    expectProblem(await upload(t.anonymous(), 'note.txt', 'text'), 401, 'unauthenticated');
    const file = await uploaded(as['focal.ma'], 'anon.txt', 'anonymous check');
    const sent = (await send(as['focal.ma'], [file.id], { handlingCode: 'TLP:CLEAR' })).json();
    expectProblem(await t.anonymous().get(downloadUrl(sent.id, file.id)), 401, 'unauthenticated');
    expectProblem(await t.anonymous().get(`/api/v1/attachments/${file.id}`), 401, 'unauthenticated');
  });

  it('answers 500, not a crash, when the stored file has gone missing', async () => {
    const file = await uploaded(as['focal.ma'], 'lost.txt', `lost ${randomBytes(8).toString('hex')}\n`);
    const sent = (await send(as['focal.ma'], [file.id])).json();
    fs.rmSync(path.join(t.config.dataDir, 'attachments', file.sha256.slice(0, 2), file.sha256));
    expectProblem(await as['focal.es'].get(downloadUrl(sent.id, file.id)), 500, 'attachment-unavailable');
    expect((await as['focal.es'].get(`/api/v1/messages/${sent.id}`)).statusCode).toBe(200);
  });
});

describe('attaching on send', () => {
  it("refuses someone else's pending upload (422), and the send stores nothing", async () => {
    const mine = await uploaded(as['focal.es'], 'mine.txt', 'mine');
    const theirs = await uploaded(as['focal.ma'], 'theirs.txt', 'theirs');
    const subject = `Refused attach ${randomBytes(4).toString('hex')}`;
    const messages = async () => count(sql`select count(*)::int as n from messages where subject = ${subject}`);
    expectProblem(await send(as['focal.es'], [mine.id, theirs.id], { subject }), 422, 'attachment-not-yours');
    expect(await messages()).toBe(0);
    expect(await count(sql`select count(*)::int as n from message_attachments where attachment_id = ${mine.id}`)).toBe(0);
    // The sender's own upload is still pending and can be sent again without the other one.
    expect((await as['focal.es'].get(`/api/v1/attachments/${mine.id}`)).statusCode).toBe(200);
    const retry = await send(as['focal.es'], [mine.id], { subject });
    expect(retry.statusCode, retry.body).toBe(201);
    expect(await messages()).toBe(1);
  });

  it('refuses an upload already attached, an unknown id and a malformed id', async () => {
    const file = await uploaded(as['focal.ma'], 'once.txt', 'once');
    expect((await send(as['focal.ma'], [file.id])).statusCode).toBe(201);
    expectProblem(await send(as['focal.ma'], [file.id]), 422, 'attachment-not-yours');
    expectProblem(await send(as['focal.ma'], ['00000000-0000-4000-8000-000000000000']), 422, 'attachment-not-yours');
    expectProblem(await send(as['focal.ma'], ["1' or '1'='1"]), 400, 'validation');
    expectProblem(await send(as['focal.ma'], [file.id, file.id]), 400, 'validation');
  });

  it('answers 404 for an attachment asked through a message it is not linked to', async () => {
    const file = await uploaded(as['focal.ma'], 'linked.txt', 'linked');
    const withFile = (await send(as['focal.ma'], [file.id])).json();
    const without = (await send(as['focal.ma'], [])).json();
    const viaOther = await as['focal.es'].get(downloadUrl(without.id, file.id));
    const missing = await as['focal.es'].get(downloadUrl(withFile.id, '00000000-0000-4000-8000-000000000000'));
    expectProblem(viaOther, 404, 'not-found');
    expect(viaOther.json().detail).toBe(missing.json().detail);
    expectProblem(await as['focal.es'].get(downloadUrl('not-a-uuid', file.id)), 400, 'validation');
  });
});
