import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BestInterestsList, Consent, ConsentList, WithdrawnConsent } from '../../src/shared/referral/screening-contract.js';
import { expectProblem } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { referCase } from './referral-cases-fixtures.js';
import {
  auditRowsOf,
  countRows,
  makeCase,
  makeProvider,
  type Person,
  person,
  supervisor,
} from './referral-screening-fixtures.js';

/**
 * The person's consent (recorded, listed, withdrawn: kept and shown as withdrawn) and a child's
 * best-interests steps, through the API; who may change and read them; refusals store nothing.
 */
let t: TestApp;
let worker: Person;
let foreignWorker: Person;
let boss: Person;
let caseId: string;
let childCaseId: string;
let closedCaseId: string;
let providerId: string;
const NOTE = 'Guardian Fatou Ndiaye met the child at the Dakar shelter';

const consentsOf = (id: string) => `/api/v1/cases/${id}/consents`;
const stepsOf = (id: string) => `/api/v1/cases/${id}/best-interests`;
const givenAt = () => new Date(Date.now() - 3_600_000).toISOString();
const consentBody = (given: Record<string, unknown> = {}) => ({
  scope: 'share_with_service',
  providerId,
  fields: ['givenNames', 'contact'],
  recordedHow: 'written',
  givenAt: givenAt(),
  ...given,
});
const stepBody = (given: Record<string, unknown> = {}) => ({
  step: 'best_interests_determination',
  decision: 'referral_in_best_interests',
  authority: 'Juge des enfants, Tanger',
  ...given,
});

beforeAll(async () => {
  t = await startTestApp();
  worker = await person(t, 'caseworker.ma@liaison.demo');
  foreignWorker = await person(t, 'caseworker.es@liaison.demo');
  boss = await supervisor(t, 'ma', worker.unitIds);
  caseId = await makeCase(worker);
  childCaseId = await makeCase(worker, { isChild: true });
  closedCaseId = await makeCase(worker, { closed: true });
  providerId = await makeProvider(t, worker, 'Maison Amal', ['shelter'], 'MA');
});
afterAll(() => t.close());

