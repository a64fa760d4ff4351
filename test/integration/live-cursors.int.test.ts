import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SseConnection, SseEvent } from '../../bench/support/sse-fanout.js';
import { type LiveStreamApp, ready, startLiveStreamApp } from '../support/live-stream.js';

/**
 * The `id:` of a stream event is the viewer's own opaque cursor, not the event log's sequence
 * number: a viewer who may see one event in six must not learn that five came before it, nor match
 * ids with another user. A cursor resumes only the stream of the user it was given to.
 */
let live: LiveStreamApp;
let stream: LiveStreamApp['stream'];

beforeAll(async () => {
  live = await startLiveStreamApp(['focal.es', 'reader.es', 'focal.ne']);
  stream = live.stream;
});
afterAll(async () => {
  await live?.close();
});

const about = (id: string) => (event: SseEvent) => event.data.includes(id);
const kinds = (connection: SseConnection) => connection.events.map((event) => event.event);

async function send(subject: string, handlingCode = 'TLP:AMBER'): Promise<string> {
  const response = await live.sender.post('/api/v1/messages', {
    subject,
    body: 'Cursor test.',
    handlingCode,
    distribution: [{ kind: 'unit', id: live.spainUnit }],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

describe('stream cursors', () => {
  it('gives each viewer its own opaque id for the same event, and no sequence number', async () => {
    const spain = await stream('focal.es');
    const reader = await stream('reader.es');
    await Promise.all([ready(spain), ready(reader)]);
    // Events the Spanish viewers do not see, then one they do.
    const hidden = await live.sender.post('/api/v1/messages', {
      subject: 'Not for Spain',
      body: 'x',
      handlingCode: 'TLP:RED',
      distribution: [{ kind: 'unit', id: live.nigerUnit }],
    });
    expect(hidden.statusCode, hidden.body).toBe(201);
    const id = await send('Seen by both');
    const [a, b] = await Promise.all([spain.waitFor(about(id)), reader.waitFor(about(id))]);
    for (const event of [a, b, spain.events[0], reader.events[0]]) {
      expect(event.id).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      expect(event.id).not.toMatch(/^[0-9]+$/);
    }
    expect(a.id).not.toBe(b.id);
    // Nor does their length tell how far along the event log is.
    expect(new Set([a, b, spain.events[0], reader.events[0]].map((event) => event.id?.length)).size).toBe(1);
    expect(Object.keys(JSON.parse(a.data)).sort()).toEqual(['at', 'recordId', 'recordType', 'type']);
    expect(JSON.parse((await ready(spain)).data)).toEqual({});
    // The same position is a different cursor each time it is given, even to the same viewer.
    const again = await stream('focal.es');
    expect((await ready(again)).id).not.toBe((await ready(spain)).id);
    for (const connection of [spain, reader, again]) connection.close();
  });

  it('resumes from its own cursor, by Last-Event-ID or ?after=', async () => {
    const first = await stream('focal.es');
    const position = (await ready(first)).id as string;
    first.close();
    const missed = [await send('Missed one'), await send('Missed two')];
    for (const [headers, query] of [
      [{ 'last-event-id': position }, ''],
      [{}, `?after=${position}`],
    ] as const) {
      const resumed = await stream('focal.es', { headers, query });
      await ready(resumed);
      expect(kinds(resumed)).toEqual(['message.new', 'message.new', 'ready']);
      expect(resumed.events.slice(0, 2).map((event) => JSON.parse(event.data).recordId)).toEqual(missed);
      // A cursor from the resumed stream resumes too.
      const from = resumed.events[0].id as string;
      resumed.close();
      const again = await stream('focal.es', { headers: { 'last-event-id': from } });
      await ready(again);
      expect(
        again.events.filter((event) => event.event === 'message.new').map((event) => JSON.parse(event.data).recordId),
      ).toEqual(missed.slice(1));
      again.close();
    }
  });

  it('refuses another user’s cursor, a made-up one or an old numeric id with a reset, never a backlog', async () => {
    const spain = await stream('focal.es');
    const position = (await ready(spain)).id as string;
    spain.close();
    await send('After the Spanish position');
    const forged = [
      position, // focal.es's own cursor, offered by someone else
      randomBytes(43).toString('base64url'),
      `${position.slice(0, -2)}${position.endsWith('AA') ? 'AB' : 'AA'}`,
      '1',
      '0',
    ];
    for (const cursor of forged) {
      const niger = await stream('focal.ne', { headers: { 'last-event-id': cursor } });
      expect(niger.status, cursor).toBe(200);
      await ready(niger);
      expect(kinds(niger), cursor).toEqual(['reset', 'ready']);
      niger.close();
    }
    // focal.es's cursor also fails for a colleague who could see the same events.
    const reader = await stream('reader.es', { headers: { 'last-event-id': position } });
    await ready(reader);
    expect(kinds(reader)).toEqual(['reset', 'ready']);
    reader.close();
  });

  it('answers 400 problem+json to what cannot be a cursor', async () => {
    for (const cursor of ['12; drop table exchange_events', 'a'.repeat(129), 'abc def', '../../etc']) {
      const refused = await stream('focal.es', { headers: { 'last-event-id': cursor } });
      expect(refused.status, cursor).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    for (const query of ['?after=%27%20or%201=1', '?after=', '?after=a%2Bb']) {
      expect((await stream('focal.es', { query })).status, query).toBe(400);
    }
  });
});
