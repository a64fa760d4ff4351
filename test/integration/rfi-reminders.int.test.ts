import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepReminders } from '../../src/server/modules/exchange/notices/reminders.js';
import { sweepNotices } from '../../src/server/modules/exchange/notices/sweep.js';
import { visibleTo } from '../../src/server/platform/policy/visibility-filter.js';
import type { Viewer } from '../../src/shared/visibility.js';
import { SmtpCapture } from '../support/smtp-capture.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';

const LEAD_HOURS = 24;
const smtp = new SmtpCapture();
let t: TestApp;
const as: Record<string, Client> = {};
let spanishUnit: string;
const rfi: Record<string, string> = {};

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

async function ask(subject: string, handlingCode: string, deadlineHours: number, body = 'Please answer.') {
  const response = await as['focal.ma'].post('/api/v1/messages', {
    kind: 'rfi',
    subject,
    body,
    handlingCode,
    deadline: inHours(deadlineHours),
    distribution: [{ kind: 'unit', id: spanishUnit }],
  });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: string }).id;
}

const reminderEvents = async (id: string) =>
  (
    await sql<{ seq: number }>`select seq from exchange_events where type = 'rfi.reminder' and record_id = ${id}`.execute(
      t.database.db,
    )
  ).rows;

/** The viewer of a demo account, as a session would resolve it. */
async function viewerOf(email: string): Promise<Viewer> {
  const result = await sql<{ organisation_id: string; unit_ids: string[]; group_ids: string[] }>`select u.organisation_id,
      array(select unit_id from user_units where user_id = u.id)::text[] as unit_ids,
      array(select sharing_group_id from sharing_group_members where organisation_id = u.organisation_id)::text[] as group_ids
    from users u where u.email = ${email}`.execute(t.database.db);
  const row = result.rows[0];
  return { organisationId: row.organisation_id, unitIds: row.unit_ids, sharingGroupIds: row.group_ids };
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  await smtp.start();
  t = await startTestApp({
    smtpUrl: smtp.url,
    publicUrl: 'https://liaison.example.org',
    rfiReminderHours: LEAD_HOURS,
    rfiReminderSweepMs: 0,
    noticeSweepMs: 0,
    jobPollMs: 50,
  });
  const units = await sql<{ id: string }>`select id from units where name = 'Unit against illegal immigration networks'`.execute(
    t.database.db,
  );
  spanishUnit = units.rows[0].id;
  for (const account of ['focal.ma', 'focal.es']) as[account] = await t.signIn(`${account}@liaison.demo`);
  for (const account of ['focal.ma', 'focal.es']) {
    const response = await as[account].request({
      method: 'PUT',
      url: '/api/v1/account/notices',
      payload: { emailEnabled: true, kinds: { newMessages: false, rfiChanges: true, alerts: false } },
    });
    expect(response.statusCode, response.body).toBe(200);
  }

  rfi.dueAmber = await ask('Ocelot harbour question', 'TLP:AMBER', 2, 'Marzipan quay details');
  rfi.dueRed = await ask('Red question', 'TLP:RED', 3);
  rfi.dueGreen = await ask('Green question about Tarfaya', 'TLP:GREEN', 4);
  rfi.far = await ask('Far question', 'TLP:GREEN', 24 * 10);
  rfi.answered = await ask('Answered question', 'TLP:GREEN', 2);
  rfi.closed = await ask('Closed question', 'TLP:GREEN', 2);
  rfi.overdue = await ask('Overdue question', 'TLP:GREEN', 24 * 5);
  const reply = await as['focal.es'].post('/api/v1/messages', {
    subject: 'Re: Answered question',
    body: 'Here is the answer.',
    handlingCode: 'TLP:GREEN',
    distribution: [{ kind: 'organisation', id: (await viewerOf('focal.ma@liaison.demo')).organisationId }],
    inReplyTo: rfi.answered,
  });
  expect(reply.statusCode, reply.body).toBe(201);
  expect((await as['focal.ma'].post(`/api/v1/messages/${rfi.closed}/close`, {})).statusCode).toBe(200);
  // Time passes for this one: its deadline went by before any sweep ran (the API refuses past deadlines).
  await sql`update messages set deadline = now() - interval '1 hour' where id = ${rfi.overdue}`.execute(t.database.db);
  // The events so far (new RFIs, the answer) are not what this file is about.
  await sweepNotices(t.database.db, { smtpUrl: undefined });
});
afterAll(async () => {
  await t?.close();
  await smtp.stop();
});

