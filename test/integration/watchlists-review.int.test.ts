import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HitList, ScreeningHit, ScreeningWaiting } from '../../src/shared/watchlists/contract.js';
import { expectProblem } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { addEntry, auditOf, createList, getHit, PURPOSE, screen, storedCounts } from './watchlists-screening-fixtures.js';

/**
 * The review of hits: each hit is a task of the unit that screened; a person confirms or discards
 * it with a reason, once; a confirmed hit reaches the list's owner unit as an exchange message under
 * the list's handling code, naming the entry by its reference and never the screened name.
 */
let t: TestApp;
const as = {} as Record<string, Client>;
let list: { id: string; name: string };
let ownerUnit: string;
const SCREENED = 'Ousmarik Belkadovi';

beforeAll(async () => {
  t = await startTestApp();
  for (const who of ['focal.ma', 'focal.es', 'analyst.es', 'reader.es', 'orgadmin.es'])
    as[who] = await t.signIn(`${who}@liaison.demo`);
  ownerUnit = (await as['focal.ma'].get('/api/v1/me')).json().units[0].id;
  list = await createList(as['focal.ma'], {
    name: 'Facilitators of the Atlantic route',
    handlingCode: 'TLP:AMBER+STRICT',
    distribution: [{ kind: 'all_partners' }],
  });
  await addEntry(as['focal.ma'], list.id, {
    names: [{ name: SCREENED }, { name: 'Ousmarik Belkad' }],
    birthDate: '1979-05-02',
    nationalities: ['MA'],
    sex: 'male',
  });
});
afterAll(() => t.close());

async function newHit(): Promise<string> {
  const result = await screen(as['focal.es'], { name: SCREENED, birthYear: 1979 });
  expect(result.hits).toBe(1);
  return result.candidates[0].hitId as string;
}

const decide = (client: Client, id: string, body: Record<string, unknown>) =>
  client.post(`/api/v1/screening/hits/${id}/decision`, body);

