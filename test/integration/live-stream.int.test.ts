import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureFanout, openEventStream, type SseConnection } from '../../bench/support/sse-fanout.js';
import { DEFAULT_LIVE_SETTINGS } from '../../src/server/modules/exchange/live/live-hub.js';
import { liveHub } from '../../src/server/modules/exchange/live/routes.js';
import { findUserByEmail } from '../support/fixtures.js';
import { type LiveStreamApp, ready, startLiveStreamApp } from '../support/live-stream.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The live stream over a real socket: focal.ma (Morocco) sends to Spain's named unit, where focal.es
 * and reader.es sit; Niger's focal point sees none of it. The bus polls every 100 ms here so the
 * tests are quick on a database without LISTEN too; one test turns the poll off to prove NOTIFY.
 */
let live: LiveStreamApp;
let t: TestApp;
let stream: LiveStreamApp['stream'];

beforeAll(async () => {
  live = await startLiveStreamApp(['focal.es', 'reader.es', 'focal.ne', 'analyst.es']);
  ({ t, stream } = live);
});
afterAll(async () => {
  await live?.close();
});

async function send(unitId: string, subject = 'Live stream test', code = 'TLP:AMBER'): Promise<string> {
  const response = await live.sender.post('/api/v1/messages', {
    subject,
    body: 'Confidential body text.',
    handlingCode: code,
    distribution: [{ kind: 'unit', id: unitId }],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

const about = (id: string) => (event: { data: string }) => event.data.includes(id);
const messageIds = (connection: SseConnection) =>
  connection.events.filter((event) => event.event === 'message.new').map((event) => JSON.parse(event.data).recordId);

describe('the event stream', () => {
  it('answers 401 problem+json without a session, and refuses malformed resume points', async () => {
    const anonymous = await stream(null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    const forged = await stream(null, { headers: { cookie: 'liaison_session=ses_forged' } });
    expect(forged.status).toBe(401);
    for (const query of ['?after=a%20b', "?after=1'%20or%201=1", '?after=%3B', '?limit=5']) {
      expect((await stream('focal.es', { query })).status, query).toBe(400);
    }
    expect((await stream('focal.es', { headers: { 'last-event-id': '12; drop table exchange_events' } })).status).toBe(400);
  });

  it('announces a new message by ids only, to those who may see it', async () => {
    const spain = await stream('focal.es');
    const reader = await stream('reader.es');
    const niger = await stream('focal.ne');
    expect(spain.status).toBe(200);
    expect(spain.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(spain.headers['cache-control']).toContain('no-cache');
    expect(spain.headers['x-request-id']).toBeTruthy();
    // The app's security headers reach the stream too.
    expect(spain.headers['content-security-policy']).toContain("default-src 'none'");
    expect(spain.headers['x-content-type-options']).toBe('nosniff');
    await Promise.all([ready(spain), ready(reader), ready(niger)]);
    const id = await send(live.spainUnit, '<script>alert(1)</script> Boat sighted');
    const event = await spain.waitFor(about(id));
    expect(event.event).toBe('message.new');
    // The id is the viewer's own cursor (test/integration/live-cursors.int.test.ts), not a sequence number.
    expect(event.id).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const data = JSON.parse(event.data);
    expect(Object.keys(data).sort()).toEqual(['at', 'recordId', 'recordType', 'type']);
    expect(data).toMatchObject({ type: 'message.new', recordType: 'message', recordId: id });
    expect(event.data).not.toContain('Boat');
    await reader.waitFor(about(id));
    // The Niger stream hears a later CLEAR message but never the AMBER one before it.
    const clear = await send(live.nigerUnit, 'Clear notice', 'TLP:CLEAR');
    await niger.waitFor(about(clear));
    expect(messageIds(niger)).toEqual([clear]);
    for (const connection of [spain, reader, niger]) connection.close();
  });

  it('hears events by NOTIFY alone, on both backends', async () => {
    expect(t.database.listen).toBeDefined();
    const hub = liveHub(t.app);
    hub.settings.pollMs = 60_000;
    await new Promise((resolve) => setTimeout(resolve, 150)); // let the 100 ms poll timer run out
    try {
      const spain = await stream('focal.es');
      await ready(spain);
      const id = await send(live.spainUnit);
      await spain.waitFor(about(id), 1500);
      spain.close();
    } finally {
      hub.settings.pollMs = 100;
      void hub.bus.wake();
    }
  });

  it('resumes with Last-Event-ID or ?after= with exactly the missed visible events', async () => {
    const first = await stream('analyst.es');
    const position = (await ready(first)).id as string;
    first.close();
    const missed = [await send(live.spainUnit), await send(live.nigerUnit), await send(live.spainUnit, 'x', 'TLP:GREEN')];
    // analyst.es sits in Spain's other unit: AMBER and GREEN to Spain's unit reach the organisation.
    const expected = [missed[0], missed[2]];
    for (const options of [{ headers: { 'last-event-id': position } }, { query: `?after=${position}` }]) {
      const resumed = await stream('analyst.es', options);
      const readyEvent = await ready(resumed);
      expect(messageIds(resumed)).toEqual(expected);
      // The missed events come before "ready", whose id is where a later resume starts.
      expect(resumed.events.at(-1)).toBe(readyEvent);
      resumed.close();
    }
  });

  it('has no gap and no duplicate between the missed events and live ones', async () => {
    const first = await stream('focal.es');
    const position = (await ready(first)).id as string;
    first.close();
    const sent = [await send(live.spainUnit), await send(live.spainUnit)];
    const sending = (async () => {
      for (let i = 0; i < 6; i++) sent.push(await send(live.spainUnit));
    })();
    const resumed = await stream('focal.es', { headers: { 'last-event-id': position } });
    await sending;
    await resumed.waitFor(about(sent.at(-1) as string));
    expect(messageIds(resumed)).toEqual(sent);
    resumed.close();
  });

  it('does not repeat a missed event that the bus hands over only afterwards', async () => {
    const hub = liveHub(t.app);
    hub.settings.pollMs = 60_000;
    await new Promise((resolve) => setTimeout(resolve, 150)); // let a poll already under way finish
    try {
      const first = await stream('focal.es');
      await ready(first);
      const id = await send(live.spainUnit);
      await hub.bus.wake();
      const position = (await first.waitFor(about(id))).id as string;
      first.close();
      // A committed event the bus has not read yet (inserted without NOTIFY): the resume reads it
      // as missed, then the bus delivers it to the same stream.
      await sql`insert into exchange_events (type, record_type, record_id, handling_code, originator_unit_id,
          originator_organisation_id, recipient_units, recipient_organisations, recipient_sharing_groups, to_all_partners)
        select type, record_type, record_id, handling_code, originator_unit_id, originator_organisation_id,
          recipient_units, recipient_organisations, recipient_sharing_groups, to_all_partners
        from exchange_events where record_id = ${id} and type = 'message.new'`.execute(t.database.db);
      const resumed = await stream('focal.es', { headers: { 'last-event-id': position } });
      await ready(resumed);
      await hub.bus.wake();
      const later = await send(live.spainUnit);
      await hub.bus.wake();
      await resumed.waitFor(about(later));
      expect(messageIds(resumed)).toEqual([id, later]);
      resumed.close();
    } finally {
      hub.settings.pollMs = 100;
      void hub.bus.wake();
    }
  });

  it('tells the client to refetch beyond the backlog cap or after an unknown id', async () => {
    const hub = liveHub(t.app);
    const first = await stream('focal.es');
    const position = (await ready(first)).id as string;
    first.close();
    await send(live.spainUnit);
    await send(live.spainUnit);
    await send(live.spainUnit);
    hub.settings.backlogCap = 2;
    try {
      const resumed = await stream('focal.es', { headers: { 'last-event-id': position } });
      await ready(resumed);
      expect(resumed.events.map((event) => event.event)).toEqual(['reset', 'ready']);
      resumed.close();
    } finally {
      hub.settings.backlogCap = DEFAULT_LIVE_SETTINGS.backlogCap;
    }
    const unknown = await stream('focal.es', { headers: { 'last-event-id': '999999999' } });
    await ready(unknown);
    expect(unknown.events.map((event) => event.event)).toEqual(['reset', 'ready']);
    unknown.close();
  });

  it('sends heartbeats and ends the stream once its user signs out', async () => {
    const hub = liveHub(t.app);
    hub.settings.heartbeatMs = 150;
    try {
      const client = await t.signIn('caseworker.es@liaison.demo');
      const cookie = client.cookie as string;
      const connection = await stream(null, { headers: { cookie } });
      await ready(connection);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(connection.comments).toContain('heartbeat');
      expect(connection.ended).toBe(false);
      expect((await client.post('/api/v1/auth/logout')).statusCode).toBeLessThan(300);
      await Promise.race([connection.end, new Promise((_, fail) => setTimeout(() => fail(new Error('still open')), 3000))]);
      // The browser's automatic reconnect is then refused.
      expect((await stream(null, { headers: { cookie } })).status).toBe(401);
    } finally {
      hub.settings.heartbeatMs = DEFAULT_LIVE_SETTINGS.heartbeatMs;
    }
  });

  it('serves an API token holder, and ends the stream once the token is revoked', async () => {
    const hub = liveHub(t.app);
    hub.settings.heartbeatMs = 150;
    try {
      const owner = await t.signIn('reader.es@liaison.demo');
      const created = await owner.post('/api/v1/me/tokens', { name: 'Live feed', roles: ['reader'], expiresInDays: 1 });
      expect(created.statusCode, created.body).toBe(201);
      const { token, item } = created.json();
      const connection = await stream(null, { headers: { authorization: `Bearer ${token}` } });
      expect(connection.status).toBe(200);
      await ready(connection);
      const id = await send(live.spainUnit);
      await connection.waitFor(about(id));
      expect((await owner.delete(`/api/v1/me/tokens/${item.id}`)).statusCode).toBe(204);
      await Promise.race([connection.end, new Promise((_, fail) => setTimeout(() => fail(new Error('still open')), 3000))]);
      expect((await stream(null, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    } finally {
      hub.settings.heartbeatMs = DEFAULT_LIVE_SETTINGS.heartbeatMs;
    }
  });

  it('follows a change of units at the next heartbeat, and ends when the user is deactivated', async () => {
    const hub = liveHub(t.app);
    hub.settings.heartbeatMs = 150;
    try {
      const admin = await t.signIn('orgadmin.es@liaison.demo');
      const user = await findUserByEmail(admin, 'caseworker.es@liaison.demo');
      const otherUnit = (
        await sql<{ id: string }>`select id from units where name = 'Border analysis centre'`.execute(t.database.db)
      ).rows[0].id;
      const worker = await t.signIn('caseworker.es@liaison.demo');
      const connection = await stream(null, { headers: { cookie: worker.cookie as string } });
      await ready(connection);
      const before = await send(live.spainUnit, 'Red before the move', 'TLP:RED');
      await connection.waitFor(about(before));
      // The caseworker also holds a function of the Spanish unit (which keeps them in its inbox):
      // they hand it over and move to the other unit.
      const liaison = (
        await sql<{ id: string }>`select id from unit_functions where title = 'Liaison officer for the Atlantic route'`.execute(
          t.database.db,
        )
      ).rows[0].id;
      const holders = (await admin.get(`/api/v1/directory/functions/${liaison}`)).json().holders as {
        id: string;
        userId: string;
        current: boolean;
      }[];
      const held = holders.find((holder) => holder.userId === user.id && holder.current);
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      const handedOver = await admin.patch(`/api/v1/directory/functions/${liaison}/holders/${held?.id}`, {
        endsOn: yesterday,
      });
      expect(handedOver.statusCode, handedOver.body).toBe(200);
      const moved = await admin.patch(`/api/v1/admin/users/${user.id}`, { unitIds: [otherUnit] });
      expect(moved.statusCode, moved.body).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const after = await send(live.spainUnit, 'Red after the move', 'TLP:RED');
      const toNewUnit = await send(otherUnit, 'Red to the new unit', 'TLP:RED');
      await connection.waitFor(about(toNewUnit));
      expect(messageIds(connection)).toEqual([before, toNewUnit]);
      expect(messageIds(connection)).not.toContain(after);
      expect((await admin.patch(`/api/v1/admin/users/${user.id}`, { active: false })).statusCode).toBe(200);
      await Promise.race([connection.end, new Promise((_, fail) => setTimeout(() => fail(new Error('still open')), 3000))]);
    } finally {
      hub.settings.heartbeatMs = DEFAULT_LIVE_SETTINGS.heartbeatMs;
    }
  });

  it('limits the streams one user may hold open', async () => {
    const hub = liveHub(t.app);
    hub.settings.maxStreamsPerUser = 3;
    try {
      const held = [await stream('reader.es'), await stream('reader.es'), await stream('reader.es')];
      expect(held.map((connection) => connection.status)).toEqual([200, 200, 200]);
      const refused = await stream('reader.es');
      expect(refused.status).toBe(429);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect((await stream('focal.es')).status).toBe(200);
      held[0].close();
      await expect.poll(async () => (await stream('reader.es')).status, { timeout: 3000 }).toBe(200);
    } finally {
      hub.settings.maxStreamsPerUser = DEFAULT_LIVE_SETTINGS.maxStreamsPerUser;
      live.closeStreams();
    }
  });

  it('measures the fan-out of one message to several subscribers', async () => {
    const result = await measureFanout({
      baseUrl: live.base,
      cookies: [live.cookies['focal.es'], live.cookies['reader.es'], live.cookies['analyst.es'], live.cookies['focal.es']],
      trigger: () => send(live.spainUnit),
    });
    expect(result).toMatchObject({ subscribers: 4, received: 4 });
    expect(result.p50_ms).toBeGreaterThan(0);
    expect(result.max_ms).toBeGreaterThanOrEqual(result.p99_ms as number);
    // Niger never receives it: the helper reports what arrived, not what was expected.
    const outside = await measureFanout({
      baseUrl: live.base,
      cookies: [live.cookies['focal.ne']],
      trigger: () => send(live.spainUnit),
      timeoutMs: 800,
    });
    expect(outside).toMatchObject({ subscribers: 1, received: 0, p50_ms: null });
  });
});

describe('closing the app', () => {
  it('ends open streams and does not hang', async () => {
    const other = await startTestApp();
    await other.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(other.app.server.address() as AddressInfo).port}/api/v1/events/stream`;
    const client = await other.signIn('focal.es@liaison.demo');
    const connections = [
      await openEventStream(url, { cookie: client.cookie as string }),
      await openEventStream(url, { cookie: client.cookie as string }),
    ];
    await Promise.all(connections.map(ready));
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(5000);
    await Promise.all(connections.map((connection) => connection.end));
    expect(connections.every((connection) => connection.ended)).toBe(true);
  });
});
