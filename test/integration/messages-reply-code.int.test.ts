import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A reply stays under its thread's handling code or a stricter one, as a forward does: answering a
 * TLP:RED message under TLP:CLEAR would publish what the thread shared with named units only.
 * focal.ma (Morocco) writes to Spain's unit; focal.es answers.
 */
let t: TestApp;
let morocco: Client;
let spain: Client;
const unit = { ma: '', es: '' };

beforeAll(async () => {
  t = await startTestApp();
  const id = async (name: string) =>
    (await sql<{ id: string }>`select id from units where name = ${name}`.execute(t.database.db)).rows[0].id;
  unit.ma = await id('National anti-smuggling unit');
  unit.es = await id('Unit against illegal immigration networks');
  morocco = await t.signIn('focal.ma@liaison.demo');
  spain = await t.signIn('focal.es@liaison.demo');
});
afterAll(() => t?.close());

async function thread(handlingCode: string): Promise<string> {
  const response = await morocco.post('/api/v1/messages', {
    subject: `Thread under ${handlingCode}`,
    body: 'Boat sighted off Tarfaya.',
    handlingCode,
    distribution: [{ kind: 'unit', id: unit.es }],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

const reply = (inReplyTo: string, handlingCode: string) =>
  spain.post('/api/v1/messages', {
    subject: 'Re: the thread',
    body: 'We saw it too.',
    handlingCode,
    distribution: [{ kind: 'unit', id: unit.ma }],
    inReplyTo,
  });

const sentBox = async () => {
  const response = await spain.get('/api/v1/messages?box=sent');
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { messages: { id: string }[]; total: number };
};

describe('the handling code of a reply', () => {
  it('refuses a reply that loosens a TLP:RED thread, and stores nothing of it', async () => {
    const red = await thread('TLP:RED');
    const before = await sentBox();
    for (const code of ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT']) {
      const body = expectProblem(await reply(red, code), 422, 'reply-loosens-handling-code');
      expect(body.detail, code).toContain('TLP:RED');
      expect(body).toMatchObject({ threadHandlingCode: 'TLP:RED' });
    }
    const after = await sentBox();
    expect(after.total).toBe(before.total);
    expect(after.messages.map((m) => m.id)).toEqual(before.messages.map((m) => m.id));
    const shown = (await morocco.get(`/api/v1/messages/${red}`)).json() as { thread: { id: string }[] };
    expect(shown.thread.map((m) => m.id)).toEqual([red]);
  });

  it('accepts a reply under the same code', async () => {
    const red = await thread('TLP:RED');
    const response = await reply(red, 'TLP:RED');
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ handlingCode: 'TLP:RED', threadId: red, inReplyTo: red });
  });

  it('accepts a stricter reply, and refuses a looser one, in a TLP:AMBER thread', async () => {
    const amber = await thread('TLP:AMBER');
    for (const code of ['TLP:RED', 'TLP:AMBER+STRICT', 'TLP:AMBER']) {
      const response = await reply(amber, code);
      expect(response.statusCode, `${code}: ${response.body}`).toBe(201);
    }
    for (const code of ['TLP:GREEN', 'TLP:CLEAR']) {
      expectProblem(await reply(amber, code), 422, 'reply-loosens-handling-code');
    }
  });

  it('still answers 404 for a message the sender may not see, whatever the code', async () => {
    const red = await thread('TLP:RED');
    const outsider = await t.signIn('focal.ne@liaison.demo');
    const response = await outsider.post('/api/v1/messages', {
      subject: 'Re',
      body: 'Guessing.',
      handlingCode: 'TLP:CLEAR',
      distribution: [{ kind: 'unit', id: unit.ma }],
      inReplyTo: red,
    });
    expectProblem(response, 404, 'not-found');
  });
});
