import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CycleDetail, CycleList } from '../../src/shared/followup/cycles-contract.js';
import { expectProblem } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  type Account,
  BASE,
  commitment,
  inboxSubjects,
  inFuture,
  openCycle,
  type Person,
  put,
  report,
  signInAll,
} from './followup-cycles-fixtures.js';

/**
 * A review cycle end to end through the API: the secretariat opens it over commitments of Morocco
 * and Spain (Senegal reviews), each partner finds its task in its inbox, Morocco drafts, submits, is
 * returned, resubmits and is accepted, Senegal and the secretariat comment, the cycle closes.
 * Then what each party may do and see, and what is refused.
 */
let t: TestApp;
let as: Record<Account, Person>;
let cycle: CycleDetail;
let moroccan: string;
let hiddenMoroccan: string;
let spanish: string;
const reportOf = (organisationId: string) => {
  const partner = cycle.partners.find((p) => p.organisation.id === organisationId);
  if (!partner) throw new Error('no report for the organisation');
  return partner.reportId;
};

beforeAll(async () => {
  t = await startTestApp({ jobPollMs: 0 });
  as = await signInAll(t);
  moroccan = await commitment(t, as['focal.ma'], { title: 'Train 200 border officers in victim identification' });
  // Seen by Morocco and the secretariat only: Senegal, a reviewer, does not see it in the report.
  hiddenMoroccan = await commitment(t, as['focal.ma'], {
    title: 'Joint investigation team on the Atlantic route',
    handlingCode: 'TLP:AMBER',
    recipientOrganisations: [as['focal.sec'].organisationId],
  });
  spanish = await commitment(t, as['focal.es'], { title: 'Open two assistance desks in Andalusia' });
  cycle = await openCycle(as['focal.sec'], {
    commitmentIds: [moroccan, hiddenMoroccan, spanish],
    reviewerOrganisations: [as['focal.sn'].organisationId],
  });
});
afterAll(() => t.close());

