import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepNotices } from '../../src/server/modules/exchange/notices/sweep.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { issue } from './alerts-fixtures.js';
import { addEntry, createList } from './watchlists-fixtures.js';

/**
 * The daily review: the owner unit of a list with entries past their review date gets one message
 * a day naming how many and their references — never a name — even when the job runs again. The
 * worker does not poll here (jobPollMs 0): the test runs due jobs itself.
 */
const JOB = 'watchlists.review';
let t: TestApp;
let focal: Client;
let unitId: string;

beforeAll(async () => {
  t = await startTestApp({ jobPollMs: 0 });
  focal = await t.signIn('focal.ma@liaison.demo');
  unitId = (await focal.get('/api/v1/me')).json().units[0].id;
});
afterAll(() => t.close());

async function runReview() {
  await sql`update jobs set run_after = now() where kind = ${JOB} and status = 'queued'`.execute(t.database.db);
  for (let i = 0; i < 50 && (await t.app.jobs.runNext()); i++);
}

/** The notice is a message of the owner unit to itself (the exchange files it with the unit's sent messages). */
async function reviewMessages() {
  const response = await focal.get(`/api/v1/messages?box=sent&unitId=${unitId}&limit=100`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().messages as { id: string; subject: string }[]).filter((m) => m.subject.startsWith('Watch-list review'));
}

describe('the daily review of watch-lists', () => {
  it('tells the owner unit once a day how many entries are due, by reference only', async () => {
    const list = await createList(focal, { name: 'Review notice list', graceDays: 30 });
    await createList(focal, { name: 'Nothing due here' });
    const due = await addEntry(focal, list.id, { names: [{ name: 'Rokia Sangaré' }] });
    const lapsed = await addEntry(focal, list.id, { names: [{ name: 'Adama Dembélé' }] });
    await addEntry(focal, list.id, { names: [{ name: 'Current Person' }] });
    await sql`update watchlist_entries set review_date = current_date - 2 where id = ${due.id}`.execute(t.database.db);
    await sql`update watchlist_entries set review_date = current_date - 45 where id = ${lapsed.id}`.execute(t.database.db);

    await runReview();
    await runReview();

    const messages = await reviewMessages();
    expect(messages.map((m) => m.subject)).toEqual(['Watch-list review: 2 entries due in Review notice list']);
    const message = (await focal.get(`/api/v1/messages/${messages[0].id}`)).json();
    const text = JSON.stringify(message);
    expect(text).toContain(due.reference);
    expect(text).toContain(lapsed.reference);
    expect(text).toContain(`/watchlists/${list.id}?review=due`);
    expect(text).toContain('1 of them are past the grace period');
    for (const name of ['Rokia', 'Sangaré', 'Adama', 'Dembélé']) expect(text).not.toContain(name);
    // One run waits for tomorrow.
    const waiting = await sql<{
      n: number;
    }>`select count(*)::int as n from jobs where kind = ${JOB} and status = 'queued'`.execute(t.database.db);
    expect(waiting.rows[0].n).toBe(1);
  });
});

describe('e-mail notices', () => {
  it('are not sent for watch-list changes, which are for live subscribers', async () => {
    const spain = await t.signIn('focal.es@liaison.demo');
    const kinds = { newMessages: true, rfiChanges: true, alerts: true };
    const saved = await spain.request({ method: 'PUT', url: '/api/v1/account/notices', payload: { emailEnabled: true, kinds } });
    expect(saved.statusCode, saved.body).toBe(200);
    const mails = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from jobs where kind = 'notice.mail'`.execute(t.database.db)).rows[0].n;
    const config = { smtpUrl: 'smtp://127.0.0.1:9' };
    await sweepNotices(t.database.db, config);
    const before = await mails();
    const list = await createList(focal, { handlingCode: 'TLP:GREEN', distribution: [{ kind: 'all_partners' }] });
    await addEntry(focal, list.id);
    await sweepNotices(t.database.db, config);
    expect(await mails()).toBe(before);
    // The same sweep mails an alert to the same audience.
    await issue(focal, { handlingCode: 'TLP:GREEN', distribution: [{ kind: 'all_partners' }] });
    await sweepNotices(t.database.db, config);
    expect(await mails()).toBeGreaterThan(before);
  });
});
