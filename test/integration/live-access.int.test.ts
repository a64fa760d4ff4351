import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream, type SseConnection, type SseEvent } from '../../bench/support/sse-fanout.js';
import { DEFAULT_LIVE_SETTINGS } from '../../src/server/modules/exchange/live/live-hub.js';
import { liveHub } from '../../src/server/modules/exchange/live/routes.js';
import { STRONG_PASSWORD } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A stream follows its user's rights at once, not at the next heartbeat (15 s, left as it is here):
 * signing out, a changed password, a revoked token or a deactivated account end the streams of
 * what was revoked within a second; a change of units or of sharing groups applies to the next
 * event. A second app on the same database stands for another process: the notice reaches it too.
 */
let t: TestApp;
let other: TestApp;
const base = { here: '', there: '' };
let sender: Client;
let orgAdmin: Client;
let platformAdmin: Client;
const unit = { es: '', esOther: '' };
const org = { es: '', sec: '' };
let budapest: string;
const opened: SseConnection[] = [];

const urlOf = (app: TestApp) => `http://127.0.0.1:${(app.app.server.address() as AddressInfo).port}/api/v1/events/stream`;

beforeAll(async () => {
  t = await startTestApp();
  other = await startTestApp({}, t.database);
  for (const app of [t, other]) {
    await app.app.listen({ port: 0, host: '127.0.0.1' });
    // The heartbeat stays at 15 s: what ends or re-checks a stream at once is the notice.
    expect(liveHub(app.app).settings.heartbeatMs).toBe(DEFAULT_LIVE_SETTINGS.heartbeatMs);
  }
  base.here = urlOf(t);
  base.there = urlOf(other);
  sender = await t.signIn('focal.ma@liaison.demo');
  orgAdmin = await t.signIn('orgadmin.es@liaison.demo');
  platformAdmin = await t.signIn('admin@liaison.demo');
  const one = async (query: ReturnType<typeof sql<{ id: string }>>) => (await query.execute(t.database.db)).rows[0].id;
  unit.es = await one(sql`select id from units where name = 'Unit against illegal immigration networks'`);
  unit.esOther = await one(sql`select id from units where name = 'Border analysis centre'`);
  org.es = await one(sql`select id from organisations where acronym = 'CGEF'`);
  org.sec = await one(sql`select id from organisations where acronym = 'RPS'`);
  budapest = await one(sql`select id from sharing_groups where name = 'Budapest Process partners'`);
});
afterAll(async () => {
  for (const connection of opened) connection.close();
  await other?.close();
  await t?.close();
});

async function stream(headers: Record<string, string>, where: 'here' | 'there' = 'here') {
  const connection = await openEventStream(base[where], headers);
  opened.push(connection);
  expect(connection.status, connection.body).toBe(200);
  await connection.waitFor((event) => event.event === 'ready');
  return connection;
}
const withCookie = (client: Client) => ({ cookie: client.cookie as string });

/** Resolves with the milliseconds the stream took to end, or fails after `limitMs`. */
async function endsWithin(connection: SseConnection, limitMs: number, started = Date.now()) {
  await Promise.race([
    connection.end,
    new Promise((_, fail) => setTimeout(() => fail(new Error(`still open after ${limitMs} ms`)), limitMs)),
  ]);
  return Date.now() - started;
}

let people = 0;
/** A fresh Spanish case worker in the given units, signed in. */
async function newCaseWorker(unitIds: string[]): Promise<{ id: string; client: Client; email: string }> {
  const email = `live.probe.${++people}@example.org`;
  const created = await orgAdmin.post('/api/v1/admin/users', {
    email,
    displayName: `Live probe ${people}`,
    password: STRONG_PASSWORD,
    organisationId: org.es,
    unitIds,
    roles: ['case_worker'],
  });
  expect(created.statusCode, created.body).toBe(201);
  return { id: created.json().id, email, client: await t.signIn(email, STRONG_PASSWORD) };
}

async function send(subject: string, handlingCode: string, distribution: unknown[], from = sender): Promise<string> {
  const response = await from.post('/api/v1/messages', { subject, body: 'Live access test.', handlingCode, distribution });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}
const about = (id: string) => (event: SseEvent) => event.data.includes(id);
const announced = (connection: SseConnection) =>
  connection.events.filter((event) => event.event === 'message.new').map((event) => JSON.parse(event.data).recordId);

