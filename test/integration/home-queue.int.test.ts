import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { type DemoIds, demoIds, inDays, issue } from './alerts-fixtures.js';

/** What Home asks the server: open RFIs of my units by deadline, and new alerts concerning me. */

let t: TestApp;
let ids: DemoIds;
const as: Record<string, Client> = {};

interface OpenRfi {
  id: string;
  subject: string;
  deadline: string;
  status: string;
  asked: boolean;
}
interface OpenRfis {
  rfis: OpenRfi[];
  total: number;
  overdue: number;
}

async function openRfis(client: Client, query = ''): Promise<OpenRfis> {
  const response = await client.get(`/api/v1/messages/open-rfis${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function rfi(client: Client, subject: string, unitId: string, handlingCode = 'TLP:AMBER', days = 3) {
  const response = await client.post('/api/v1/messages', {
    kind: 'rfi',
    subject,
    body: 'Please answer.',
    handlingCode,
    distribution: [{ kind: 'unit', id: unitId }],
    deadline: inDays(days),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Promise<{ id: string }>;
}

beforeAll(async () => {
  t = await startTestApp();
  ids = await demoIds(t);
  for (const account of ['focal.ma', 'focal.es', 'reader.es', 'analyst.es', 'focal.sn', 'orgadmin.es']) {
    as[account] = await t.signIn(`${account}@liaison.demo`);
  }
});
afterAll(() => t.close());

describe('open RFIs of my units (GET /api/v1/messages/open-rfis)', () => {
  let later: { id: string };
  let overdue: { id: string };
  let secret: { id: string };

  beforeAll(async () => {
    later = await rfi(as['focal.ma'], 'Crossings next week', ids.unit.es, 'TLP:AMBER', 5);
    overdue = await rfi(as['focal.ma'], 'Boat registrations', ids.unit.es, 'TLP:GREEN', 2);
    secret = await rfi(as['focal.ma'], 'Informant report', ids.unit.es, 'TLP:RED', 1);
    // A deadline is in the future when asked; time passes.
    await sql`update messages set deadline = now() - interval '1 day' where id = ${overdue.id}`.execute(t.database.db);
  });

  it('lists what my unit must answer, overdue first, then the soonest deadline', async () => {
    const answer = await openRfis(as['focal.es']);
    const mine = answer.rfis.map((each) => each.id).filter((id) => [later.id, overdue.id, secret.id].includes(id));
    expect(mine).toEqual([overdue.id, secret.id, later.id]);
    expect(answer.rfis.find((each) => each.id === overdue.id)).toMatchObject({ status: 'overdue', asked: false });
    expect(answer.overdue).toBeGreaterThanOrEqual(1);
    expect(answer.total).toBeGreaterThanOrEqual(3);
    const deadlines = answer.rfis.map((each) => each.deadline);
    expect([...deadlines].sort()).toEqual(deadlines);
  });

  it('lists what my unit asked, marked as asked', async () => {
    const answer = await openRfis(as['focal.ma']);
    expect(answer.rfis.filter((each) => [later.id, overdue.id].includes(each.id)).every((each) => each.asked)).toBe(true);
  });

  it("a reader of the unit sees its RFIs; another unit's or another organisation's people never do", async () => {
    expect((await openRfis(as['reader.es'])).rfis.map((each) => each.id)).toContain(later.id);
    for (const account of ['focal.sn', 'analyst.es', 'orgadmin.es']) {
      const seen = (await openRfis(as[account], '?limit=100')).rfis.map((each) => each.id);
      for (const id of [later.id, overdue.id, secret.id]) expect(seen, account).not.toContain(id);
    }
  });

  it('leaves out answered and closed RFIs', async () => {
    const reply = await as['focal.es'].post('/api/v1/messages', {
      subject: 'Re: Crossings next week',
      body: 'Here it is.',
      handlingCode: 'TLP:AMBER',
      distribution: [{ kind: 'unit', id: ids.unit.ma }],
      inReplyTo: later.id,
    });
    expect(reply.statusCode, reply.body).toBe(201);
    expect((await as['focal.ma'].post(`/api/v1/messages/${overdue.id}/close`, {})).statusCode).toBe(200);
    const seen = (await openRfis(as['focal.es'], '?limit=100')).rfis.map((each) => each.id);
    expect(seen).not.toContain(later.id);
    expect(seen).not.toContain(overdue.id);
    expect(seen).toContain(secret.id);
  });

  it('refuses a malformed limit and the public', async () => {
    expect((await as['focal.es'].get('/api/v1/messages/open-rfis?limit=0')).statusCode).toBe(400);
    expect((await as['focal.es'].get('/api/v1/messages/open-rfis?limit=x')).statusCode).toBe(400);
    expect((await t.anonymous().get('/api/v1/messages/open-rfis')).statusCode).toBe(401);
  });
});

describe('new alerts concerning me (GET /api/v1/alerts?mine=true&since=…)', () => {
  const titles = (answer: { alerts: { id: string }[] }) => answer.alerts.map((alert) => alert.id);
  let overSpain: { id: string };
  let toMyUnit: { id: string };
  let elsewhere: { id: string };
  let notForSpain: { id: string };

  beforeAll(async () => {
    const rabat = ids.group['Rabat Process partners'];
    overSpain = await issue(as['focal.ma'], {
      title: 'Boats towards the Canaries',
      area: { countries: ['ES'] },
      handlingCode: 'TLP:GREEN',
      distribution: [{ kind: 'sharing_group', id: rabat }],
    });
    toMyUnit = await issue(as['focal.ma'], {
      title: 'Convoy in the desert',
      area: { countries: ['NE'] },
      distribution: [{ kind: 'unit', id: ids.unit.es }],
    });
    elsewhere = await issue(as['focal.ma'], {
      title: 'Road checks in Niger',
      area: { countries: ['NE'] },
      handlingCode: 'TLP:GREEN',
      distribution: [{ kind: 'sharing_group', id: rabat }],
    });
    notForSpain = await issue(as['focal.ma'], {
      title: 'Spanish coast, for Senegal only',
      area: { countries: ['ES'] },
      handlingCode: 'TLP:RED',
      distribution: [{ kind: 'unit', id: ids.unit.sn }],
    });
  });

  async function mine(client: Client, since = inDays(-7)) {
    const response = await client.get(`/api/v1/alerts?mine=true&since=${encodeURIComponent(since)}&limit=200`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Promise<{ alerts: { id: string }[]; total: number }>;
  }

  it("keeps alerts over my organisation's country or addressed to my unit", async () => {
    const seen = titles(await mine(as['focal.es']));
    expect(seen).toContain(overSpain.id);
    expect(seen).toContain(toMyUnit.id);
    expect(seen).not.toContain(elsewhere.id);
    // Over Spain, but not shared with Spain: the visibility rule holds under the filter.
    expect(seen).not.toContain(notForSpain.id);
    const all = titles((await (await as['focal.es'].get('/api/v1/alerts?limit=200')).json()) as { alerts: { id: string }[] });
    expect(all).toContain(elsewhere.id);
  });

  it('keeps only alerts issued since the time asked', async () => {
    const seen = titles(await mine(as['focal.es'], inDays(1)));
    expect(seen).not.toContain(overSpain.id);
    expect(seen).not.toContain(toMyUnit.id);
  });

  it("another organisation's member sees only what concerns them and was shared with them", async () => {
    const seen = titles(await mine(as['focal.sn']));
    expect(seen).toContain(notForSpain.id);
    expect(seen).not.toContain(toMyUnit.id);
    expect(seen).not.toContain(overSpain.id);
  });

  it('refuses a malformed time', async () => {
    expect((await as['focal.es'].get('/api/v1/alerts?since=yesterday')).statusCode).toBe(400);
  });
});