describe('opening a review cycle', () => {
  it('gives one not-started report to each lead organisation, and its task in the partner’s inbox', async () => {
    expect(cycle.partners.map((p) => p.organisation.id).sort()).toEqual(
      [as['focal.ma'].organisationId, as['focal.es'].organisationId].sort(),
    );
    expect(cycle.partners.every((p) => p.status === 'not_started' && p.progress === 'not_started')).toBe(true);
    expect(cycle.progress).toMatchObject({ not_started: 2, submitted: 0, late: 0 });
    expect(cycle.commitmentCount).toBe(3);
    expect(cycle.reviewers.map((r) => r.id)).toEqual([as['focal.sn'].organisationId]);
    expect(cycle.descriptionHtml).toContain('<strong>your</strong>');
    const subject = `Review cycle: report on "${cycle.title}" due ${cycle.deadline}`;
    expect(await inboxSubjects(as['focal.ma'])).toContain(subject);
    expect(await inboxSubjects(as['focal.es'])).toContain(subject);
    expect(await inboxSubjects(as['focal.ne'])).not.toContain(subject);
    const task = (await as['focal.ma'].client.get(`/api/v1/messages?box=inbox&unitId=${as['focal.ma'].unitIds[0]}`))
      .json()
      .messages.find((m: { subject: string }) => m.subject === subject);
    expect(task.handlingCode).toBe('TLP:GREEN');
    expect(task.body).toContain(`/followup/reports/${reportOf(as['focal.ma'].organisationId)}`);
    // Sent as any message is: its event (live stream, e-mail notices) is on the log.
    const events = await sql<{ type: string }>`select type from exchange_events where record_id = ${task.id}`.execute(
      t.database.db,
    );
    expect(events.rows.map((e) => e.type)).toEqual(['message.new']);
    const stored = await sql<{ task_message_id: string }>`select task_message_id from review_reports
      where id = ${reportOf(as['focal.ma'].organisationId)}`.execute(t.database.db);
    expect(stored.rows[0].task_message_id).toBe(task.id);
  });

  it('writes the open to the audit trail', async () => {
    const rows = await sql<{ action: string }>`select action from audit_log where target_id = ${cycle.id}`.execute(t.database.db);
    expect(rows.rows.map((r) => r.action)).toContain('followup.cycle.open');
  });

  it('lists the cycle for its parties only', async () => {
    for (const account of ['focal.sec', 'reader.sec', 'focal.ma', 'focal.es', 'focal.sn'] as const) {
      const list: CycleList = (await as[account].client.get(`${BASE}/cycles`)).json();
      expect(
        list.items.map((c) => c.id),
        account,
      ).toContain(cycle.id);
    }
    const outsider: CycleList = (await as['focal.ne'].client.get(`${BASE}/cycles`)).json();
    expect(outsider.items.map((c) => c.id)).not.toContain(cycle.id);
    expectProblem(await as['focal.ne'].client.get(`${BASE}/cycles/${cycle.id}`), 404, 'not-found');
  });

  it('says which reports each party may open: a partner its own, the secretariat and reviewers all', async () => {
    const readable = async (account: Account) => {
      const seen: CycleDetail = (await as[account].client.get(`${BASE}/cycles/${cycle.id}`)).json();
      return Object.fromEntries(seen.partners.map((p) => [p.organisation.id, p.readable]));
    };
    const [ma, es] = [as['focal.ma'].organisationId, as['focal.es'].organisationId];
    expect(await readable('focal.ma')).toEqual({ [ma]: true, [es]: false });
    expect(await readable('focal.es')).toEqual({ [ma]: false, [es]: true });
    expect(await readable('focal.sec')).toEqual({ [ma]: true, [es]: true });
    expect(await readable('focal.sn')).toEqual({ [ma]: true, [es]: true });
    expectProblem(await as['focal.es'].client.get(`${BASE}/reports/${reportOf(ma)}`), 404, 'not-found');
  });

  it('shows each viewer the covered commitments it may see', async () => {
    const seen = async (account: Account) =>
      ((await as[account].client.get(`${BASE}/cycles/${cycle.id}`)).json() as CycleDetail).commitments.map((c) => c.id);
    expect(await seen('focal.sec')).toEqual(expect.arrayContaining([moroccan, hiddenMoroccan, spanish]));
    expect(await seen('focal.sn')).not.toContain(hiddenMoroccan);
    expect(await seen('focal.sn')).toEqual(expect.arrayContaining([moroccan, spanish]));
    // Naming a TLP:AMBER commitment is an audited read, as on the commitments' own pages.
    const reads = await sql<{ target_id: string; actor_user_id: string }>`select target_id, actor_user_id from audit_log
      where action = 'commitment.read' and details->>'cycleId' = ${cycle.id}`.execute(t.database.db);
    expect(reads.rows).toContainEqual({ target_id: hiddenMoroccan, actor_user_id: as['focal.sec'].userId });
    expect(reads.rows.map((r) => r.target_id)).not.toContain(moroccan);
  });

  it('refuses a past deadline, an unknown or invisible commitment, an inactive reviewer, a partner', async () => {
    const sec = as['focal.sec'];
    const body = (extra: object) => ({
      unitId: sec.unitIds[0],
      title: 'Refused',
      deadline: inFuture(10),
      commitmentIds: [moroccan],
      reviewerOrganisations: [],
      ...extra,
    });
    expectProblem(await sec.client.post(`${BASE}/cycles`, body({ deadline: inFuture(-1) })), 422, 'deadline-passed');
    expectProblem(
      await sec.client.post(`${BASE}/cycles`, body({ commitmentIds: ['00000000-0000-4000-8000-000000000000'] })),
      422,
      'unknown-commitment',
    );
    // Senegal's own AMBER commitment, not shared with the secretariat: same answer as a missing one.
    const senegalOnly = await commitment(t, as['focal.sn'], {
      title: 'Internal Senegalese commitment',
      handlingCode: 'TLP:AMBER',
      recipientOrganisations: [as['focal.sn'].organisationId],
    });
    expectProblem(await sec.client.post(`${BASE}/cycles`, body({ commitmentIds: [senegalOnly] })), 422, 'unknown-commitment');
    expectProblem(
      await sec.client.post(`${BASE}/cycles`, body({ reviewerOrganisations: ['00000000-0000-4000-8000-000000000000'] })),
      422,
      'unknown-organisation',
    );
    expectProblem(
      await as['focal.ma'].client.post(`${BASE}/cycles`, body({ unitId: as['focal.ma'].unitIds[0] })),
      403,
      'not-secretariat',
    );
    expectProblem(await as['reader.sec'].client.post(`${BASE}/cycles`, body({})), 403, 'forbidden');
    expectProblem(await sec.client.post(`${BASE}/cycles`, body({ unitId: as['focal.ma'].unitIds[0] })), 403, 'not-your-unit');
  });
});

