/** Idempotency keys: a retried create is answered from the first reply instead of being stored twice. */
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerClient, expectProblem, type Response } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { alertPayload, type DemoIds, demoIds } from './alerts-fixtures.js';

let t: TestApp;
let ids: DemoIds;
const as: Record<string, Client> = {};

beforeAll(async () => {
  t = await startTestApp();
  ids = await demoIds(t);
  for (const account of ['focal.ma', 'focal.es', 'analyst.ma', 'focal.sn']) {
    as[account] = await t.signIn(`${account}@liaison.demo`);
  }
});
afterAll(() => t?.close());

const keyed = (key: string) => ({ 'idempotency-key': key });
const message = (subject: string) => ({
  subject,
  body: 'Details follow.',
  handlingCode: 'TLP:GREEN',
  distribution: [{ kind: 'unit', id: ids.unit.es }],
});
const box = async (client: Client, query: string) => {
  const response = await client.get(`/api/v1/messages?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { total: number; messages: { id: string; subject: string }[] };
};
const replayed = (response: Response) => response.headers['idempotent-replayed'];
/** A made-up word that message search finds as one word (a UUID splits into numbers and words). */
const word = () => `zq${randomUUID().replace(/[^a-f]/g, '')}`;

describe('Idempotency-Key on create routes', () => {
  it('stores a message sent twice with the same key once, and replays the first answer', async () => {
    const key = randomUUID();
    const marker = word();
    const subject = `Retried ${marker}`;
    const first = await as['focal.ma'].post('/api/v1/messages', message(subject), keyed(key));
    expect(first.statusCode, first.body).toBe(201);
    expect(replayed(first)).toBeUndefined();
    const second = await as['focal.ma'].post('/api/v1/messages', message(subject), keyed(key));
    expect(second.statusCode, second.body).toBe(201);
    expect(replayed(second)).toBe('true');
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.json()).toEqual(first.json());

    const q = `&q=${marker}`;
    expect((await box(as['focal.ma'], `box=sent${q}`)).total).toBe(1);
    expect((await box(as['focal.es'], `box=inbox${q}`)).total).toBe(1);
  });

  it('stores an alert issued twice with the same key once', async () => {
    const key = randomUUID();
    const payload = alertPayload({ title: `Alert ${key}` });
    const first = await as['focal.ma'].post('/api/v1/alerts', payload, keyed(key));
    expect(first.statusCode, first.body).toBe(201);
    const second = await as['focal.ma'].post('/api/v1/alerts', payload, keyed(key));
    expect(second.statusCode).toBe(201);
    expect(replayed(second)).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    const stored = await sql<{ n: number }>`select count(*)::int as n from alerts where title = ${`Alert ${key}`}`.execute(
      t.database.db,
    );
    expect(stored.rows[0].n).toBe(1);
  });

  it('refuses the same key with another body or on another route, running nothing', async () => {
    const key = randomUUID();
    const marker = word();
    expect((await as['focal.ma'].post('/api/v1/messages', message(`First ${marker}`), keyed(key))).statusCode).toBe(201);
    const otherBody = await as['focal.ma'].post('/api/v1/messages', message(`Second ${marker}`), keyed(key));
    expectProblem(otherBody, 422, 'idempotency-key-reused');
    const otherRoute = await as['focal.ma'].post('/api/v1/alerts', alertPayload({ title: `Alert ${key}` }), keyed(key));
    expectProblem(otherRoute, 422, 'idempotency-key-reused');
    expect((await box(as['focal.ma'], `box=sent&q=${marker}`)).total).toBe(1);
    const alerts = await sql<{ n: number }>`select count(*)::int as n from alerts where title = ${`Alert ${key}`}`.execute(
      t.database.db,
    );
    expect(alerts.rows[0].n).toBe(0);
  });

  it("keeps keys per user: another user's same key never replays the first user's answer", async () => {
    const key = randomUUID();
    const mine = await as['focal.ma'].post('/api/v1/messages', message(`Private ${key}`), keyed(key));
    expect(mine.statusCode, mine.body).toBe(201);
    // Another user of the same organisation, then of another one, with the same key and the same body.
    for (const other of ['analyst.ma', 'focal.sn']) {
      const theirs = await as[other].post('/api/v1/messages', message(`Private ${key}`), keyed(key));
      expect(theirs.statusCode, theirs.body).toBe(201);
      expect(replayed(theirs)).toBeUndefined();
      expect(theirs.json().id).not.toBe(mine.json().id);
    }
    // And with a body of their own: their message is sent, nothing of the first user's comes back.
    const own = await as['focal.es'].post(
      '/api/v1/messages',
      { ...message(`Own ${key}`), distribution: [{ kind: 'unit', id: ids.unit.ma }] },
      keyed(key),
    );
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().subject).toBe(`Own ${key}`);
    expect(own.body).not.toContain(mine.json().id);
  });

  it('behaves as before without the header', async () => {
    const marker = word();
    const subject = `Unkeyed ${marker}`;
    const first = await as['focal.ma'].post('/api/v1/messages', message(subject));
    const second = await as['focal.ma'].post('/api/v1/messages', message(subject));
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(replayed(second)).toBeUndefined();
    expect(second.json().id).not.toBe(first.json().id);
    expect((await box(as['focal.ma'], `box=sent&q=${marker}`)).total).toBe(2);
  });

  it('replays a refusal (4xx) too, and a key works across the same user’s session and API token', async () => {
    const key = randomUUID();
    const missing = `/api/v1/messages/${randomUUID()}/forward`;
    const forward = { distribution: [{ kind: 'unit', id: ids.unit.es }] };
    const first = await as['focal.ma'].post(missing, forward, keyed(key));
    expectProblem(first, 404, 'not-found');
    const again = await as['focal.ma'].post(missing, forward, keyed(key));
    expectProblem(again, 404, 'not-found');
    expect(replayed(again)).toBe('true');

    const created = await as['focal.ma'].post('/api/v1/me/tokens', { name: 'Sync', roles: ['focal_point'], expiresInDays: 1 });
    const token = bearerClient(t, created.json().token);
    const viaToken = await token.post(missing, forward, keyed(key));
    expect(viaToken.statusCode).toBe(404);
    expect(replayed(viaToken)).toBe('true');
  });

  it('keeps stored answers encrypted: a replayed API token secret is not readable in the database', async () => {
    const key = randomUUID();
    const body = { name: `Replayed ${key}`, roles: ['focal_point'], expiresInDays: 1 };
    const first = await as['focal.ma'].post('/api/v1/me/tokens', body, keyed(key));
    expect(first.statusCode, first.body).toBe(201);
    const second = await as['focal.ma'].post('/api/v1/me/tokens', body, keyed(key));
    expect(replayed(second)).toBe('true');
    expect(second.json().token).toBe(first.json().token);
    expect(
      (await as['focal.ma'].get('/api/v1/me/tokens')).json().items.filter((i: { name: string }) => i.name === body.name),
    ).toHaveLength(1);
    const rows = await sql`select * from idempotency_keys where key = ${key}`.execute(t.database.db);
    expect(rows.rows).toHaveLength(1);
    const stored = JSON.stringify(rows.rows[0]);
    expect(stored).not.toContain(first.json().token.slice(4));
    expect(stored).not.toContain(body.name);
  });

  it('forgets a key after 24 hours, and a first request that never finished after 10 minutes', async () => {
    const key = randomUUID();
    const marker = word();
    const first = await as['focal.ma'].post('/api/v1/messages', message(`Expiring ${marker}`), keyed(key));
    expect(first.statusCode, first.body).toBe(201);
    await sql`update idempotency_keys set created_at = now() - interval '25 hours' where key = ${key}`.execute(t.database.db);
    const later = await as['focal.ma'].post('/api/v1/messages', message(`Expiring ${marker}`), keyed(key));
    expect(later.statusCode, later.body).toBe(201);
    expect(replayed(later)).toBeUndefined();
    expect(later.json().id).not.toBe(first.json().id);
    // As if the process had died while running the request: no reply was ever stored.
    await sql`update idempotency_keys set response_status = null, created_at = now() - interval '5 minutes'
      where key = ${key}`.execute(t.database.db);
    expectProblem(
      await as['focal.ma'].post('/api/v1/messages', message(`Expiring ${marker}`), keyed(key)),
      409,
      'idempotency-key-in-flight',
    );
    await sql`update idempotency_keys set created_at = now() - interval '11 minutes' where key = ${key}`.execute(t.database.db);
    const resumed = await as['focal.ma'].post('/api/v1/messages', message(`Expiring ${marker}`), keyed(key));
    expect(resumed.statusCode, resumed.body).toBe(201);
    expect((await box(as['focal.ma'], `box=sent&q=${marker}`)).total).toBe(3);
  });

  it('refuses a malformed key with 400', async () => {
    for (const key of ['', 'x'.repeat(201), 'clé-accentuée']) {
      const response = await as['focal.ma'].request({
        method: 'POST',
        url: '/api/v1/messages',
        payload: message('Malformed key'),
        headers: { 'idempotency-key': key },
      } as InjectOptions);
      expectProblem(response, 400, 'invalid-idempotency-key');
    }
    expect((await box(as['focal.ma'], 'box=sent&q=Malformed')).total).toBe(0);
    // The longest key and any printable ASCII are fine.
    const long = await as['focal.ma'].post('/api/v1/messages', message('Long key'), keyed(`${'k'.repeat(190)} !~{}/=+`));
    expect(long.statusCode, long.body).toBe(201);
  });

  it('answers 409 while the first request with the key is still running', async () => {
    const key = randomUUID();
    const boundary = 'liaison-idempotency-boundary';
    const upload = (payload: PassThrough | Buffer) =>
      as['focal.ma'].request({
        method: 'POST',
        url: '/api/v1/attachments',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'idempotency-key': key },
        payload,
      } as InjectOptions);
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.txt"\r\nContent-Type: text/plain\r\n\r\n`;
    const tail = `slow upload\r\n--${boundary}--\r\n`;
    // The first upload's body arrives slowly: the handler is still reading it.
    const slow = new PassThrough();
    slow.write(head);
    const first = upload(slow);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const meanwhile = await upload(Buffer.from(head + tail));
    expectProblem(meanwhile, 409, 'idempotency-key-in-flight');
    slow.end(tail);
    const done = await first;
    expect(done.statusCode, done.body).toBe(201);
    const retried = await upload(Buffer.from(head + tail));
    expect(retried.statusCode).toBe(201);
    expect(replayed(retried)).toBe('true');
    expect(retried.json().id).toBe(done.json().id);
  });
});
