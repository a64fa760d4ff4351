import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/fixtures.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { type CaseIds, caseIds, makeUser, openCase, person, referCase, userId } from './referral-cases-fixtures.js';

let t: TestApp;
let ids: CaseIds;
const as: Record<string, Client> = {};

beforeAll(async () => {
  t = await startTestApp();
  ids = await caseIds(t);
  for (const account of ['caseworker.ma', 'caseworker.es', 'caseworker.sn', 'focal.ma', 'reader.ma', 'orgadmin.ma', 'analyst.ma'])
    as[account] = await t.signIn(`${account}@liaison.demo`);
  as.supervisor = await makeUser(t, 'ma', ids, ['case_supervisor'], [ids.units.ma[0]]);
  // A case worker of the other unit of the same organisation.
  as.otherUnit = await makeUser(t, 'ma', ids, ['case_worker'], [ids.units.ma[1]]);
});
afterAll(() => t.close());

const auditRows = (caseId: string, action: string) =>
  sql<{ details: Record<string, unknown>; actor_user_id: string }>`select details, actor_user_id from audit_log
    where target_id = ${caseId} and action = ${action} order by id`
    .execute(t.database.db)
    .then((r) => r.rows);

describe('opening and reading a case', () => {
  it('opens a case under a pseudonymous reference for the case worker unit, and its workers read every field', async () => {
    const created = await openCase(as['caseworker.ma'], { caseType: 'trafficking', notes: 'Met at the port' });
    expect(created.reference).toMatch(/^LSN-[0-9A-HJKMNP-TV-Z]{8}$/);
    const read = await as['caseworker.ma'].get(`/api/v1/cases/${created.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      id: created.id,
      reference: created.reference,
      caseType: 'trafficking',
      status: 'open',
      isChild: false,
      access: 'owner',
      revision: 1,
      ownerUnit: { id: ids.units.ma[0], organisationId: ids.organisation.ma },
      person: person(),
      notes: 'Met at the port',
      latestAssessment: null,
      openReferrals: 0,
    });
    const audits = await auditRows(created.id, 'case.personal.read');
    expect(audits).toHaveLength(1);
    expect(audits[0].details).toEqual({ fields: [...Object.keys(person()), 'notes'] });
    const creation = await auditRows(created.id, 'case.create');
    expect(JSON.stringify(creation)).not.toMatch(/Amina|Benali|1995|Tangier/);
  });

  it('derives the child flag from the date of birth and defaults the case type', async () => {
    const year = new Date().getUTCFullYear() - 10;
    const created = await openCase(as['caseworker.ma'], { person: person({ dateOfBirth: `${year}-01-01` }) });
    const read = (await as['caseworker.ma'].get(`/api/v1/cases/${created.id}`)).json();
    expect(read).toMatchObject({ isChild: true, caseType: 'other_vulnerability' });
  });

  it('refuses a unit that is not the case worker own (422 no-unit) and stores nothing', async () => {
    const before = await countCases();
    expectProblem(await as['caseworker.ma'].post('/api/v1/cases', { unitId: ids.units.es[0], person: person() }), 422, 'no-unit');
    expect(await countCases()).toBe(before);
  });

  it('refuses a case worker without a unit (422 no-unit)', async () => {
    const unitless = await makeUser(t, 'ma', ids, ['case_worker'], []);
    expectProblem(await unitless.post('/api/v1/cases', { person: person() }), 422, 'no-unit');
  });

  it('hides a case from another unit and another organisation (404, like a case that does not exist)', async () => {
    const created = await openCase(as['caseworker.ma']);
    expectProblem(await as.otherUnit.get(`/api/v1/cases/${created.id}`), 404, 'not-found');
    expectProblem(await as['caseworker.es'].get(`/api/v1/cases/${created.id}`), 404, 'not-found');
    expectProblem(await as['caseworker.es'].get(`/api/v1/cases/${created.id}/history`), 404, 'not-found');
    expectProblem(
      await as['caseworker.es'].patch(`/api/v1/cases/${created.id}`, { revision: 1, caseType: 'medical' }),
      404,
      'not-found',
    );
    const list = (await as['caseworker.es'].get('/api/v1/cases')).json();
    expect(list.items.map((c: { id: string }) => c.id)).not.toContain(created.id);
  });

  it('refuses readers, focal points, analysts and organisation administrators at every route (403)', async () => {
    const created = await openCase(as['caseworker.ma']);
    for (const account of ['reader.ma', 'focal.ma', 'analyst.ma', 'orgadmin.ma']) {
      expectProblem(await as[account].get('/api/v1/cases'), 403, 'forbidden');
      expectProblem(await as[account].get(`/api/v1/cases/${created.id}`), 403, 'forbidden');
      expectProblem(await as[account].post('/api/v1/cases', { person: person() }), 403, 'forbidden');
      expectProblem(await as[account].patch(`/api/v1/cases/${created.id}`, { revision: 1 }), 403, 'forbidden');
    }
  });
});

describe('a supervisor', () => {
  it('sees the organisation list and summaries without personal fields, and may not change a case', async () => {
    const created = await openCase(as.otherUnit);
    const list = (await as.supervisor.get('/api/v1/cases')).json();
    expect(list.items.map((c: { id: string }) => c.id)).toContain(created.id);
    expect(JSON.stringify(list)).not.toMatch(/Amina|Benali/);
    const read = await as.supervisor.get(`/api/v1/cases/${created.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ access: 'supervisor', person: null, personFields: [] });
    expect(read.json()).not.toHaveProperty('notes');
    expect(await auditRows(created.id, 'case.personal.read')).toHaveLength(0);
    expectProblem(
      await as.supervisor.patch(`/api/v1/cases/${created.id}`, { revision: 1, caseType: 'medical' }),
      403,
      'not-owner-unit',
    );
    expectProblem(
      await as.supervisor.post(`/api/v1/cases/${created.id}/close`, { revision: 1, reason: 'done' }),
      403,
      'not-owner-unit',
    );
    expectProblem(await as.supervisor.post('/api/v1/cases', { person: person() }), 403, 'forbidden');
    // A supervisor finds the organisation's cases by name, without reading the person.
    const found = (await as.supervisor.get('/api/v1/cases?q=Benali%20Amina')).json();
    expect(found.items.map((c: { id: string }) => c.id)).toContain(created.id);
    expect(JSON.stringify(found)).not.toMatch(/Amina|Benali/);
  });

  it('sees nothing of another organisation', async () => {
    const created = await openCase(as['caseworker.es']);
    expectProblem(await as.supervisor.get(`/api/v1/cases/${created.id}`), 404, 'not-found');
    const found = (await as.supervisor.get('/api/v1/cases?q=Benali&limit=100')).json();
    expect(found.items.map((c: { id: string }) => c.id)).not.toContain(created.id);
  });
});

