import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferralDetail, ReferralList } from '../../src/shared/referral/referrals-contract.js';
import { expectProblem } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  API,
  firstUnit,
  inbox,
  independentProvider,
  openCase,
  PERSON,
  PERSONAL_VALUES,
  recordConsent,
  recordStep,
  refer,
  referOk,
  setStatus,
  signInWorker,
  unitProvider,
  type Worker,
} from './referral-referrals-fixtures.js';

/**
 * The referral life-cycle through the API: a service referral from the Senegalese police to the
 * Red Cross's unit, answered and completed; a transnational referral from Spain to Senegal that
 * gives the receiver its own copy with the consented fields only; the consent and best-interests
 * rules; who may read and answer; and notices that name the case's reference, never the person.
 */
let t: TestApp;
const as = {} as Record<'sn' | 'ngo' | 'es' | 'ma', Worker>;
let providerNgo: string;

beforeAll(async () => {
  t = await startTestApp({ jobPollMs: 0 });
  for (const key of ['sn', 'ngo', 'es', 'ma'] as const) as[key] = await signInWorker(t, `caseworker.${key}@liaison.demo`);
  providerNgo = await unitProvider(as.ngo, ['shelter', 'psychosocial_support'], 'SN');
});
afterAll(() => t.close());

const get = async (worker: Worker, url: string) => worker.client.get(`${API}${url}`);

