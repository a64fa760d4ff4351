import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepNotices } from '../../src/server/modules/exchange/notices/sweep.js';
import { SmtpCapture } from '../support/smtp-capture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  API,
  inbox,
  makeDue,
  openCase,
  PERSONAL_VALUES,
  recordConsent,
  referOk,
  runJobs,
  setStatus,
  signInWorker,
  unitProvider,
  type Worker,
} from './referral-referrals-fixtures.js';

/**
 * Reminders of a referral waiting for its answer are jobs of the platform queue carrying the
 * referral's id only; each is sent once however often its job runs, and none once the referral is
 * answered. The notices reach e-mail like any message, and neither they nor the mails name the person.
 * The worker does not poll (jobPollMs 0): the test runs due jobs itself, and makes them due.
 */
const PUBLIC_URL = 'https://liaison.example.org';
const REMINDER = 'referral.reminder';
const OVERDUE = 'referral.overdue';
const smtp = new SmtpCapture();
let t: TestApp;
const as = {} as Record<'sn' | 'ngo', Worker>;
let provider: string;

beforeAll(async () => {
  await smtp.start();
  t = await startTestApp({ smtpUrl: smtp.url, publicUrl: PUBLIC_URL, noticeSweepMs: 0, jobPollMs: 0 });
  for (const key of ['sn', 'ngo'] as const) {
    as[key] = await signInWorker(t, `caseworker.${key}@liaison.demo`);
    const optIn = await as[key].client.request({
      method: 'PUT',
      url: `${API}/account/notices`,
      payload: { emailEnabled: true, kinds: { newMessages: true, rfiChanges: true, alerts: true } },
    });
    expect(optIn.statusCode, optIn.body).toBe(200);
  }
  provider = await unitProvider(as.ngo, ['legal_aid'], 'SN');
});
afterAll(async () => {
  await t?.close();
  await smtp.stop();
});

async function newReferral() {
  const made = await openCase(as.sn);
  const consentId = await recordConsent(as.sn, made.id, {
    scope: 'share_with_service',
    providerId: provider,
    fields: ['givenNames'],
  });
  const referral = await referOk(as.sn, made.id, { kind: 'service', providerId: provider, needs: ['legal_aid'], consentId });
  return { ...made, referralId: referral.id as string };
}

const jobsOf = async (referralId: string) =>
  (
    await sql<{ kind: string; payload: unknown; run_after: Date }>`select kind, payload, run_after from jobs
      where payload->>'referralId' = ${referralId} order by kind`.execute(t.database.db)
  ).rows;

const count = (subjects: string[], text: string) => subjects.filter((subject) => subject === text).length;

describe('reminders', () => {
  it('are queued with the referral, carrying its id only, before and at the time to answer', async () => {
    const { referralId } = await newReferral();
    const jobs = await jobsOf(referralId);
    expect(jobs.map((job) => job.kind)).toEqual([OVERDUE, REMINDER]);
    for (const job of jobs) expect(job.payload).toEqual({ referralId });
    const respondBy = Date.parse((await as.sn.client.get(`${API}/referrals/${referralId}`)).json().respondBy);
    const [overdue, reminder] = jobs.map((job) => new Date(job.run_after).getTime());
    expect(Math.abs(overdue - respondBy)).toBeLessThan(5_000);
    expect(reminder).toBeLessThan(respondBy);
  });

  it('remind the receiving unit once, then tell it the referral is overdue, once', async () => {
    const { referralId, reference } = await newReferral();
    await makeDue(t, REMINDER);
    await runJobs(t);
    await sql`insert into jobs (kind, payload) values (${REMINDER}, ${JSON.stringify({ referralId })}::jsonb)`.execute(
      t.database.db,
    );
    await runJobs(t);
    let subjects = (await inbox(as.ngo)).map((message) => message.subject);
    expect(count(subjects, `Reminder: referral of case ${reference} awaits your answer`)).toBe(1);

    // Run before its time, the overdue notice waits; once the time is past it is sent, once.
    await makeDue(t, OVERDUE);
    await runJobs(t);
    subjects = (await inbox(as.ngo)).map((message) => message.subject);
    expect(count(subjects, `Overdue: referral of case ${reference}`)).toBe(0);
    await sql`update referrals set respond_by = now() - interval '1 hour' where id = ${referralId}`.execute(t.database.db);
    await makeDue(t, OVERDUE);
    await runJobs(t);
    await makeDue(t, OVERDUE);
    await runJobs(t);
    subjects = (await inbox(as.ngo)).map((message) => message.subject);
    expect(count(subjects, `Overdue: referral of case ${reference}`)).toBe(1);
    const list = (await as.ngo.client.get(`${API}/referrals?box=incoming&status=sent`)).json();
    expect(list.items.find((item: { id: string }) => item.id === referralId)?.overdue).toBe(true);
  });

  it('are not sent for a referral already answered', async () => {
    const { referralId, reference } = await newReferral();
    expect((await setStatus(as.ngo, referralId, { status: 'accepted' })).statusCode).toBe(200);
    await sql`update referrals set respond_by = now() - interval '1 hour' where id = ${referralId}`.execute(t.database.db);
    await makeDue(t, REMINDER);
    await makeDue(t, OVERDUE);
    await runJobs(t);
    const subjects = (await inbox(as.ngo)).map((message) => message.subject);
    expect(subjects.filter((subject) => subject.includes(reference) && /^(Reminder|Overdue)/.test(subject))).toEqual([]);
  });
});

describe('e-mail notices', () => {
  it('reach the receiving unit’s case worker without any personal data', async () => {
    const { referralId, reference } = await newReferral();
    await setStatus(as.ngo, referralId, { status: 'declined', reason: 'No lawyer free this week' });
    await sweepNotices(t.database.db, t.config);
    await runJobs(t);
    const toNgo = smtp.to('caseworker.ngo@liaison.demo');
    const toSn = smtp.to('caseworker.sn@liaison.demo');
    expect(toNgo.length).toBeGreaterThan(0);
    expect(toSn.length).toBeGreaterThan(0);
    for (const mail of [...toNgo, ...toSn]) {
      const everything = [mail.raw, mail.subject, mail.text, mail.html].join('\n');
      for (const value of PERSONAL_VALUES) expect(everything).not.toContain(value);
    }
    // Above TLP:GREEN a mail names the kind of record and links to it, not its subject.
    expect(toNgo.some((mail) => mail.text.includes(`${PUBLIC_URL}/messages/`))).toBe(true);
    expect(toNgo.some((mail) => mail.text.includes(reference))).toBe(false);
    // The messages themselves name the reference only.
    for (const worker of [as.ngo, as.sn])
      for (const message of await inbox(worker))
        for (const value of PERSONAL_VALUES) expect(`${message.subject}\n${message.body}`).not.toContain(value);
  });
});
