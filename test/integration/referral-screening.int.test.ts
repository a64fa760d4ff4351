import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionnaireReply, Screening, ScreeningList } from '../../src/shared/referral/screening-contract.js';
import { expectProblem } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { caseIds, makeUser, referCase } from './referral-cases-fixtures.js';
import {
  answers,
  auditRowsOf,
  countRows,
  makeCase,
  makeProvider,
  type Person,
  person,
  screeningBody,
  supervisor,
} from './referral-screening-fixtures.js';

/**
 * Screening a case through the API: the versioned questionnaire, answers validated against the
 * version, suggestions stored beside what the screener decided, services suggested near the case,
 * notes encrypted and read only by the owner unit; who may record and read; nothing stored on refusal.
 */
let t: TestApp;
let worker: Person;
let foreignWorker: Person;
let boss: Person;
let reader: Person;
let caseId: string;
let closedCaseId: string;
let shelterHere: string;
let shelterAbroad: string;
const NOTE = 'Found near the port of Tanger-Med, speaks of a cousin in Almería';

const screeningsOf = (id: string) => `/api/v1/cases/${id}/screenings`;

beforeAll(async () => {
  t = await startTestApp();
  worker = await person(t, 'caseworker.ma@liaison.demo');
  foreignWorker = await person(t, 'caseworker.es@liaison.demo');
  reader = await person(t, 'reader.ma@liaison.demo');
  boss = await supervisor(t, 'ma', worker.unitIds);
  caseId = await makeCase(worker);
  closedCaseId = await makeCase(worker, { closed: true });
  const country = (await worker.client.get('/api/v1/me')).json().organisation.country as string;
  shelterAbroad = await makeProvider(
    t,
    foreignWorker,
    'Albergue Esperanza',
    ['shelter', 'legal_aid'],
    country === 'ES' ? 'FR' : 'ES',
  );
  shelterHere = await makeProvider(t, worker, 'Maison Amal', ['shelter'], country);
  await makeProvider(t, worker, 'Closed shelter', ['shelter'], country, false);
  await makeProvider(t, worker, 'Clinic only', ['medical_care'], country);
});
afterAll(() => t.close());

describe('the questionnaire', () => {
  it('gives the current version by default, grouped by indicator family then age, medical and protection', async () => {
    const response = await worker.client.get('/api/v1/screening/questionnaire');
    expect(response.statusCode, response.body).toBe(200);
    const questionnaire: QuestionnaireReply = response.json();
    expect(questionnaire).toMatchObject({ version: '2026-1', current: true, versions: ['2026-1'] });
    expect(questionnaire.sections.map((s) => s.id)).toEqual([
      'deception',
      'coercion',
      'exploitation',
      'movement',
      'age',
      'medical',
      'protection',
    ]);
    const coercion = questionnaire.sections.find((s) => s.id === 'coercion');
    expect(coercion?.family).toBe('coercion');
    expect(coercion?.questions.map((q) => q.id)).toContain('coercion_debt_bondage');
    expect(coercion?.questions[0]?.answers).toEqual(['yes', 'no', 'unknown']);
  });

  it('answers a version asked for, refuses one that was never published, and is for case roles only', async () => {
    expect((await boss.client.get('/api/v1/screening/questionnaire?version=2026-1')).json().version).toBe('2026-1');
    expectProblem(await worker.client.get('/api/v1/screening/questionnaire?version=1999-1'), 422, 'unknown-questionnaire');
    expectProblem(await reader.client.get('/api/v1/screening/questionnaire'), 403, 'forbidden');
    expect((await t.anonymous().get('/api/v1/screening/questionnaire')).statusCode).toBe(401);
  });
});