describe('a service referral', () => {
  let caseId: string;
  let reference: string;
  let referral: ReferralDetail;

  beforeAll(async () => {
    ({ id: caseId, reference } = await openCase(as.sn));
    const consentId = await recordConsent(as.sn, caseId, {
      scope: 'share_with_service',
      providerId: providerNgo,
      fields: ['givenNames', 'familyName', 'languages'],
    });
    referral = await referOk(as.sn, caseId, {
      kind: 'service',
      providerId: providerNgo,
      needs: ['shelter'],
      consentId,
      fields: ['givenNames', 'familyName'],
    });
  });

  it('goes to the provider’s unit with the fields asked, to be answered by a time set by its urgency', () => {
    expect(referral).toMatchObject({
      kind: 'service',
      status: 'sent',
      side: 'referring',
      case: { id: caseId, reference },
      toUnit: { id: firstUnit(as.ngo) },
      sharedFields: ['givenNames', 'familyName'],
      overdue: false,
      permissions: { transitions: ['closed'] },
    });
    const hours = (Date.parse(referral.respondBy) - Date.parse(referral.createdAt)) / 3_600_000;
    expect(hours).toBeCloseTo(24, 1);
  });

  it('is in the receiving unit’s incoming box and the referring unit’s outgoing box', async () => {
    const incoming: ReferralList = (await get(as.ngo, '/referrals?box=incoming')).json();
    expect(incoming.items.map((item) => item.id)).toContain(referral.id);
    const outgoing: ReferralList = (await get(as.sn, '/referrals?box=outgoing&status=sent')).json();
    expect(outgoing.items.map((item) => item.id)).toContain(referral.id);
    const theirs: ReferralList = (await get(as.sn, '/referrals?box=incoming')).json();
    expect(theirs.items.map((item) => item.id)).not.toContain(referral.id);
  });

  it('lets the receiving unit read the shared fields only, with a reason', async () => {
    expectProblem(await get(as.ngo, `/cases/${caseId}`), 422, 'reason-required');
    const seen = (await get(as.ngo, `/cases/${caseId}?reason=Referral%20intake`)).json();
    expect(seen.person.givenNames).toBe(PERSON.givenNames);
    expect(seen.person.dateOfBirth ?? null).toBeNull();
    expect(seen.person.languages ?? null).toBeNull();
  });

  it('is hidden from other units, and answered only by the receiving unit', async () => {
    expectProblem(await get(as.ma, `/referrals/${referral.id}`), 404, 'not-found');
    expectProblem(await setStatus(as.ma, referral.id, { status: 'accepted' }), 404, 'not-found');
    expectProblem(await setStatus(as.sn, referral.id, { status: 'accepted' }), 403, 'not-receiving-unit');
    const reader = await t.signIn('reader.ngo@liaison.demo');
    expect((await reader.get(`${API}/referrals/${referral.id}`)).statusCode).toBe(403);
  });

  it('moves through its life-cycle, each step in its history and told to the referring unit', async () => {
    const receiving: ReferralDetail = (await get(as.ngo, `/referrals/${referral.id}`)).json();
    expect(receiving).toMatchObject({ side: 'receiving', permissions: { transitions: ['accepted', 'declined', 'closed'] } });
    expect((await setStatus(as.ngo, referral.id, { status: 'accepted' })).json().status).toBe('accepted');
    expectProblem(await setStatus(as.ngo, referral.id, { status: 'declined', reason: 'Full' }), 409, 'invalid-transition');
    expect((await setStatus(as.ngo, referral.id, { status: 'in_progress' })).json().status).toBe('in_progress');
    expectProblem(await setStatus(as.ngo, referral.id, { status: 'completed' }), 422, 'reason-or-outcome-required');
    const done = await setStatus(as.ngo, referral.id, {
      status: 'completed',
      outcome: 'service_provided',
      outcomeNote: 'Stayed two weeks',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', outcome: 'service_provided', permissions: { transitions: [] } });
    expectProblem(await setStatus(as.ngo, referral.id, { status: 'closed', outcome: 'other' }), 409, 'invalid-transition');

    const seen: ReferralDetail = (await get(as.sn, `/referrals/${referral.id}`)).json();
    expect(seen.outcome).toBe('service_provided');
    expect(seen.events.map((event) => event.toStatus)).toEqual(['sent', 'accepted', 'in_progress', 'completed']);
    const subjects = (await inbox(as.sn)).map((message) => message.subject);
    for (const status of ['accepted', 'in progress', 'completed'])
      expect(subjects).toContain(`Referral of case ${reference}: ${status}`);
    const caseReferrals = (await get(as.sn, `/cases/${caseId}/referrals`)).json();
    expect(caseReferrals.items.map((item: { id: string }) => item.id)).toEqual([referral.id]);
  });

  it('ends the receiving unit’s access to the case once completed', async () => {
    expectProblem(await get(as.ngo, `/cases/${caseId}?reason=Follow%20up`), 404, 'not-found');
  });

  it('told the receiving unit in a TLP:AMBER message naming the reference, never the person', async () => {
    const notice = (await inbox(as.ngo)).find((message) => message.subject === `New referral: case ${reference}`);
    expect(notice?.handlingCode).toBe('TLP:AMBER');
    expect(notice?.body).toContain(`/referrals/${referral.id}`);
    for (const worker of [as.ngo, as.sn])
      for (const message of await inbox(worker))
        for (const value of PERSONAL_VALUES) expect(`${message.subject}\n${message.body}`).not.toContain(value);
  });
});

describe('refusals when referring', () => {
  let caseId: string;
  let consentId: string;

  beforeAll(async () => {
    ({ id: caseId } = await openCase(as.sn));
    consentId = await recordConsent(as.sn, caseId, {
      scope: 'share_with_service',
      providerId: providerNgo,
      fields: ['givenNames'],
    });
  });

  const referrals = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from referrals where case_id = ${caseId}`.execute(t.database.db)).rows[0]
      .n;

  it('needs the person’s consent naming the provider, covering every field asked', async () => {
    expectProblem(await refer(as.sn, caseId, { kind: 'service', providerId: providerNgo }), 422, 'consent-required');
    const other = await unitProvider(as.ngo, ['shelter'], 'SN');
    expectProblem(await refer(as.sn, caseId, { kind: 'service', providerId: other, consentId }), 422, 'consent-required');
    expectProblem(
      await refer(as.sn, caseId, { kind: 'service', providerId: providerNgo, consentId, fields: ['givenNames', 'dateOfBirth'] }),
      422,
      'consent-required',
    );
    expect(await referrals()).toBe(0);
  });

  it('needs an active provider serving every need asked', async () => {
    expectProblem(await refer(as.sn, caseId, { kind: 'service', providerId: randomUUID(), consentId }), 422, 'unknown-provider');
    expectProblem(
      await refer(as.sn, caseId, { kind: 'service', providerId: providerNgo, consentId, needs: ['legal_aid'] }),
      422,
      'unknown-provider',
    );
    expect(await referrals()).toBe(0);
  });

  it('refuses malformed bodies and other units’ case workers', async () => {
    const bad = [
      { kind: 'service', providerId: providerNgo, consentId, extra: 1 },
      { kind: 'service', providerId: providerNgo, consentId, needs: [] },
      { kind: 'service', providerId: providerNgo, consentId, urgency: 'whenever' },
      { kind: 'service', consentId },
    ];
    for (const body of bad) expect((await refer(as.sn, caseId, body)).statusCode).toBe(400);
    expectProblem(await refer(as.ma, caseId, { kind: 'service', providerId: providerNgo, consentId }), 404, 'not-found');
    expect(await referrals()).toBe(0);
  });

  it('refuses to refer a closed case', async () => {
    const closing = await openCase(as.sn);
    const consent = await recordConsent(as.sn, closing.id, { scope: 'share_with_service', providerId: providerNgo, fields: [] });
    const closed = await as.sn.client.post(`${API}/cases/${closing.id}/close`, {
      revision: 1,
      reason: 'Person left the country',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expectProblem(
      await refer(as.sn, closing.id, { kind: 'service', providerId: providerNgo, consentId: consent }),
      409,
      'case-closed',
    );
  });

  it('stops sharing when the consent is withdrawn: the receiver loses the case, no new referral leaves', async () => {
    const { id, reference } = await openCase(as.sn);
    const consent = await recordConsent(as.sn, id, {
      scope: 'share_with_service',
      providerId: providerNgo,
      fields: ['givenNames'],
    });
    const sent = await referOk(as.sn, id, { kind: 'service', providerId: providerNgo, consentId: consent });
    expect((await get(as.ngo, `/cases/${id}?reason=Intake%20check`)).statusCode).toBe(200);
    const withdrawn = await as.sn.client.post(`${API}/consents/${consent}/withdraw`, { reason: 'The person changed her mind' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().stoppedReferrals).toBe(1);

    expectProblem(await get(as.ngo, `/cases/${id}?reason=Intake%20check`), 404, 'not-found');
    const stopped: ReferralDetail = (await get(as.ngo, `/referrals/${sent.id}`)).json();
    expect(stopped.sharingStoppedAt).not.toBeNull();
    expect(stopped.events.at(-1)).toMatchObject({
      fromStatus: 'sent',
      toStatus: 'sent',
      reason: 'sharing stopped: consent withdrawn',
    });
    expect((await inbox(as.ngo)).map((message) => message.subject)).toContain(`Sharing stopped: case ${reference}`);
    expectProblem(
      await refer(as.sn, id, { kind: 'service', providerId: providerNgo, consentId: consent }),
      409,
      'consent-withdrawn',
    );
  });

  it('for a child, needs a best-interests step deciding the referral is in the child’s interests', async () => {
    const child = await openCase(as.sn, { caseType: 'unaccompanied_child', person: { ...PERSON, dateOfBirth: '2014-05-01' } });
    const childConsent = await recordConsent(as.sn, child.id, {
      scope: 'share_with_service',
      providerId: providerNgo,
      fields: ['givenNames'],
    });
    const body = { kind: 'service', providerId: providerNgo, needs: ['shelter'] };
    expectProblem(await refer(as.sn, child.id, { ...body, consentId: childConsent }), 422, 'consent-required');
    const notInInterests = await recordStep(as.sn, child.id, 'referral_not_in_best_interests');
    expectProblem(await refer(as.sn, child.id, { ...body, bestInterestsStepId: notInInterests }), 422, 'consent-required');
    // Another case's step does not count either.
    const other = await openCase(as.sn, { person: { ...PERSON, dateOfBirth: '2013-01-01' } });
    const elsewhere = await recordStep(as.sn, other.id, 'referral_in_best_interests');
    expectProblem(await refer(as.sn, child.id, { ...body, bestInterestsStepId: elsewhere }), 422, 'consent-required');
    const step = await recordStep(as.sn, child.id, 'referral_in_best_interests');
    const made = await referOk(as.sn, child.id, { ...body, bestInterestsStepId: step, fields: ['givenNames'] });
    expect(made).toMatchObject({ status: 'sent', sharedFields: ['givenNames'] });
  });
});

describe('the boxes', () => {
  it('page soonest answer first with an opaque cursor, and refuse a made-up one', async () => {
    for (const urgency of ['normal', 'immediate', 'high']) {
      const { id } = await openCase(as.sn);
      const consentId = await recordConsent(as.sn, id, { scope: 'share_with_service', providerId: providerNgo, fields: [] });
      await referOk(as.sn, id, { kind: 'service', providerId: providerNgo, consentId, urgency });
    }
    // Microseconds, as the database keeps them: a page must neither repeat nor skip a row.
    await sql`update referrals set respond_by = respond_by + interval '0.123457 second' where from_unit_id = ${firstUnit(as.sn)}`.execute(
      t.database.db,
    );
    const seen: ReferralList['items'] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page: ReferralList = (await get(as.sn, `/referrals?box=outgoing&limit=2${query}`)).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const all: ReferralList = (await get(as.sn, '/referrals?box=outgoing&limit=200')).json();
    expect(all.items.length).toBeGreaterThan(2);
    expect(seen.map((item) => item.id)).toEqual(all.items.map((item) => item.id));
    const times = seen.map((item) => Date.parse(item.respondBy));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expectProblem(await get(as.sn, '/referrals?box=outgoing&cursor=bm90LWEtY3Vyc29y'), 400, 'validation');
  });
});

describe('a referral to an independent provider', () => {
  it('is answered by the referring unit itself, and may be withdrawn while sent or accepted', async () => {
    const clinic = await independentProvider(as.ngo, ['medical_care'], 'SN');
    const { id } = await openCase(as.sn);
    const consentId = await recordConsent(as.sn, id, { scope: 'share_with_service', providerId: clinic, fields: [] });
    const made = await referOk(as.sn, id, { kind: 'service', providerId: clinic, consentId, needs: ['medical_care'] });
    expect(made).toMatchObject({ toUnit: null, permissions: { transitions: ['accepted', 'declined', 'closed'] } });
    expectProblem(await setStatus(as.sn, made.id, { status: 'declined' }), 422, 'reason-or-outcome-required');
    expect((await setStatus(as.sn, made.id, { status: 'accepted' })).json().status).toBe('accepted');
    const closed = await setStatus(as.sn, made.id, { status: 'closed', outcome: 'person_declined', reason: 'Withdrawn' });
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'person_declined' });
  });

  it('a withdrawal by the referring unit is told to the receiving unit', async () => {
    const { id, reference } = await openCase(as.sn);
    const consentId = await recordConsent(as.sn, id, { scope: 'share_with_service', providerId: providerNgo, fields: [] });
    const made = await referOk(as.sn, id, { kind: 'service', providerId: providerNgo, consentId });
    expect((await setStatus(as.sn, made.id, { status: 'closed', outcome: 'other' })).json().status).toBe('closed');
    expect((await inbox(as.ngo)).map((message) => message.subject)).toContain(`Referral of case ${reference}: closed`);
  });
});