describe('the report workflow', () => {
  let id: string;
  beforeAll(() => {
    id = reportOf(as['focal.ma'].organisationId);
  });

  it('drafts, submits, is returned, resubmits and is accepted, with its history', async () => {
    const ma = as['focal.ma'].client;
    const sec = as['focal.sec'].client;
    let current = await report(ma, id);
    expect(current.entries.map((e) => e.commitment.id).sort()).toEqual([moroccan, hiddenMoroccan].sort());
    expect(current.permissions).toMatchObject({ edit: true, submit: true, decide: false, comment: false });

    let response = await put(ma, `${BASE}/reports/${id}`, {
      revision: current.revision,
      summary: 'Training is **under way**. <script>alert(1)</script>',
      entries: [{ commitmentId: moroccan, progress: '120 officers trained', assessment: 'on_track' }],
    });
    expect(response.statusCode, response.body).toBe(200);
    current = response.json();
    expect(current.status).toBe('draft');
    expect(current.summaryHtml).toContain('<strong>under way</strong>');
    expect(current.summaryHtml).not.toContain('<script');
    expect(current.entries.find((e) => e.commitment.id === moroccan)).toMatchObject({
      progress: '120 officers trained',
      assessment: 'on_track',
    });

    response = await ma.post(`${BASE}/reports/${id}/submit`, { revision: current.revision });
    expect(response.statusCode, response.body).toBe(200);
    current = response.json();
    expect(current.status).toBe('submitted');
    expect(current.submittedAt).not.toBeNull();

    response = await sec.post(`${BASE}/reports/${id}/return`, {
      revision: current.revision,
      reason: 'Add the figures by region.',
    });
    expect(response.statusCode, response.body).toBe(200);
    current = response.json();
    expect(current).toMatchObject({ status: 'returned', progress: 'returned', returnedReason: 'Add the figures by region.' });

    response = await put(ma, `${BASE}/reports/${id}`, {
      revision: current.revision,
      summary: 'Training under way: 70 in Tangier, 50 in Dakhla.',
      entries: [{ commitmentId: moroccan, progress: '120 officers trained (70 Tangier, 50 Dakhla)', assessment: 'on_track' }],
    });
    current = response.json();
    expect(current.status).toBe('returned');
    expect(current.entries.find((e) => e.commitment.id === moroccan)?.progress).toBe(
      '120 officers trained (70 Tangier, 50 Dakhla)',
    );
    current = (await ma.post(`${BASE}/reports/${id}/submit`, { revision: current.revision })).json();
    expect(current.status).toBe('submitted');
    response = await sec.post(`${BASE}/reports/${id}/accept`, { revision: current.revision });
    expect(response.statusCode, response.body).toBe(200);
    current = response.json();
    expect(current.status).toBe('accepted');
    expect(current.history.map((h) => h.toStatus)).toEqual([
      'not_started',
      'draft',
      'submitted',
      'returned',
      'submitted',
      'accepted',
    ]);
    expect(current.history[3].reason).toBe('Add the figures by region.');
    const audit = await sql<{ action: string }>`select action from audit_log where target_id = ${id} order by id`.execute(
      t.database.db,
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'followup.report.save',
      'followup.report.submit',
      'followup.report.return',
      'followup.report.save',
      'followup.report.submit',
      'followup.report.accept',
    ]);
  });

  it('lets the reviewers and the secretariat comment, never the partner', async () => {
    const sn = as['focal.sn'].client;
    const response = await sn.post(`${BASE}/reports/${id}/comments`, {
      body: 'Good progress; *share* the curriculum? <img src=x onerror=alert(1)>',
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created.organisation.id).toBe(as['focal.sn'].organisationId);
    expect(created.bodyHtml).toContain('<em>share</em>');
    expect(created.bodyHtml).not.toMatch(/<img/);
    expect((await as['focal.sec'].client.post(`${BASE}/reports/${id}/comments`, { body: 'Thank you.' })).statusCode).toBe(201);
    expectProblem(await as['focal.ma'].client.post(`${BASE}/reports/${id}/comments`, { body: 'Mine' }), 403, 'own-report');
    // Spain is a partner of the cycle, not a reviewer: it may not read Morocco's report.
    expectProblem(await as['focal.es'].client.post(`${BASE}/reports/${id}/comments`, { body: 'Hi' }), 404, 'not-found');
    const seen = await report(as['focal.ma'].client, id);
    expect(seen.comments.map((c) => c.body)).toHaveLength(2);
    // The cycle's page shows them beside the progress, to those who may open Morocco's report only.
    const onCycle = async (account: Account) =>
      ((await as[account].client.get(`${BASE}/cycles/${cycle.id}`)).json() as CycleDetail).comments;
    for (const account of ['focal.sec', 'focal.sn', 'focal.ma'] as const) {
      const comments = await onCycle(account);
      expect(
        comments.map((c) => [c.reportId, c.partner.id, c.comment.organisation.id]),
        account,
      ).toEqual([
        [id, as['focal.ma'].organisationId, as['focal.sn'].organisationId],
        [id, as['focal.ma'].organisationId, as['focal.sec'].organisationId],
      ]);
      expect(comments[0].comment.bodyHtml).not.toMatch(/<img/);
    }
    expect(await onCycle('focal.es')).toEqual([]);
  });

  it('shows a reviewer only the entries of commitments it may see', async () => {
    const seen = await report(as['focal.sn'].client, id);
    expect(seen.entries.map((e) => e.commitment.id)).toEqual([moroccan]);
    expect(seen.permissions).toMatchObject({ edit: false, decide: false, comment: true });
  });
});