describe('the review queue', () => {
  it('lists the unit’s open hits with the screened query and the listed person', async () => {
    const id = await newHit();
    const queue = (await as['focal.es'].get('/api/v1/screening/hits?status=open')).json() as HitList;
    expect(queue.open).toBeGreaterThanOrEqual(1);
    const hit = queue.items.find((item) => item.id === id) as ScreeningHit;
    expect(hit).toMatchObject({
      status: 'open',
      decision: null,
      screening: { purpose: PURPOSE, query: { name: SCREENED, birthYear: 1979, country: null, sex: null } },
      entry: { status: 'active', birthDate: '1979-05-02', nationalities: ['MA'], sex: 'male' },
    });
    expect(hit.entry.names.map((n) => n.name)).toEqual([SCREENED, 'Ousmarik Belkad']);
    expect(hit.entry.watchlist).toMatchObject({ id: list.id, handlingCode: 'TLP:AMBER+STRICT', ownerUnit: { id: ownerUnit } });
    expect(hit.reasons.length).toBeGreaterThan(0);
    expect(hit.score).toBeGreaterThanOrEqual(0.8);
    expect((await getHit(as['focal.es'], id)).id).toBe(id);
  });

  it('audits each page read with the review purpose and a count, never a name', async () => {
    await as['focal.es'].get('/api/v1/screening/hits');
    const rows = await auditOf(as['orgadmin.es']);
    const read = rows.find((row) => row.action === 'screening.hits.read');
    expect(read?.details).toEqual({ purpose: 'review', hits: expect.any(Number) });
    expect(JSON.stringify(rows)).not.toContain('Ousmarik');
  });

  it('hides a hit from every other unit, the list’s owner included: 404 to read or decide', async () => {
    const id = await newHit();
    for (const who of ['analyst.es', 'focal.ma']) {
      expectProblem(await as[who].get(`/api/v1/screening/hits/${id}`), 404, 'not-found');
      expectProblem(await decide(as[who], id, { decision: 'discard', reason: 'Not the same person' }), 404, 'not-found');
      const queue = (await as[who].get('/api/v1/screening/hits')).json() as HitList;
      expect(queue.items.map((item) => item.id)).not.toContain(id);
    }
    expect((await getHit(as['focal.es'], id)).status).toBe('open');
  });

  it('drops a hit from the queue once its list is no longer shared with the unit', async () => {
    const narrow = await createList(as['focal.ma'], {
      name: 'Narrowed list',
      handlingCode: 'TLP:AMBER',
      distribution: [{ kind: 'all_partners' }],
    });
    await addEntry(as['focal.ma'], narrow.id, { names: [{ name: 'Teodrin Valmasque' }] });
    const result = await screen(as['focal.es'], { name: 'Teodrin Valmasque' });
    const id = result.candidates[0].hitId as string;
    expect((await getHit(as['focal.es'], id)).status).toBe('open');
    const patched = await as['focal.ma'].patch(`/api/v1/watchlists/${narrow.id}`, { revision: 1, distribution: [] });
    expect(patched.statusCode, patched.body).toBe(200);
    expectProblem(await as['focal.es'].get(`/api/v1/screening/hits/${id}`), 404, 'not-found');
    expectProblem(await decide(as['focal.es'], id, { decision: 'confirm', reason: 'Same person' }), 404, 'not-found');
    const queue = (await as['focal.es'].get('/api/v1/screening/hits')).json() as HitList;
    expect(queue.items.map((item) => item.id)).not.toContain(id);
  });

  it('tells Home what waits without a name: the unit’s open hits, and the owner’s lists with entries due', async () => {
    const id = await newHit();
    const waiting = (await as['focal.es'].get('/api/v1/screening/waiting')).json() as ScreeningWaiting;
    expect(waiting.hits.map((hit) => hit.id)).toContain(id);
    expect(waiting.hits.find((hit) => hit.id === id)).toMatchObject({ watchlistName: list.name });
    const queue = (await as['focal.es'].get('/api/v1/screening/hits?status=open')).json() as HitList;
    expect(waiting.openHits).toBe(queue.open);
    expect(JSON.stringify(waiting)).not.toContain('Ousmarik');
    // Spain keeps no list: nothing due. Morocco's hits are not Spain's: Morocco sees none of them.
    expect(waiting.dueLists).toEqual([]);
    const owner = (await as['focal.ma'].get('/api/v1/screening/waiting')).json() as ScreeningWaiting;
    expect(owner.hits.map((hit) => hit.id)).not.toContain(id);
    const entry = await addEntry(as['focal.ma'], list.id, { names: [{ name: 'Tarmoud Exemplane' }] });
    await sql`update watchlist_entries set review_date = current_date - 2 where id = ${entry.id}`.execute(t.database.db);
    const due = (await as['focal.ma'].get('/api/v1/screening/waiting')).json() as ScreeningWaiting;
    expect(due.dueLists).toEqual([{ id: list.id, name: list.name, due: 1 }]);
    expect(due.dueEntries).toBe(1);
    expect((await as['focal.es'].get('/api/v1/screening/waiting')).json().dueLists).toEqual([]);
    // Reading it is not a personal read: it writes no audit row of reading hits.
    const reads = async () => (await auditOf(as['orgadmin.es'])).filter((row) => row.action === 'screening.hits.read').length;
    const before = await reads();
    await as['focal.es'].get('/api/v1/screening/waiting');
    expect(await reads()).toBe(before);
    await as['focal.es'].get('/api/v1/screening/hits?status=open');
    expect(await reads()).toBe(before + 1);
  });

  it('refuses a reader', async () => {
    expectProblem(await as['reader.es'].get('/api/v1/screening/hits'), 403, 'forbidden');
  });
});

