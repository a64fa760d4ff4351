import { sql } from 'kysely';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CycleDetail } from '../../src/shared/followup/cycles-contract.js';
import { expectProblem } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  type Account,
  action,
  BASE,
  commitment,
  inboxSubjects,
  inFuture,
  makeDue,
  openCycle,
  type Person,
  put,
  requeue,
  runJobs,
  signInAll,
} from './followup-cycles-fixtures.js';

/**
 * Reminders and deadlines are jobs of the platform queue: each sends its messages once, even when
 * the job runs again (a restart, a retry); and the cycle report as PDF, only what the viewer may see.
 * The worker does not poll here (jobPollMs 0): the test runs due jobs itself, and moves time by
 * making queued jobs due.
 */
let t: TestApp;
let as: Record<Account, Person>;
let cycle: CycleDetail;
let moroccan: string;
let secret: string;
const REMINDER = 'followup.cycle.reminder';
const DEADLINE = 'followup.cycle.deadline';
const ACTIONS = 'followup.actions.due';
const count = (subjects: string[], prefix: string) => subjects.filter((s) => s.startsWith(prefix)).length;
const reportOf = (organisationId: string) => cycle.partners.find((p) => p.organisation.id === organisationId)?.reportId ?? '';

beforeAll(async () => {
  t = await startTestApp({ jobPollMs: 0 });
  as = await signInAll(t);
  moroccan = await commitment(t, as['focal.ma'], {
    title: 'Train 200 border officers in victim identification',
    contributors: [as['focal.es'].organisationId],
  });
  secret = await commitment(t, as['focal.ma'], {
    title: 'Confidential joint operation Tidewater',
    handlingCode: 'TLP:AMBER',
    recipientOrganisations: [as['focal.sec'].organisationId],
  });
  const spanish = await commitment(t, as['focal.es'], { title: 'Open two assistance desks in Andalusia' });
  // Three days ahead: the reminder (seven days before) is due at once.
  cycle = await openCycle(as['focal.sec'], {
    commitmentIds: [moroccan, secret, spanish],
    reviewerOrganisations: [as['focal.sn'].organisationId],
    deadline: inFuture(3),
    title: 'Rabat Process review 2026',
  });
  const es = as['focal.es'].client;
  await es.post(`${BASE}/reports/${reportOf(as['focal.es'].organisationId)}/submit`, { revision: 1 });
});
afterAll(() => t.close());

describe('the reminder job', () => {
  it('reminds each partner that has not submitted, once, however often it runs', async () => {
    await runJobs(t);
    const reminder = 'Reminder: report on "Rabat Process review 2026"';
    expect(count(await inboxSubjects(as['focal.ma']), reminder)).toBe(1);
    expect(count(await inboxSubjects(as['focal.es']), reminder)).toBe(0);
    await requeue(t, REMINDER);
    await runJobs(t);
    expect(count(await inboxSubjects(as['focal.ma']), reminder)).toBe(1);
    const rows = await sql<{
      n: number;
    }>`select count(*)::int as n from followup_reminders where kind = 'report.reminder'`.execute(t.database.db);
    expect(rows.rows[0].n).toBe(1);
  });
});

describe('the deadline job', () => {
  it('comes back later when run before the deadline is over', async () => {
    await makeDue(t, DEADLINE);
    await runJobs(t);
    expect(count(await inboxSubjects(as['focal.ma']), 'Late:')).toBe(0);
  });

  it('records each late report once: a message to the partner and an audit row', async () => {
    await sql`update review_cycles set deadline = current_date - 1 where id = ${cycle.id}`.execute(t.database.db);
    await makeDue(t, DEADLINE);
    await runJobs(t);
    await requeue(t, DEADLINE);
    await runJobs(t);
    expect(count(await inboxSubjects(as['focal.ma']), 'Late: report on "Rabat Process review 2026"')).toBe(1);
    expect(count(await inboxSubjects(as['focal.es']), 'Late:')).toBe(0);
    const audit = await sql<{ target_id: string }>`select target_id from audit_log where action = 'followup.report.late'`.execute(
      t.database.db,
    );
    expect(audit.rows.map((r) => r.target_id)).toEqual([reportOf(as['focal.ma'].organisationId)]);
    const seen: CycleDetail = (await as['focal.sec'].client.get(`${BASE}/cycles/${cycle.id}`)).json();
    expect(seen.progress).toMatchObject({ late: 1, submitted: 1 });
  });
});

describe('the daily reminder of actions due', () => {
  it('tells the owner unit of an action due within seven days, once per action', async () => {
    await action(as['focal.ma'], moroccan, as['focal.es'], 3, 'Print the training manual');
    await action(as['focal.ma'], moroccan, as['focal.es'], 30, 'Evaluate the first session');
    for (let day = 0; day < 2; day++) {
      await makeDue(t, ACTIONS);
      await runJobs(t);
    }
    const subjects = await inboxSubjects(as['focal.es']);
    expect(count(subjects, 'Action due')).toBe(1);
    expect(subjects.find((s) => s.startsWith('Action due'))).toContain('Print the training manual');
    const waiting = await sql<{
      n: number;
    }>`select count(*)::int as n from jobs where kind = ${ACTIONS} and status = 'queued'`.execute(t.database.db);
    expect(waiting.rows[0].n).toBe(1);
  });
});

describe('the cycle report as PDF', () => {
  async function pdfText(person: Person, lang = 'en') {
    const response = await person.client.get(`${BASE}/cycles/${cycle.id}/report.pdf?lang=${lang}`);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await getDocumentProxy(new Uint8Array(response.rawPayload));
    const { text } = await extractText(pdf, { mergePages: true });
    return text.replace(/\s+/g, ' ');
  }

  beforeAll(async () => {
    const maReport = reportOf(as['focal.ma'].organisationId);
    await sql`update review_cycles set deadline = current_date + 3 where id = ${cycle.id}`.execute(t.database.db);
    await put(as['focal.ma'].client, `${BASE}/reports/${maReport}`, {
      revision: 1,
      summary: 'Sessions held in Tangier.',
      entries: [
        { commitmentId: moroccan, progress: 'Ninety officers trained so far.', assessment: 'on_track' },
        { commitmentId: secret, progress: 'Tidewater phase two under way.', assessment: 'at_risk' },
      ],
    });
    await as['focal.sn'].client.post(`${BASE}/reports/${maReport}/comments`, { body: 'Please share the curriculum.' });
  });

  it('holds the partners, their progress, entries and comments', async () => {
    const text = await pdfText(as['focal.sec']);
    expect(text).toContain('Rabat Process review 2026');
    for (const partner of cycle.partners) expect(text).toContain(partner.organisation.name);
    expect(text).toContain('Partners by progress');
    expect(text).toContain('Actions by status');
    expect(text).toContain('Ninety officers trained so far.');
    expect(text).toContain('Tidewater phase two under way.');
    expect(text).toContain('Please share the curriculum.');
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where action = 'followup.cycle.export' and target_id = ${cycle.id}`.execute(t.database.db);
    expect(audit.rows[0].n).toBe(1);
  });

  it('leaves out what the viewer may not see, in French too', async () => {
    const text = await pdfText(as['focal.sn'], 'fr');
    expect(text).toContain('Partenaires par avancement');
    expect(text).toContain('Ninety officers trained so far.');
    expect(text).not.toContain('Tidewater');
  });

  it('is refused to a non-party', async () => {
    expectProblem(await as['focal.ne'].client.get(`${BASE}/cycles/${cycle.id}/report.pdf`), 404, 'not-found');
  });
});