describe('consent', () => {
  let consent: Consent;

  it('records what the person agreed to, for which service, with which fields', async () => {
    const response = await worker.client.post(consentsOf(caseId), consentBody({ fields: ['contact', 'givenNames'] }));
    expect(response.statusCode, response.body).toBe(201);
    consent = response.json();
    expect(consent).toMatchObject({
      caseId,
      scope: 'share_with_service',
      provider: { id: providerId, name: 'Maison Amal' },
      organisation: null,
      // In the order of the personal fields, whatever the order sent.
      fields: ['givenNames', 'contact'],
      recordedHow: 'written',
      recordedBy: { id: worker.userId },
      status: 'active',
      withdrawnAt: null,
    });
  });

  it('records consent to a transnational referral naming the partner organisation', async () => {
    const response = await worker.client.post(
      consentsOf(caseId),
      consentBody({ scope: 'transnational_referral', providerId: undefined, organisationId: foreignWorker.organisationId }),
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ organisation: { id: foreignWorker.organisationId }, provider: null });
  });

  it('refuses fields that are not personal fields, a missing service or organisation, a scope mismatch, a future date', async () => {
    const before = await countRows(t, 'case_consents', caseId);
    const refused = [
      consentBody({ fields: ['givenNames', 'passwordHash'] }),
      consentBody({ providerId: '00000000-0000-4000-8000-000000000000' }),
      consentBody({ providerId: undefined }),
      consentBody({
        scope: 'transnational_referral',
        providerId: undefined,
        organisationId: '00000000-0000-4000-8000-000000000000',
      }),
      consentBody({ scope: 'be_contacted' }),
    ];
    for (const body of refused) expectProblem(await worker.client.post(consentsOf(caseId), body), 422, 'invalid-consent');
    expectProblem(
      await worker.client.post(consentsOf(caseId), consentBody({ givenAt: new Date(Date.now() + 86_400_000).toISOString() })),
      422,
      'invalid-date',
    );
    for (const body of [
      consentBody({ scope: 'everything' }),
      consentBody({ recordedHow: 'telepathy' }),
      consentBody({ givenAt: 'yesterday' }),
      consentBody({ extra: 1 }),
      consentBody({ providerId: 'not-a-uuid' }),
    ])
      expect((await worker.client.post(consentsOf(caseId), body)).statusCode).toBe(400);
    expect(await countRows(t, 'case_consents', caseId)).toBe(before);
  });

  it('lists consents to the readers of the case; only the owner unit may change them', async () => {
    const mine: ConsentList = (await worker.client.get(consentsOf(caseId))).json();
    expect(mine).toMatchObject({ total: 2, caseIsChild: false, permissions: { edit: true } });
    const seen = await boss.client.get(consentsOf(caseId));
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ total: 2, permissions: { edit: false } });
    const before = await countRows(t, 'case_consents', caseId);
    expectProblem(await boss.client.post(consentsOf(caseId), consentBody()), 403, 'not-owner-unit');
    expectProblem(await foreignWorker.client.post(consentsOf(caseId), consentBody()), 404, 'not-found');
    expectProblem(await foreignWorker.client.get(consentsOf(caseId)), 404, 'not-found');
    expectProblem(await worker.client.post(consentsOf(closedCaseId), consentBody()), 409, 'case-closed');
    expect(await countRows(t, 'case_consents', caseId)).toBe(before);
  });

  it('is withdrawn with a reason, stays visible as withdrawn, and cannot be withdrawn twice', async () => {
    const url = `/api/v1/consents/${consent.id}/withdraw`;
    expectProblem(await foreignWorker.client.post(url, { reason: 'Not mine' }), 404, 'not-found');
    expectProblem(await boss.client.post(url, { reason: 'Supervisor says so' }), 403, 'not-owner-unit');
    expect((await worker.client.post(url, { reason: '' })).statusCode).toBe(400);
    expect((await worker.client.post(url, {})).statusCode).toBe(400);

    const response = await worker.client.post(url, { reason: 'The person changed their mind' });
    expect(response.statusCode, response.body).toBe(200);
    const withdrawn: WithdrawnConsent = response.json();
    expect(withdrawn.stoppedReferrals).toBe(0);
    expect(withdrawn.consent).toMatchObject({
      id: consent.id,
      status: 'withdrawn',
      withdrawnBy: { id: worker.userId },
      withdrawalReason: 'The person changed their mind',
    });
    expect(withdrawn.consent.withdrawnAt).not.toBeNull();

    expectProblem(await worker.client.post(url, { reason: 'Again' }), 409, 'consent-withdrawn');
    const list: ConsentList = (await worker.client.get(consentsOf(caseId))).json();
    expect(list.items.find((c) => c.id === consent.id)?.status).toBe('withdrawn');
    expectProblem(
      await worker.client.post('/api/v1/consents/00000000-0000-4000-8000-000000000000/withdraw', { reason: 'None' }),
      404,
      'not-found',
    );

    const audit = await auditRowsOf(t, caseId);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['case.consent.record', 'case.consent.withdraw']));
    for (const entry of audit) expect(entry.details).not.toContain('changed their mind');
  });
});