describe('decisions', () => {
  it('confirms once; a second decision is a conflict', async () => {
    const id = await newHit();
    const first = await decide(as['focal.es'], id, { decision: 'confirm', reason: 'Same person: passport photo matches' });
    expect(first.statusCode, first.body).toBe(200);
    const hit = first.json() as ScreeningHit;
    expect(hit.status).toBe('confirmed');
    expect(hit.decision).toMatchObject({ reason: 'Same person: passport photo matches', noticeMessageId: expect.any(String) });
    expectProblem(
      await decide(as['focal.es'], id, { decision: 'discard', reason: 'Changed my mind' }),
      409,
      'hit-already-decided',
    );
    expect((await getHit(as['focal.es'], id)).status).toBe('confirmed');
  });

  it('lets only one of two simultaneous decisions through', async () => {
    const id = await newHit();
    const answers = await Promise.all([
      decide(as['focal.es'], id, { decision: 'confirm', reason: 'Same person' }),
      decide(as['focal.es'], id, { decision: 'discard', reason: 'Another person' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
  });

  it('sends the owner unit a message under the list’s code that names the entry, never the screened name', async () => {
    const id = await newHit();
    const hit = (await decide(as['focal.es'], id, { decision: 'confirm', reason: `It is ${SCREENED}` })).json() as ScreeningHit;
    const messageId = hit.decision?.noticeMessageId as string;
    const inbox = (await as['focal.ma'].get(`/api/v1/messages?box=inbox&unitId=${ownerUnit}&limit=200`)).json();
    expect(inbox.messages.map((m: { id: string }) => m.id)).toContain(messageId);
    const response = await as['focal.ma'].get(`/api/v1/messages/${messageId}`);
    expect(response.statusCode, response.body).toBe(200);
    const message = response.json();
    expect(message.handlingCode).toBe('TLP:AMBER+STRICT');
    expect(message.subject).toBe(`Confirmed screening hit on ${hit.entry.reference}`);
    expect(message.body).toContain(list.name);
    // The owner cannot open the screening unit's hit: the link is to its own list.
    expect(message.body).toContain(`/watchlists/${list.id}`);
    expect(message.deliveries.map((d: { unitId: string }) => d.unitId)).toContain(ownerUnit);
    for (const part of ['Ousmarik', 'Belkad', 'passport', 'It is']) {
      expect(message.subject).not.toContain(part);
      expect(message.body).not.toContain(part);
    }
    const audit = (await auditOf(as['orgadmin.es'])).find((row) => row.action === 'screening.hit.decided');
    expect(audit).toMatchObject({ targetId: id, details: { decision: 'confirmed', noticeMessageId: messageId } });
  });

  it('sends nothing for a discarded hit', async () => {
    const id = await newHit();
    const inboxSize = async () =>
      (await as['focal.ma'].get(`/api/v1/messages?box=inbox&unitId=${ownerUnit}&limit=1`)).json().total as number;
    const before = await inboxSize();
    const response = await decide(as['focal.es'], id, { decision: 'discard', reason: 'Different birth place' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'discarded', decision: { noticeMessageId: null } });
    expect(await inboxSize()).toBe(before);
  });

  it('writes no message when the owner unit confirms a hit on its own list', async () => {
    const result = await screen(as['focal.ma'], { name: SCREENED });
    const id = result.candidates[0].hitId as string;
    const response = await decide(as['focal.ma'], id, { decision: 'confirm', reason: 'Our own entry, same person' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'confirmed', decision: { noticeMessageId: null } });
  });

  it('refuses a bad decision and changes nothing', async () => {
    const id = await newHit();
    const before = await storedCounts(t);
    for (const body of [
      { decision: 'maybe', reason: 'Not sure at all' },
      { decision: 'confirm', reason: 'ok' },
      { decision: 'confirm', reason: 'x'.repeat(2001) },
      { decision: 'confirm' },
      { decision: 'confirm', reason: 'Same person', notify: false },
    ])
      expectProblem(await decide(as['focal.es'], id, body), 400, 'validation');
    expectProblem(await decide(as['focal.es'], id, { decision: 'confirm', reason: '     ' }), 400, 'validation');
    expect((await getHit(as['focal.es'], id)).status).toBe('open');
    expect(await storedCounts(t)).toEqual(before);
  });
});
