import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
/** The unit of each demo organisation's focal point, and of the Spanish analyst. */
const unit: Record<string, string> = {};
const lastUnit: Record<string, string> = {};
const group: Record<string, string> = {};
const as: Record<string, Client> = {};

interface Message {
  id: string;
  threadId: string;
  subject: string;
  body: string;
  status: string | null;
  handlingCode: string;
  read: boolean;
  thread: { id: string }[];
  acknowledgements: { unitId: string }[];
}

async function send(client: Client, payload: Record<string, unknown>): Promise<Message> {
  const response = await client.post('/api/v1/messages', { body: 'Details follow.', ...payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
const toUnit = (id: string) => [{ kind: 'unit', id }];
const inbox = async (client: Client, query = '') => {
  const response = await client.get(`/api/v1/messages?box=inbox${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Promise<{ messages: Message[]; total: number; unread: number }>;
};

beforeAll(async () => {
  t = await startTestApp();
  // Focal points sit in their organisation's first unit, analysts in its last (src/server/demo/demo-data.ts).
  const first = [
    'National anti-smuggling unit',
    'Unit against illegal immigration networks',
    'Anti-trafficking division',
    'Anti-smuggling unit Agadez',
  ];
  const units = await sql<{ acronym: string; id: string; name: string }>`select o.acronym, u.id, u.name from units u
    join organisations o on o.id = u.organisation_id`.execute(t.database.db);
  for (const row of units.rows) {
    if (first.includes(row.name)) unit[row.acronym] = row.id;
    if (row.name === 'Border analysis centre') lastUnit[row.acronym] = row.id;
  }
  const groups = await sql<{ id: string; name: string }>`select id, name from sharing_groups`.execute(t.database.db);
  for (const row of groups.rows) group[row.name] = row.id;
  for (const account of ['focal.ma', 'focal.es', 'analyst.es', 'reader.es', 'focal.sn', 'focal.ne']) {
    as[account] = await t.signIn(`${account}@liaison.demo`);
  }
});
afterAll(() => t.close());

describe('messages between units', () => {
  it('delivers a TLP:AMBER message to the recipient organisation, acknowledged per unit, and to no one else', async () => {
    const sent = await send(as['focal.ma'], {
      subject: 'Boat departures from Tarfaya <script>alert(1)</script>',
      handlingCode: 'TLP:AMBER',
      distribution: toUnit(unit.CGEF),
    });
    expect(sent.subject).toContain('<script>');
    const box = await inbox(as['focal.es']);
    expect(box.messages.map((m) => m.id)).toContain(sent.id);
    expect(box.messages.find((m) => m.id === sent.id)?.read).toBe(false);
    const unreadBefore = box.unread;
    // Same organisation, other unit: TLP:AMBER reaches the recipient organisation.
    expect((await as['analyst.es'].get(`/api/v1/messages/${sent.id}`)).statusCode).toBe(200);
    // Another organisation: the same 404 as an unknown id, and nothing in its inbox or counts.
    expectProblem(await as['focal.sn'].get(`/api/v1/messages/${sent.id}`), 404, 'not-found');
    expect((await inbox(as['focal.sn'])).messages.map((m) => m.id)).not.toContain(sent.id);

    const acknowledged = await as['focal.es'].post(`/api/v1/messages/${sent.id}/acknowledge`, {});
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    expect((await inbox(as['focal.es'])).unread).toBe(unreadBefore - 1);
    const seenBySender = (await as['focal.ma'].get(`/api/v1/messages/${sent.id}`)).json() as Message;
    expect(seenBySender.acknowledgements.map((a) => a.unitId)).toEqual([unit.CGEF]);
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where action = 'message.read' and target_id = ${sent.id}`.execute(t.database.db);
    expect(audit.rows[0].n).toBeGreaterThan(0);
  });

  it('keeps TLP:RED to the named unit and never forwards it', async () => {
    const red = await send(as['focal.ma'], {
      subject: 'Informant report',
      handlingCode: 'TLP:RED',
      distribution: toUnit(unit.CGEF),
    });
    expect((await as['focal.es'].get(`/api/v1/messages/${red.id}`)).statusCode).toBe(200);
    expectProblem(await as['analyst.es'].get(`/api/v1/messages/${red.id}`), 404, 'not-found');
    const refused = expectProblem(
      await as['focal.es'].post(`/api/v1/messages/${red.id}/forward`, { distribution: toUnit(unit.CGEF) }),
      422,
      'forward-red',
    );
    expect(refused.detail).toMatch(/TLP:RED/);
    const denied = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where action = 'message.forward' and outcome = 'denied' and target_id = ${red.id}`.execute(t.database.db);
    expect(denied.rows[0].n).toBe(1);
  });

  it('forwards TLP:AMBER inside the recipient organisations only, and TLP:GREEN within its community', async () => {
    const amber = await send(as['focal.ma'], {
      subject: 'Route change',
      handlingCode: 'TLP:AMBER',
      distribution: toUnit(unit.CGEF),
    });
    const inside = await as['focal.es'].post(`/api/v1/messages/${amber.id}/forward`, {
      distribution: toUnit(lastUnit.CGEF),
      note: 'For your analysis.',
    });
    expect(inside.statusCode, inside.body).toBe(201);
    expect((inside.json() as Message).body).toMatch(/^For your analysis\.[\s\S]*> Details follow\./);
    expectProblem(
      await as['focal.es'].post(`/api/v1/messages/${amber.id}/forward`, { distribution: toUnit(unit.DPAF) }),
      422,
      'forward-widens-audience',
    );
    expectProblem(
      await as['focal.es'].post(`/api/v1/messages/${amber.id}/forward`, {
        distribution: toUnit(lastUnit.CGEF),
        handlingCode: 'TLP:GREEN',
      }),
      422,
      'forward-looser-code',
    );

    const green = await send(as['focal.ma'], {
      subject: 'New modus operandi',
      handlingCode: 'TLP:GREEN',
      distribution: [{ kind: 'sharing_group', id: group['Atlantic route border units'] }],
    });
    expect((await as['focal.sn'].get(`/api/v1/messages/${green.id}`)).statusCode).toBe(200);
    expectProblem(await as['focal.ne'].get(`/api/v1/messages/${green.id}`), 404, 'not-found');
    expect(
      (await as['focal.sn'].post(`/api/v1/messages/${green.id}/forward`, { distribution: toUnit(unit.CGEF) })).statusCode,
    ).toBe(201);
    expectProblem(
      await as['focal.sn'].post(`/api/v1/messages/${green.id}/forward`, { distribution: toUnit(unit.DST) }),
      422,
      'forward-widens-audience',
    );
  });

  it('tracks a request for information until the other unit answers, in one thread', async () => {
    expectProblem(
      await as['focal.ma'].post('/api/v1/messages', {
        kind: 'rfi',
        subject: 'Vessel check',
        body: 'Is this vessel known?',
        handlingCode: 'TLP:AMBER',
        distribution: toUnit(unit.CGEF),
      }),
      422,
      'deadline-required',
    );
    const deadline = new Date(Date.now() + 86_400_000).toISOString();
    const rfi = await send(as['focal.ma'], {
      kind: 'rfi',
      subject: 'Vessel check',
      handlingCode: 'TLP:AMBER',
      distribution: toUnit(unit.CGEF),
      deadline,
      priority: 'urgent',
    });
    expect(rfi.status).toBe('open');
    const answer = await send(as['focal.es'], {
      subject: 'Re: Vessel check',
      body: 'Known to us since May.',
      handlingCode: 'TLP:AMBER',
      distribution: toUnit(unit.DMSF),
      inReplyTo: rfi.id,
    });
    expect(answer.threadId).toBe(rfi.id);
    const after = (await as['focal.ma'].get(`/api/v1/messages/${rfi.id}`)).json() as Message;
    expect(after.status).toBe('answered');
    expect(after.thread.map((m) => m.id)).toEqual([rfi.id, answer.id]);
    const rfis = await inbox(as['focal.es'], '&kind=rfi');
    expect(rfis.messages.every((m) => m.id !== answer.id)).toBe(true);
  });

  it('refuses readers, strangers and bad input with problem details, storing nothing', async () => {
    const before = await sql<{ n: number }>`select count(*)::int as n from messages`.execute(t.database.db);
    const valid = { subject: 'x', body: 'y', handlingCode: 'TLP:GREEN', distribution: toUnit(unit.CGEF) };
    expectProblem(await as['reader.es'].post('/api/v1/messages', valid), 403, 'forbidden');
    expectProblem(await t.anonymous().get('/api/v1/messages'), 401, 'unauthenticated');
    expectProblem(await as['focal.ma'].post('/api/v1/messages', { ...valid, body: 'x'.repeat(100_001) }), 400, 'validation');
    expectProblem(await as['focal.ma'].post('/api/v1/messages', { ...valid, handlingCode: 'TLP:PURPLE' }), 400, 'validation');
    expectProblem(await as['focal.ma'].post('/api/v1/messages', { ...valid, fromUnitId: unit.CGEF }), 403, 'not-your-unit');
    expectProblem(
      await as['focal.ma'].post('/api/v1/messages', { ...valid, distribution: toUnit('00000000-0000-4000-8000-000000000000') }),
      422,
      'invalid',
    );
    expectProblem(await as['focal.ma'].get("/api/v1/messages/' or 1=1 --"), 400, 'validation');
    const search = await as['focal.es'].get(`/api/v1/messages?q=${encodeURIComponent("%' or 1=1 --")}`);
    expect(search.statusCode).toBe(200);
    expect(search.json().messages).toEqual([]);
    const after = await sql<{ n: number }>`select count(*)::int as n from messages`.execute(t.database.db);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});