describe('a unit the case is referred to', () => {
  it('reads only the shared fields, with a reason, audited with the fields and the reason', async () => {
    const created = await openCase(as['caseworker.ma'], { notes: 'Private note' });
    await referCase(t, created.id, {
      fromUnitId: ids.units.ma[0],
      toUnitId: ids.units.es[0],
      providerOrganisationId: ids.organisation.es,
      fields: ['givenNames', 'languages'],
      userId: await userId(t, 'caseworker.ma@liaison.demo'),
    });
    expectProblem(await as['caseworker.es'].get(`/api/v1/cases/${created.id}`), 422, 'reason-required');
    expectProblem(await as['caseworker.es'].get(`/api/v1/cases/${created.id}?reason=ok`), 422, 'reason-required');
    const read = await as['caseworker.es'].get(`/api/v1/cases/${created.id}?reason=${encodeURIComponent('Shelter intake')}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      access: 'referred',
      person: { givenNames: 'Amina Zahra', languages: ['ar', 'fr'] },
      personFields: ['givenNames', 'languages'],
    });
    expect(Object.keys(read.json().person).sort()).toEqual(['givenNames', 'languages']);
    expect(read.json()).not.toHaveProperty('notes');
    const audits = await auditRows(created.id, 'case.personal.read');
    expect(audits.at(-1)?.details).toEqual({ fields: ['givenNames', 'languages'], reason: 'Shelter intake' });
    // It sees the case in its list, but may not change it.
    const list = (await as['caseworker.es'].get('/api/v1/cases')).json();
    expect(list.items.map((c: { id: string }) => c.id)).toContain(created.id);
    expectProblem(
      await as['caseworker.es'].patch(`/api/v1/cases/${created.id}`, { revision: 1, caseType: 'medical' }),
      403,
      'not-owner-unit',
    );
  });

  it('loses access once the referral stops sharing', async () => {
    const created = await openCase(as['caseworker.ma']);
    const referralId = await referCase(t, created.id, {
      fromUnitId: ids.units.ma[0],
      toUnitId: ids.units.es[0],
      providerOrganisationId: ids.organisation.es,
      fields: ['givenNames'],
      userId: await userId(t, 'caseworker.ma@liaison.demo'),
    });
    const reason = '?reason=Follow-up%20call';
    expect((await as['caseworker.es'].get(`/api/v1/cases/${created.id}${reason}`)).statusCode).toBe(200);
    await sql`update referrals set sharing_stopped_at = now() where id = ${referralId}`.execute(t.database.db);
    expectProblem(await as['caseworker.es'].get(`/api/v1/cases/${created.id}${reason}`), 404, 'not-found');
    const list = (await as['caseworker.es'].get('/api/v1/cases')).json();
    expect(list.items.map((c: { id: string }) => c.id)).not.toContain(created.id);
  });
});

describe('the list', () => {
  it('filters by type and owner unit, and carries no personal field', async () => {
    const medical = await openCase(as['caseworker.ma'], { caseType: 'medical' });
    const other = await openCase(as['caseworker.ma'], { caseType: 'international_protection' });
    const byType = (await as['caseworker.ma'].get('/api/v1/cases?type=medical')).json();
    const found = byType.items.map((c: { id: string }) => c.id);
    expect(found).toContain(medical.id);
    expect(found).not.toContain(other.id);
    expect(byType.items.every((c: { caseType: string }) => c.caseType === 'medical')).toBe(true);
    const byUnit = (await as.supervisor.get(`/api/v1/cases?unit=${ids.units.ma[1]}`)).json();
    expect(byUnit.items.every((c: { ownerUnit: { id: string } }) => c.ownerUnit.id === ids.units.ma[1])).toBe(true);
    const list = (await as['caseworker.ma'].get('/api/v1/cases')).json();
    expect(Object.keys(list.items[0]).sort()).toEqual([
      'caseType',
      'createdAt',
      'id',
      'isChild',
      'latestAssessment',
      'openReferrals',
      'ownerUnit',
      'reference',
      'status',
      'updatedAt',
    ]);
    expect(JSON.stringify(list)).not.toMatch(/Amina|Benali|1995-04-12|Tangier/);
  });
});

describe('changing, closing and the history', () => {
  it('changes fields at the current revision, refuses a stale one, and records field names only', async () => {
    const created = await openCase(as['caseworker.ma']);
    const changed = await as['caseworker.ma'].patch(`/api/v1/cases/${created.id}`, {
      revision: 1,
      person: { familyName: 'Benali-Idrissi', contact: null },
      caseType: 'medical',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ revision: 2, status: 'open' });
    expectProblem(
      await as['caseworker.ma'].patch(`/api/v1/cases/${created.id}`, { revision: 1, caseType: 'trafficking' }),
      409,
      'stale-revision',
    );
    const read = (await as['caseworker.ma'].get(`/api/v1/cases/${created.id}`)).json();
    expect(read.person).toMatchObject({ familyName: 'Benali-Idrissi', contact: null, givenNames: 'Amina Zahra' });
    expect(read.caseType).toBe('medical');
    const history = (await as['caseworker.ma'].get(`/api/v1/cases/${created.id}/history`)).json();
    expect(history.items.map((e: { event: string }) => e.event)).toEqual(['opened', 'updated']);
    expect(history.items[1].fields).toEqual(['familyName', 'contact', 'caseType']);
    expect(JSON.stringify(history)).not.toMatch(/Benali|Amina|\+212/);
    const audit = await auditRows(created.id, 'case.update');
    expect(audit[0].details).toEqual({ fields: ['familyName', 'contact', 'caseType'] });
  });

  it('shows screenings, consents and referral steps in the history, by codes and field names only', async () => {
    const created = await openCase(as['caseworker.ma']);
    const worker = await userId(t, 'caseworker.ma@liaison.demo');
    const db = t.database.db;
    await sql`insert into case_screenings (case_id, questionnaire_version, answers, assessment, urgency, notes_enc, screened_by)
      values (${created.id}, '2026-1', '{}', 'possible_victim', 'high', null, ${worker})`.execute(db);
    const referralId = await referCase(t, created.id, {
      fromUnitId: ids.units.ma[0],
      toUnitId: ids.units.es[0],
      providerOrganisationId: ids.organisation.es,
      fields: ['givenNames', 'languages'],
      userId: worker,
    });
    await sql`insert into referral_events (referral_id, from_status, to_status, actor_id) values (${referralId}, null, 'sent', ${worker})`.execute(
      db,
    );
    await sql`update case_consents set withdrawn_at = now(), withdrawn_by = ${worker}, withdrawal_reason = 'Changed their mind'
      where case_id = ${created.id}`.execute(db);
    const history = await as['caseworker.ma'].get(`/api/v1/cases/${created.id}/history`);
    expect(history.statusCode, history.body).toBe(200);
    const items = history.json().items as { source: string; event: string; fields: string[]; reason: string | null }[];
    expect(items.map((e) => `${e.source}:${e.event}`).sort()).toEqual(
      [
        'case:opened',
        'consent:recorded:share_with_service',
        'consent:withdrawn:share_with_service',
        'referral:sent',
        'screening:possible_victim',
      ].sort(),
    );
    expect(items.find((e) => e.source === 'referral')?.fields).toEqual(['givenNames', 'languages']);
    expect(items.find((e) => e.event.startsWith('withdrawn'))?.reason).toBe('Changed their mind');
    expect(history.json().items[0].actor).toMatchObject({ id: worker });
    const list = (await as['caseworker.ma'].get(`/api/v1/cases?unit=${ids.units.ma[0]}`)).json();
    expect(list.items.find((c: { id: string }) => c.id === created.id)).toMatchObject({
      latestAssessment: 'possible_victim',
      openReferrals: 1,
    });
  });

  it('changes names right after a restart, when the key ring is read inside the change (PGlite has one session)', async () => {
    const created = await openCase(as['caseworker.ma']);
    const restarted = await startTestApp({}, t.database);
    try {
      const worker = await restarted.signIn('caseworker.ma@liaison.demo');
      const changed = await worker.patch(`/api/v1/cases/${created.id}`, { revision: 1, person: { dateOfBirth: null } });
      expect(changed.statusCode, changed.body).toBe(200);
    } finally {
      await restarted.close();
    }
  }, 20_000);

  it('closes a case with a reason; a closed case is read-only', async () => {
    const created = await openCase(as['caseworker.ma']);
    expectProblem(await as['caseworker.ma'].post(`/api/v1/cases/${created.id}/close`, { revision: 1 }), 400, 'validation');
    const closed = await as['caseworker.ma'].post(`/api/v1/cases/${created.id}/close`, {
      revision: 1,
      reason: 'Person returned home',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', revision: 2 });
    expectProblem(
      await as['caseworker.ma'].patch(`/api/v1/cases/${created.id}`, { revision: 2, caseType: 'medical' }),
      409,
      'case-closed',
    );
    expectProblem(
      await as['caseworker.ma'].post(`/api/v1/cases/${created.id}/close`, { revision: 2, reason: 'again' }),
      409,
      'case-closed',
    );
    const read = (await as['caseworker.ma'].get(`/api/v1/cases/${created.id}`)).json();
    expect(read).toMatchObject({ status: 'closed', closureReason: 'Person returned home' });
    expect(read.closedAt).toBeTruthy();
    const closedList = (await as['caseworker.ma'].get('/api/v1/cases?status=closed')).json();
    expect(closedList.items.map((c: { id: string }) => c.id)).toContain(created.id);
    expect(closedList.items.every((c: { status: string }) => c.status === 'closed')).toBe(true);
  });
});

const countCases = () => sql<{ n: number }>`select count(*)::int as n from cases`.execute(t.database.db).then((r) => r.rows[0].n);