describe('RFI deadline reminders', () => {
  it('reminds each open RFI due within the lead time exactly once, even with two sweeps at the same time', async () => {
    const [first, second] = await Promise.all([
      sweepReminders(t.database.db, LEAD_HOURS),
      sweepReminders(t.database.db, LEAD_HOURS),
    ]);
    const reminded = [...first, ...second].sort();
    expect(reminded).toEqual([rfi.dueAmber, rfi.dueRed, rfi.dueGreen, rfi.overdue].sort());
    for (const id of [rfi.dueAmber, rfi.dueRed, rfi.dueGreen, rfi.overdue]) expect(await reminderEvents(id)).toHaveLength(1);
    // Far from its deadline, answered or closed: no reminder.
    for (const id of [rfi.far, rfi.answered, rfi.closed]) expect(await reminderEvents(id)).toEqual([]);
    expect(await sweepReminders(t.database.db, LEAD_HOURS)).toEqual([]);
    const marked = await sql<{ id: string }>`select id from messages where reminded_at is not null`.execute(t.database.db);
    expect(marked.rows.map((row) => row.id).sort()).toEqual(reminded);
  });

  it('gives the reminder the RFI’s own audience', async () => {
    const visible = async (email: string) => {
      const events = await sql<{ record_id: string }>`select e.record_id from exchange_events e
        where e.type = 'rfi.reminder' and ${visibleTo(await viewerOf(email), 'e')}`.execute(t.database.db);
      return events.rows.map((row) => row.record_id).sort();
    };
    const all = [rfi.dueAmber, rfi.dueRed, rfi.dueGreen, rfi.overdue].sort();
    expect(await visible('focal.es@liaison.demo')).toEqual(all);
    expect(await visible('focal.ma@liaison.demo')).toEqual(all);
    // Same organisation, other unit: AMBER and GREEN reach it, RED stays with the named unit.
    expect(await visible('analyst.es@liaison.demo')).toEqual(all.filter((id) => id !== rfi.dueRed));
    expect(await visible('focal.sn@liaison.demo')).toEqual([]);
    expect(await visible('focal.ne@liaison.demo')).toEqual([]);
  });

  it('mails the reminder to the answering side, following the handling-code rule', async () => {
    expect(await sweepNotices(t.database.db, t.config)).toBe(4);
    t.app.jobs.wake();
    await waitFor(async () => {
      const pending = await sql<{ n: number }>`select count(*)::int as n from jobs
        where kind = 'notice.mail' and status in ('queued', 'running')`.execute(t.database.db);
      return pending.rows[0].n === 0;
    }, 'the reminder mails');
    expect(smtp.mails).toHaveLength(4);
    const about = (id: string) => smtp.mails.filter((mail) => mail.text.includes(`/messages/${id}`));
    for (const id of [rfi.dueAmber, rfi.dueRed, rfi.dueGreen, rfi.overdue]) {
      expect(about(id).map((mail) => mail.to)).toEqual([['focal.es@liaison.demo']]);
    }
    const [amber] = about(rfi.dueAmber);
    expect(amber.subject).toBe('[TLP:AMBER] Reminder: request for information awaiting an answer');
    const everything = [amber.raw, amber.subject, amber.text, amber.html].join('\n').toLowerCase();
    for (const word of ['ocelot', 'harbour', 'marzipan', 'quay', 'anti-smuggling']) expect(everything).not.toContain(word);
    const [red] = about(rfi.dueRed);
    expect(red.subject).toBe('[TLP:RED] Reminder: request for information awaiting an answer');
    const [green] = about(rfi.dueGreen);
    expect(green.subject).toBe('[TLP:GREEN] Reminder: request for information awaiting an answer: Green question about Tarfaya');
    // The asking unit is not reminded of its own question.
    expect(smtp.to('focal.ma@liaison.demo')).toEqual([]);
  });
});