describe('recording a screening', () => {
  let screening: Screening;

  it('stores the answers with the version, the suggestions, and what the screener decided', async () => {
    const response = await worker.client.post(
      screeningsOf(caseId),
      screeningBody({
        answers: answers({ exploitation_unpaid_work: 'yes', coercion_documents_confiscated: 'yes', age_declared_minor: 'no' }),
        // The screener decides: shelter only, and a lower urgency than suggested.
        decidedNeeds: ['shelter'],
        assessment: 'possible_victim',
        urgency: 'normal',
        notes: NOTE,
      }),
    );
    expect(response.statusCode, response.body).toBe(201);
    screening = response.json();
    expect(screening).toMatchObject({
      caseId,
      questionnaireVersion: '2026-1',
      indicatorFamilies: ['coercion', 'exploitation'],
      suggestedNeeds: ['shelter', 'legal_aid', 'psychosocial_support'],
      suggestedAssessment: 'presumed_victim',
      suggestedUrgency: 'high',
      ageAssessmentNeeded: false,
      decidedNeeds: ['shelter'],
      assessment: 'possible_victim',
      urgency: 'normal',
      notes: NOTE,
      hasNotes: true,
      screenedBy: { id: worker.userId },
    });
    expect(screening.answers.exploitation_unpaid_work).toBe('yes');
  });

  it('suggests active providers of the decided needs, those in the case’s country first', async () => {
    const names = screening.suggestedServices.map((s) => s.name);
    expect(names).toEqual(['Maison Amal', 'Albergue Esperanza']);
    expect(screening.suggestedServices[0]).toMatchObject({ providerId: shelterHere, needs: ['shelter'], inCaseCountry: true });
    expect(screening.suggestedServices[1]).toMatchObject({ providerId: shelterAbroad, needs: ['shelter'], inCaseCountry: false });
  });

  it('encrypts the notes, and names no note in the audit trail', async () => {
    const row = await t.database.db
      .selectFrom('case_screenings')
      .select(['notes_enc', 'answers', 'suggested_needs', 'decided_needs'])
      .where('id', '=', screening.id)
      .executeTakeFirstOrThrow();
    expect(row.notes_enc).toMatch(/^k[0-9a-z]+:/);
    expect(row.notes_enc).not.toContain('Tanger');
    expect(row.decided_needs).toEqual(['shelter']);
    const audit = await auditRowsOf(t, caseId);
    const recorded = audit.find((a) => a.action === 'case.screening.record');
    expect(recorded?.details).toContain(screening.id);
    expect(recorded?.details).toContain('screeningNotes');
    for (const entry of audit) expect(entry.details).not.toMatch(/Tanger|Almería|cousin/);
  });

  it('lists screenings newest first; the owner reads the notes (audited), a supervisor never does', async () => {
    await worker.client.post(screeningsOf(caseId), screeningBody({ answers: answers({ medical_urgency: 'urgent' }) }));
    const mine: ScreeningList = (await worker.client.get(screeningsOf(caseId))).json();
    expect(mine.total).toBe(2);
    expect(mine.items[0]?.suggestedNeeds).toEqual(['medical_care']);
    expect(mine.items[1]).toMatchObject({ id: screening.id, notes: NOTE });
    expect(mine.permissions).toEqual({ edit: true });
    const reads = (await auditRowsOf(t, caseId)).filter((a) => a.action === 'case.personal.read');
    expect(reads.at(-1)?.details).toContain('screeningNotes');

    const response = await boss.client.get(screeningsOf(caseId));
    expect(response.statusCode, response.body).toBe(200);
    const seen: ScreeningList = response.json();
    expect(seen.items[1]).toMatchObject({ id: screening.id, notes: null, hasNotes: true, assessment: 'possible_victim' });
    expect(seen.permissions).toEqual({ edit: false });
    expect(response.body).not.toMatch(/Almería|cousin/);
  });
});

describe('the case after a screening', () => {
  it('shows the screenings in the case’s history once each, and the latest assessment in the list', async () => {
    const history = await worker.client.get(`/api/v1/cases/${caseId}/history`);
    expect(history.statusCode, history.body).toBe(200);
    const items = history.json().items as { source: string; event: string }[];
    expect(items.filter((item) => item.source === 'screening')).toHaveLength(2);
    expect(items.filter((item) => item.source === 'case').map((item) => item.event)).toEqual(['opened']);
    expect(history.body).not.toMatch(/Almería|cousin/);
    // The screened case moved to the top of the list, which was opened before the closed one.
    const list = (await worker.client.get('/api/v1/cases?limit=5')).json();
    expect(list.items[0]).toMatchObject({ id: caseId, latestAssessment: 'no_indication' });
  });
});