describe('ending streams at once', () => {
  it('ends the stream of a session within a second of signing out, on this process and another', async () => {
    const { client } = await newCaseWorker([unit.es]);
    const here = await stream(withCookie(client), 'here');
    const there = await stream(withCookie(client), 'there');
    const started = Date.now();
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBeLessThan(300);
    await endsWithin(here, 1000, started);
    await endsWithin(there, 1000, started);
  });

  it('keeps the streams of other sessions open when one session signs out', async () => {
    const { email, client } = await newCaseWorker([unit.es]);
    const second = await t.signIn(email, STRONG_PASSWORD);
    const kept = await stream(withCookie(second));
    const ended = await stream(withCookie(client));
    await client.post('/api/v1/auth/logout');
    await endsWithin(ended, 1000);
    const id = await send('Still live', 'TLP:AMBER', [{ kind: 'unit', id: unit.es }]);
    await kept.waitFor(about(id), 2000);
    expect(kept.ended).toBe(false);
    kept.close();
  });

  it('ends the other sessions’ streams when the password changes', async () => {
    const { email, client } = await newCaseWorker([unit.es]);
    const elsewhere = await t.signIn(email, STRONG_PASSWORD);
    const connection = await stream(withCookie(elsewhere), 'there');
    const changed = await client.post('/api/v1/me/password', {
      currentPassword: STRONG_PASSWORD,
      newPassword: 'Tarfaya-compass-9035-dune',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    await endsWithin(connection, 1000);
  });

  it('ends the stream of a revoked API token', async () => {
    const { client } = await newCaseWorker([unit.es]);
    const created = await client.post('/api/v1/me/tokens', { name: 'Feed', roles: ['case_worker'], expiresInDays: 1 });
    expect(created.statusCode, created.body).toBe(201);
    const connection = await stream({ authorization: `Bearer ${created.json().token}` }, 'there');
    expect((await client.delete(`/api/v1/me/tokens/${created.json().item.id}`)).statusCode).toBe(204);
    await endsWithin(connection, 1000);
  });

  it('ends the streams of a deactivated account', async () => {
    const { id, client } = await newCaseWorker([unit.es]);
    const connection = await stream(withCookie(client), 'there');
    const deactivated = await orgAdmin.patch(`/api/v1/admin/users/${id}`, { active: false });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    await endsWithin(connection, 1000);
  });
});

describe('following a change of rights at once', () => {
  it('stops announcing TLP:RED messages of a unit the user was just removed from', async () => {
    const { id, client } = await newCaseWorker([unit.es]);
    const connection = await stream(withCookie(client), 'there');
    const before = await send('Red before the move', 'TLP:RED', [{ kind: 'unit', id: unit.es }]);
    await connection.waitFor(about(before), 2000);
    const moved = await orgAdmin.patch(`/api/v1/admin/users/${id}`, { unitIds: [unit.esOther] });
    expect(moved.statusCode, moved.body).toBe(200);
    // No pause: the very next event is filtered for who the user is now.
    const after = await send('Red after the move', 'TLP:RED', [{ kind: 'unit', id: unit.es }]);
    const toNewUnit = await send('Red to the new unit', 'TLP:RED', [{ kind: 'unit', id: unit.esOther }]);
    await connection.waitFor(about(toNewUnit), 2000);
    expect(announced(connection)).toEqual([before, toNewUnit]);
    expect(announced(connection)).not.toContain(after);
    expect(connection.ended).toBe(false);
  });

  it('follows an organisation leaving a sharing group', async () => {
    const secretariat = await t.signIn('analyst.sec@liaison.demo');
    const spain = await t.signIn('focal.es@liaison.demo');
    const connection = await stream(withCookie(secretariat), 'there');
    const toGroup = [{ kind: 'sharing_group', id: budapest }];
    const before = await send('Green to Budapest before', 'TLP:GREEN', toGroup, spain);
    await connection.waitFor(about(before), 2000);
    const left = await platformAdmin.patch(`/api/v1/admin/sharing-groups/${budapest}`, { organisationIds: [org.es] });
    expect(left.statusCode, left.body).toBe(200);
    try {
      const after = await send('Green to Budapest after', 'TLP:GREEN', toGroup, spain);
      const sentinel = await send('Clear to everyone', 'TLP:CLEAR', [{ kind: 'all_partners' }]);
      await connection.waitFor(about(sentinel), 2000);
      expect(announced(connection)).toEqual([before, sentinel]);
      expect(announced(connection)).not.toContain(after);
    } finally {
      const back = await platformAdmin.patch(`/api/v1/admin/sharing-groups/${budapest}`, {
        organisationIds: [org.es, org.sec],
      });
      expect(back.statusCode, back.body).toBe(200);
    }
  });
});
