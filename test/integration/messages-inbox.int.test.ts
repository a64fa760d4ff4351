import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Per-unit inboxes: delivery to the units addressed (units, functions, organisations, groups),
 * archive, closing RFIs, search over everything the viewer may see, Markdown, and deliveries that
 * follow sharing-group membership.
 */
let t: TestApp;
const as: Record<string, Client> = {};
const ids: Record<string, string> = {};

interface Listed {
  messages: { id: string; subject: string; read: boolean }[];
  total: number;
  unread: number;
}

async function send(client: Client, payload: Record<string, unknown>) {
  const response = await client.post('/api/v1/messages', { body: 'Details follow.', handlingCode: 'TLP:AMBER', ...payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
async function box(client: Client, query: string): Promise<Listed> {
  const response = await client.get(`/api/v1/messages?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
const subjects = (listed: Listed) => listed.messages.map((message) => message.subject);

beforeAll(async () => {
  t = await startTestApp();
  const one = async (query: ReturnType<typeof sql<{ id: string }>>) => (await query.execute(t.database.db)).rows[0].id;
  ids.atlanticLiaison = await one(sql`select id from unit_functions where title = 'Liaison officer for the Atlantic route'`);
  ids.spain = await one(sql`select id from organisations where acronym = 'CGEF'`);
  ids.senegal = await one(sql`select id from organisations where acronym = 'DPAF'`);
  ids.atlantic = await one(sql`select id from sharing_groups where name = 'Atlantic route border units'`);
  for (const account of ['focal.ma', 'focal.es', 'analyst.es', 'caseworker.es', 'focal.sn', 'focal.ne', 'orgadmin.es']) {
    as[account] = await t.signIn(`${account}@liaison.demo`);
  }
  as.admin = await t.signIn('admin@liaison.demo');
});
afterAll(() => t.close());

describe('unit inboxes', () => {
  it('delivers a message addressed to a function to its unit, where every holder and successor reads it', async () => {
    const sent = await send(as['focal.ma'], {
      subject: 'Function-addressed inbox check',
      distribution: [{ kind: 'function', id: ids.atlanticLiaison }],
    });
    expect(sent.distribution.functions).toEqual([ids.atlanticLiaison]);
    // Both holders of the function sit in the Spanish unit; the other Spanish unit is not addressed.
    for (const holder of ['focal.es', 'caseworker.es']) {
      expect(subjects(await box(as[holder], 'box=inbox&q=Function-addressed'))).toEqual(['Function-addressed inbox check']);
    }
    expect((await box(as['analyst.es'], 'box=inbox&q=Function-addressed')).total).toBe(0);
    // The AMBER rule still lets the rest of the organisation find it by search.
    expect((await box(as['analyst.es'], 'box=all&q=Function-addressed')).total).toBe(1);
    const unknown = await as['focal.ma'].post('/api/v1/messages', {
      subject: 'x',
      body: 'x',
      handlingCode: 'TLP:GREEN',
      distribution: [{ kind: 'function', id: '00000000-0000-4000-8000-000000000000' }],
    });
    expectProblem(unknown, 422, 'invalid');
  });

  it("gives a function's successor the unit's inbox and history, and takes it from a past holder", async () => {
    const spanishUnit = (await as['focal.es'].get('/api/v1/messages/unread')).json().units[0].unitId;
    const analyst = await t.signIn('analyst.es@liaison.demo');
    const analystId = (await analyst.get('/api/v1/me')).json().id;
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const holders = `/api/v1/directory/functions/${ids.atlanticLiaison}/holders`;
    const past = await as['orgadmin.es'].post(holders, { userId: analystId, startsOn: day(-10), endsOn: day(-1) });
    expect(past.statusCode, past.body).toBe(201);
    expectProblem(await analyst.get(`/api/v1/messages?box=inbox&unitId=${spanishUnit}`), 403, 'not-your-unit');
    const now = await as['orgadmin.es'].post(holders, { userId: analystId, startsOn: day(0), note: 'Rotation' });
    expect(now.statusCode, now.body).toBe(201);
    const successor = await box(analyst, `box=inbox&unitId=${spanishUnit}&q=Function-addressed`);
    expect(subjects(successor)).toEqual(['Function-addressed inbox check']);
  });

  it('archives per unit and brings back, without losing anything', async () => {
    const sent = await send(as['focal.ma'], {
      subject: 'Archive me per unit',
      distribution: [{ kind: 'organisation', id: ids.spain }],
    });
    const archived = await as['focal.es'].post(`/api/v1/messages/${sent.id}/archive`, {});
    expect(archived.statusCode, archived.body).toBe(200);
    expect((await box(as['focal.es'], 'box=inbox&q=Archive')).total).toBe(0);
    expect(archived.json().deliveries).toEqual([{ unitId: expect.any(String), archived: true, read: false }]);
    expect(subjects(await box(as['focal.es'], 'box=archive&q=Archive'))).toEqual(['Archive me per unit']);
    // The other Spanish unit's inbox is its own.
    expect((await box(as['analyst.es'], 'box=inbox&q=Archive')).total).toBe(1);
    expect((await as['focal.es'].get(`/api/v1/messages/${sent.id}`)).statusCode).toBe(200);
    await as['focal.es'].post(`/api/v1/messages/${sent.id}/unarchive`, {});
    expect((await box(as['focal.es'], 'box=inbox&q=Archive')).total).toBe(1);
    // Not delivered to the sender's unit; invisible to Niger (404, as if it did not exist).
    expectProblem(await as['focal.ma'].post(`/api/v1/messages/${sent.id}/archive`, {}), 409, 'not-delivered');
    expectProblem(await as['focal.ne'].post(`/api/v1/messages/${sent.id}/archive`, {}), 404, 'not-found');
    // Nothing is hard-deleted, not even by hand in the database.
    for (const statement of [
      sql`delete from message_deliveries where message_id = ${sent.id}`,
      sql`delete from messages where id = ${sent.id}`,
    ]) {
      await expect(statement.execute(t.database.db)).rejects.toThrow(/never deleted/);
    }
  });

  it('lets only the asking unit close its RFI, once', async () => {
    const deadline = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const rfi = await send(as['focal.ma'], {
      kind: 'rfi',
      subject: 'Closing check RFI',
      deadline,
      distribution: [{ kind: 'organisation', id: ids.spain }],
    });
    expectProblem(await as['focal.es'].post(`/api/v1/messages/${rfi.id}/close`), 403, 'not-the-asking-unit');
    expectProblem(await as['focal.ne'].post(`/api/v1/messages/${rfi.id}/close`), 404, 'not-found');
    const closed = await as['focal.ma'].post(`/api/v1/messages/${rfi.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect(closed.json().closedAt).toEqual(expect.any(String));
    expectProblem(await as['focal.ma'].post(`/api/v1/messages/${rfi.id}/close`), 409, 'already-closed');
    const plain = await send(as['focal.ma'], { subject: 'Not an RFI', distribution: [{ kind: 'organisation', id: ids.spain }] });
    expectProblem(await as['focal.ma'].post(`/api/v1/messages/${plain.id}/close`), 409, 'not-an-rfi');
  });

  it('searches subjects and bodies by word prefixes, accents ignored, SQL metacharacters inert', async () => {
    await send(as['focal.ma'], {
      subject: 'Réseau de passeurs à Nouadhibou',
      body: "Pirogue partie le 3 ; l'équipage reste à identifier.",
      distribution: [{ kind: 'organisation', id: ids.spain }],
    });
    expect(subjects(await box(as['focal.es'], 'box=all&q=reseau%20nouadh'))).toEqual(['Réseau de passeurs à Nouadhibou']);
    expect(subjects(await box(as['focal.es'], 'box=inbox&q=EQUIPAGE'))).toEqual(['Réseau de passeurs à Nouadhibou']);
    for (const q of ["' or 1=1 --", '%', '_', '\\', '); drop table messages; --', ':*&|!']) {
      const listed = await box(as['focal.es'], `box=all&q=${encodeURIComponent(q)}`);
      expect(listed.messages.every((message) => !message.subject.includes('Nouadhibou')) || q === '%', q).toBe(true);
    }
    expect((await box(as['focal.ne'], 'box=all&q=Nouadhibou')).total).toBe(0);
  });

  it('renders the body as sanitised Markdown beside the source', async () => {
    const sent = await send(as['focal.ma'], {
      subject: 'Markdown check',
      body: '**Boat** seen at [port](https://example.org/port)\n\n<script>alert(1)</script>\n[x](javascript:alert(2))',
      distribution: [{ kind: 'organisation', id: ids.spain }],
    });
    const read = (await as['focal.es'].get(`/api/v1/messages/${sent.id}`)).json();
    expect(read.body).toContain('<script>');
    expect(read.bodyHtml).toContain('<strong>Boat</strong>');
    expect(read.bodyHtml).toContain('href="https://example.org/port"');
    expect(read.bodyHtml).not.toMatch(/<script|href="javascript/i);
  });

  it('opens only your own units, and gives unit-less accounts search instead of an inbox', async () => {
    const spanishUnit = (await as['focal.es'].get('/api/v1/messages/unread')).json().units[0].unitId;
    expectProblem(await as['focal.ma'].get(`/api/v1/messages?box=inbox&unitId=${spanishUnit}`), 403, 'not-your-unit');
    const orgadmin = await box(as['orgadmin.es'], 'box=inbox');
    expect(orgadmin).toMatchObject({ total: 0, messages: [] });
    expect((await box(as['orgadmin.es'], 'box=all&q=Archive')).total).toBe(1);
  });

  it('revokes deliveries when an organisation leaves the sharing group, and restores them when it returns', async () => {
    const sent = await send(as['focal.ma'], {
      subject: 'Group membership delivery check',
      distribution: [{ kind: 'sharing_group', id: ids.atlantic }],
    });
    const before = await box(as['focal.sn'], 'box=inbox&q=membership');
    expect(before).toMatchObject({ total: 1, unread: 1 });
    const unreadBefore = (await as['focal.sn'].get('/api/v1/messages/unread')).json().unread;
    const group = (await as.admin.get(`/api/v1/admin/sharing-groups/${ids.atlantic}`)).json();
    const members: string[] = group.organisations.map((organisation: { id: string }) => organisation.id);
    const leave = await as.admin.patch(`/api/v1/admin/sharing-groups/${ids.atlantic}`, {
      organisationIds: members.filter((id) => id !== ids.senegal),
    });
    expect(leave.statusCode, leave.body).toBe(200);
    const senegal = await t.signIn('focal.sn@liaison.demo');
    expect(await box(senegal, 'box=inbox&q=membership')).toMatchObject({ total: 0, unread: 0, messages: [] });
    expect((await senegal.get('/api/v1/messages/unread')).json().unread).toBe(unreadBefore - 1);
    expect((await senegal.get(`/api/v1/messages/${sent.id}`)).statusCode).toBe(404);
    const back = await as.admin.patch(`/api/v1/admin/sharing-groups/${ids.atlantic}`, { organisationIds: members });
    expect(back.statusCode, back.body).toBe(200);
    const again = await t.signIn('focal.sn@liaison.demo');
    expect(await box(again, 'box=inbox&q=membership')).toMatchObject({ total: 1, unread: 1 });
  });
});