describe('withdrawing a consent a referral left under', () => {
  it('stops the referral’s sharing: the receiving unit no longer reads the case', async () => {
    const referred = await makeCase(worker);
    const referralId = await referCase(t, referred, {
      fromUnitId: worker.unitIds[0] as string,
      toUnitId: foreignWorker.unitIds[0] as string,
      providerOrganisationId: foreignWorker.organisationId,
      fields: ['givenNames'],
      userId: worker.userId,
    });
    expect((await foreignWorker.client.get(consentsOf(referred))).statusCode).toBe(200);
    const list: ConsentList = (await worker.client.get(consentsOf(referred))).json();
    const [consent] = list.items;
    if (!consent) throw new Error('no consent under the referral');

    const response = await worker.client.post(`/api/v1/consents/${consent.id}/withdraw`, { reason: 'No longer agrees' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ stoppedReferrals: 1, consent: { status: 'withdrawn' } });
    const referral = await t.database.db
      .selectFrom('referrals')
      .select('sharing_stopped_at')
      .where('id', '=', referralId)
      .executeTakeFirstOrThrow();
    expect(referral.sharing_stopped_at).not.toBeNull();
    expectProblem(await foreignWorker.client.get(consentsOf(referred)), 404, 'not-found');
    // Nothing of the reason reaches the referral's history.
    const events = await t.database.db
      .selectFrom('referral_events')
      .select('reason')
      .where('referral_id', '=', referralId)
      .execute();
    for (const event of events) expect(event.reason ?? '').not.toContain('No longer agrees');
  });
});

describe('best-interests steps of a child’s case', () => {
  it('records steps for a child’s case, notes encrypted and kept out of the audit trail', async () => {
    expectProblem(await worker.client.post(stepsOf(caseId), stepBody()), 422, 'not-a-child-case');
    expect(await countRows(t, 'case_best_interests_steps', caseId)).toBe(0);

    const first = await worker.client.post(
      stepsOf(childCaseId),
      stepBody({ step: 'guardian_appointed', decision: 'recorded', notes: NOTE }),
    );
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ step: 'guardian_appointed', decision: 'recorded', notes: NOTE, hasNotes: true });
    const row = await t.database.db
      .selectFrom('case_best_interests_steps')
      .select('notes_enc')
      .where('id', '=', first.json().id)
      .executeTakeFirstOrThrow();
    expect(row.notes_enc).toMatch(/^k[0-9a-z]+:/);
    expect(row.notes_enc).not.toContain('Fatou');

    let list: BestInterestsList = (await worker.client.get(stepsOf(childCaseId))).json();
    expect(list).toMatchObject({ total: 1, referralInBestInterests: false, caseIsChild: true, permissions: { edit: true } });
    expect((await worker.client.post(stepsOf(childCaseId), stepBody())).statusCode).toBe(201);
    list = (await worker.client.get(stepsOf(childCaseId))).json();
    expect(list.items.map((s) => s.step)).toEqual(['guardian_appointed', 'best_interests_determination']);
    expect(list.items[0]?.notes).toBe(NOTE);
    expect(list.referralInBestInterests).toBe(true);

    const audit = await auditRowsOf(t, childCaseId);
    expect(audit.filter((a) => a.action === 'case.bestInterests.record')).toHaveLength(2);
    expect(audit.some((a) => a.action === 'case.personal.read' && a.details.includes('bestInterestsNotes'))).toBe(true);
    for (const entry of audit) expect(entry.details).not.toMatch(/Fatou|Dakar|Juge/);
  });

  it('supervisors read steps without notes and change nothing; other organisations do not see the case', async () => {
    const before = await countRows(t, 'case_best_interests_steps', childCaseId);
    const seen = await boss.client.get(stepsOf(childCaseId));
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().items[0]).toMatchObject({ notes: null, hasNotes: true });
    expect(seen.body).not.toContain('Fatou');
    expectProblem(await boss.client.post(stepsOf(childCaseId), stepBody()), 403, 'not-owner-unit');
    expectProblem(await foreignWorker.client.post(stepsOf(childCaseId), stepBody()), 404, 'not-found');
    expectProblem(await foreignWorker.client.get(stepsOf(childCaseId)), 404, 'not-found');
    for (const body of [stepBody({ step: 'adoption' }), stepBody({ authority: '' }), stepBody({ decision: undefined })])
      expect((await worker.client.post(stepsOf(childCaseId), body)).statusCode).toBe(400);
    expect(await countRows(t, 'case_best_interests_steps', childCaseId)).toBe(before);
  });
});