describe('break-it', () => {
  let spanishReport: string;
  let fresh: () => Promise<number>;
  beforeAll(() => {
    spanishReport = reportOf(as['focal.es'].organisationId);
    fresh = async () => (await report(as['focal.es'].client, spanishReport)).revision;
  });

  it('refuses the partner deciding on its own report', async () => {
    const es = as['focal.es'].client;
    const submitted = (await es.post(`${BASE}/reports/${spanishReport}/submit`, { revision: await fresh() })).json();
    expect(submitted.status).toBe('submitted');
    expectProblem(
      await es.post(`${BASE}/reports/${spanishReport}/accept`, { revision: submitted.revision }),
      403,
      'not-secretariat',
    );
    expectProblem(
      await es.post(`${BASE}/reports/${spanishReport}/return`, { revision: submitted.revision, reason: 'x' }),
      403,
      'not-secretariat',
    );
  });

  it('refuses a reader of the partner and a reviewer writing the report', async () => {
    const body = { revision: await fresh(), summary: 'x', entries: [] };
    expectProblem(
      await put(as['reader.ma'].client, `${BASE}/reports/${reportOf(as['focal.ma'].organisationId)}`, body),
      403,
      'forbidden',
    );
    expectProblem(await put(as['focal.sn'].client, `${BASE}/reports/${spanishReport}`, body), 403, 'not-owner-organisation');
  });

  it('refuses the secretariat editing a partner’s report', async () => {
    const sec = as['focal.sec'].client;
    expectProblem(
      await put(sec, `${BASE}/reports/${spanishReport}`, { revision: await fresh(), summary: 'Rewritten', entries: [] }),
      403,
      'not-owner-organisation',
    );
    expectProblem(
      await sec.post(`${BASE}/reports/${spanishReport}/submit`, { revision: await fresh() }),
      403,
      'not-owner-organisation',
    );
  });

  it('hides a report from a non-party, whatever it asks', async () => {
    const ne = as['focal.ne'].client;
    expectProblem(await ne.get(`${BASE}/reports/${spanishReport}`), 404, 'not-found');
    expectProblem(
      await put(ne, `${BASE}/reports/${spanishReport}`, { revision: 1, summary: 'x', entries: [] }),
      404,
      'not-found',
    );
    expectProblem(await ne.post(`${BASE}/reports/${spanishReport}/comments`, { body: 'x' }), 404, 'not-found');
    expectProblem(await ne.get(`${BASE}/reports/00000000-0000-4000-8000-000000000000`), 404, 'not-found');
  });

  it('answers 409 to a wrong state and to a stale revision, writing nothing', async () => {
    const sec = as['focal.sec'].client;
    const revision = await fresh();
    // Submitted already: submitting again is a state conflict.
    expectProblem(await as['focal.es'].client.post(`${BASE}/reports/${spanishReport}/submit`, { revision }), 409, 'report-state');
    expectProblem(await sec.post(`${BASE}/reports/${spanishReport}/accept`, { revision: revision - 1 }), 409, 'stale-revision');
    expect((await report(sec, spanishReport)).status).toBe('submitted');
    const returned = (await sec.post(`${BASE}/reports/${spanishReport}/return`, { revision, reason: 'More detail.' })).json();
    expectProblem(
      await sec.post(`${BASE}/reports/${spanishReport}/accept`, { revision: returned.revision }),
      409,
      'report-state',
    );
  });

  it('refuses entries for commitments the partner does not lead in the cycle', async () => {
    expectProblem(
      await put(as['focal.es'].client, `${BASE}/reports/${spanishReport}`, {
        revision: await fresh(),
        summary: '',
        entries: [{ commitmentId: moroccan, progress: 'not ours', assessment: null }],
      }),
      422,
      'unknown-commitment',
    );
  });

  it('refuses oversized and malformed input', async () => {
    const es = as['focal.es'].client;
    expectProblem(
      await put(es, `${BASE}/reports/${spanishReport}`, { revision: await fresh(), summary: 'x'.repeat(20001), entries: [] }),
      400,
      'validation',
    );
    expectProblem(
      await as['focal.sec'].client.post(`${BASE}/reports/${spanishReport}/comments`, { body: 'x'.repeat(10001) }),
      400,
      'validation',
    );
    expectProblem(
      await put(es, `${BASE}/reports/${spanishReport}`, { revision: await fresh(), summary: '', entries: [], extra: 1 }),
      400,
      'validation',
    );
  });

  it('closes the cycle with a summary, then refuses every change with 409 cycle-closed', async () => {
    const sec = as['focal.sec'].client;
    const current: CycleDetail = (await sec.get(`${BASE}/cycles/${cycle.id}`)).json();
    expect(current.partners.map((p) => p.progress).sort()).toEqual(['accepted', 'returned']);
    expect(current.progress).toMatchObject({ accepted: 1, returned: 1 });
    expectProblem(
      await as['focal.ma'].client.post(`${BASE}/cycles/${cycle.id}/close`, { revision: current.revision, summary: 'x' }),
      403,
      'not-secretariat',
    );
    expectProblem(
      await sec.post(`${BASE}/cycles/${cycle.id}/close`, { revision: current.revision + 5, summary: 'x' }),
      409,
      'stale-revision',
    );
    const response = await sec.post(`${BASE}/cycles/${cycle.id}/close`, {
      revision: current.revision,
      summary: 'Two partners reported.',
    });
    expect(response.statusCode, response.body).toBe(200);
    const closed: CycleDetail = response.json();
    expect(closed).toMatchObject({ status: 'closed', closingSummary: 'Two partners reported.', permissions: { manage: false } });
    expectProblem(
      await sec.post(`${BASE}/cycles/${cycle.id}/close`, { revision: closed.revision, summary: 'again' }),
      409,
      'cycle-closed',
    );
    expectProblem(
      await put(as['focal.es'].client, `${BASE}/reports/${spanishReport}`, {
        revision: await fresh(),
        summary: 'late edit',
        entries: [],
      }),
      409,
      'cycle-closed',
    );
    expectProblem(await sec.post(`${BASE}/reports/${spanishReport}/comments`, { body: 'late' }), 409, 'cycle-closed');
  });
});

describe('late', () => {
  it('is a not-started or draft report past the deadline; a returned one shows returned', async () => {
    const sec = as['focal.sec'];
    const late = await openCycle(sec, { commitmentIds: [moroccan, spanish], deadline: inFuture(0), title: 'Deadline today' });
    const spanishReport = late.partners.find((p) => p.organisation.id === as['focal.es'].organisationId)?.reportId ?? '';
    const submitted = (await as['focal.es'].client.post(`${BASE}/reports/${spanishReport}/submit`, { revision: 1 })).json();
    await sec.client.post(`${BASE}/reports/${spanishReport}/return`, { revision: submitted.revision, reason: 'Incomplete.' });
    // The deadline day ends.
    await sql`update review_cycles set deadline = current_date - 1 where id = ${late.id}`.execute(t.database.db);
    const seen: CycleDetail = (await sec.client.get(`${BASE}/cycles/${late.id}`)).json();
    const progress = Object.fromEntries(seen.partners.map((p) => [p.organisation.id, p.progress]));
    expect(progress[as['focal.ma'].organisationId]).toBe('late');
    expect(progress[as['focal.es'].organisationId]).toBe('returned');
    expect(seen.progress).toMatchObject({ late: 1, returned: 1, not_started: 0 });
  });
});
