import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

/** Opening a thread reads it whole: every message of it the reader may see leaves their unread count. */
let t: TestApp;
const as: Record<string, Client> = {};
let spanishUnit: string;

async function send(client: Client, payload: Record<string, unknown>) {
  const response = await client.post('/api/v1/messages', { body: 'Details follow.', handlingCode: 'TLP:AMBER', ...payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
const unread = async (client: Client) => (await client.get('/api/v1/messages/unread')).json().unread as number;
async function inbox(client: Client, q: string) {
  const response = await client.get(`/api/v1/messages?box=inbox&unitId=${spanishUnit}&q=${encodeURIComponent(q)}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { messages: { subject: string; read: boolean }[]; unread: number };
}

beforeAll(async () => {
  t = await startTestApp();
  for (const account of ['focal.ma', 'focal.es', 'focal.sn']) as[account] = await t.signIn(`${account}@liaison.demo`);
  spanishUnit = (await as['focal.es'].get('/api/v1/messages/unread')).json().units[0].unitId;
});
afterAll(() => t.close());

describe('reading a thread', () => {
  it('marks every message of the thread read for the reader’s unit, not only the one opened', async () => {
    const to = [{ kind: 'unit', id: spanishUnit }];
    const first = await send(as['focal.ma'], { subject: 'Threadread first', distribution: to });
    const second = await send(as['focal.ma'], { subject: 'Threadread second', distribution: to, inReplyTo: first.id });
    const before = await unread(as['focal.es']);
    expect((await inbox(as['focal.es'], 'Threadread')).messages.map((m) => m.read)).toEqual([false, false]);

    const marked = await as['focal.es'].post(`/api/v1/messages/${second.id}/read`, {});
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().unread).toBe(before - 2);
    expect(await unread(as['focal.es'])).toBe(before - 2);
    const listed = await inbox(as['focal.es'], 'Threadread');
    expect(listed.messages.map((m) => m.read)).toEqual([true, true]);
    expect(listed.unread).toBe(0);
    // Reading is not acknowledging: the sender still sees nobody acknowledged.
    expect((await as['focal.ma'].get(`/api/v1/messages/${first.id}`)).json().acknowledgements).toEqual([]);
    // Again: nothing changes.
    expect((await as['focal.es'].post(`/api/v1/messages/${first.id}/read`, {})).json().unread).toBe(before - 2);
  });

  it('leaves out what the reader may not see, and hides threads they may not see', async () => {
    const first = await send(as['focal.ma'], { subject: 'Threadread hidden', distribution: [{ kind: 'unit', id: spanishUnit }] });
    // Senegal may not see an AMBER message between Morocco and Spain: as unknown as a missing one.
    expectProblem(await as['focal.sn'].post(`/api/v1/messages/${first.id}/read`, {}), 404, 'not-found');
    expectProblem(await as['focal.sn'].post('/api/v1/messages/00000000-0000-4000-8000-000000000000/read', {}), 404, 'not-found');
    expect((await inbox(as['focal.es'], 'Threadread hidden')).messages.map((m) => m.read)).toEqual([false]);
    expect((await t.anonymous().post(`/api/v1/messages/${first.id}/read`, {})).statusCode).toBe(401);
  });
});