describe('a unit the case is referred to', () => {
  it('reads the screenings’ codes without their notes, and records none', async () => {
    const referredCase = await makeCase(worker);
    await worker.client.post(screeningsOf(referredCase), screeningBody({ notes: NOTE }));
    await referCase(t, referredCase, {
      fromUnitId: worker.unitIds[0] as string,
      toUnitId: foreignWorker.unitIds[0] as string,
      providerOrganisationId: foreignWorker.organisationId,
      fields: ['givenNames'],
      userId: worker.userId,
    });
    const response = await foreignWorker.client.get(screeningsOf(referredCase));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ total: 1, items: [{ notes: null, hasNotes: true }], permissions: { edit: false } });
    expect(response.body).not.toMatch(/Almería|cousin/);
    expectProblem(await foreignWorker.client.post(screeningsOf(referredCase), screeningBody()), 403, 'not-owner-unit');
  });
});

describe('what is refused, with nothing stored', () => {
  it('answers that the version does not have, or an unknown version: 422 naming the questions', async () => {
    const before = await countRows(t, 'case_screenings', caseId);
    const wrong = { ...answers({ medical_urgency: 'maybe', made_up: 'yes' }) } as Record<string, string>;
    delete wrong.coercion_isolation;
    const problem = expectProblem(
      await worker.client.post(screeningsOf(caseId), screeningBody({ answers: wrong })),
      422,
      'invalid-answers',
    );
    expect((problem.questions as string[]).sort()).toEqual(['coercion_isolation', 'made_up', 'medical_urgency']);
    expectProblem(
      await worker.client.post(screeningsOf(caseId), screeningBody({ questionnaireVersion: '2019-1' })),
      422,
      'unknown-questionnaire',
    );
    expect(await countRows(t, 'case_screenings', caseId)).toBe(before);
  });

  it('malformed bodies: 400', async () => {
    const before = await countRows(t, 'case_screenings', caseId);
    for (const body of [
      screeningBody({ extra: true }),
      screeningBody({ decidedNeeds: ['flying_carpet'] }),
      screeningBody({ assessment: 'certain' }),
      screeningBody({ urgency: undefined }),
      screeningBody({ notes: 'x'.repeat(4001) }),
      screeningBody({ answers: 'yes' }),
    ]) {
      const response = await worker.client.post(screeningsOf(caseId), body);
      expect(response.statusCode, response.body).toBe(400);
    }
    expect(await countRows(t, 'case_screenings', caseId)).toBe(before);
  });

  it('another unit’s or organisation’s case worker: 404; a supervisor: 403; a closed case: 409; a reader: 403', async () => {
    const before = await countRows(t, 'case_screenings', caseId);
    expectProblem(await foreignWorker.client.post(screeningsOf(caseId), screeningBody()), 404, 'not-found');
    expectProblem(await foreignWorker.client.get(screeningsOf(caseId)), 404, 'not-found');
    expectProblem(await boss.client.post(screeningsOf(caseId), screeningBody()), 403, 'not-owner-unit');
    expectProblem(await reader.client.post(screeningsOf(caseId), screeningBody()), 403, 'forbidden');
    expectProblem(await worker.client.post(screeningsOf(closedCaseId), screeningBody()), 409, 'case-closed');
    expectProblem(
      await worker.client.post(screeningsOf('00000000-0000-4000-8000-000000000000'), screeningBody()),
      404,
      'not-found',
    );
    // A case worker of another unit of the same organisation does not know the case either.
    const ids = await caseIds(t);
    const otherUnit = await makeUser(t, 'ma', ids, ['case_worker'], [ids.units.ma?.[1] as string]);
    expectProblem(await otherUnit.post(screeningsOf(caseId), screeningBody()), 404, 'not-found');
    expectProblem(await otherUnit.get(screeningsOf(caseId)), 404, 'not-found');
    expect(await countRows(t, 'case_screenings', caseId)).toBe(before);
    expect(await countRows(t, 'case_screenings', closedCaseId)).toBe(0);
    // A closed case is read-only, not hidden.
    expect((await worker.client.get(screeningsOf(closedCaseId))).json()).toMatchObject({
      total: 0,
      permissions: { edit: false },
    });
  });
});
