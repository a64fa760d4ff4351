import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferralDetail } from '../../src/shared/referral/referrals-contract.js';
import { expectProblem } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  API,
  firstUnit,
  inbox,
  openCase,
  PERSON,
  PERSONAL_VALUES,
  recordConsent,
  refer,
  referOk,
  setStatus,
  signInWorker,
  type Worker,
} from './referral-referrals-fixtures.js';

/**
 * A transnational referral from the Spanish police to the Senegalese police (demo organisations):
 * the receiving unit gets a case of its own holding only the consented fields, encrypted again and
 * findable by name; each side follows the status; the sender's case stays the sender's.
 */
let t: TestApp;
const as = {} as Record<'es' | 'sn' | 'ma', Worker>;
let source: { id: string; reference: string };
let referral: ReferralDetail;
const SHARED = ['givenNames', 'familyName', 'nationality'];

beforeAll(async () => {
  t = await startTestApp({ jobPollMs: 0 });
  for (const key of ['es', 'sn', 'ma'] as const) as[key] = await signInWorker(t, `caseworker.${key}@liaison.demo`);
  source = await openCase(as.es);
  const consentId = await recordConsent(as.es, source.id, {
    scope: 'transnational_referral',
    organisationId: as.sn.organisationId,
    fields: SHARED,
  });
  referral = await referOk(as.es, source.id, {
    kind: 'transnational',
    toUnitId: firstUnit(as.sn),
    needs: ['return_reintegration', 'family_tracing'],
    urgency: 'normal',
    consentId,
  });
});
afterAll(() => t.close());

describe('a transnational referral', () => {
  it('leaves with the consented fields, the referring side seeing its own case', () => {
    expect(referral).toMatchObject({
      kind: 'transnational',
      status: 'sent',
      side: 'referring',
      case: source,
      provider: null,
      toUnit: { id: firstUnit(as.sn), country: 'SN' },
      sharedFields: SHARED,
    });
  });

  it('gives the receiving unit a case of its own with only the consented fields', async () => {
    const seen: ReferralDetail = (await as.sn.client.get(`${API}/referrals/${referral.id}`)).json();
    expect(seen.side).toBe('receiving');
    expect(seen.case.id).not.toBe(source.id);
    expect(seen.case.reference).not.toBe(source.reference);
    const copy = await as.sn.client.get(`${API}/cases/${seen.case.id}`);
    expect(copy.statusCode, copy.body).toBe(200);
    const detail = copy.json();
    expect(detail).toMatchObject({
      access: 'owner',
      receivedThroughReferralId: referral.id,
      ownerUnit: { id: firstUnit(as.sn) },
    });
    expect(detail.person).toMatchObject({
      givenNames: PERSON.givenNames,
      familyName: PERSON.familyName,
      nationality: PERSON.nationality,
    });
    for (const field of ['dateOfBirth', 'sex', 'languages', 'contact', 'placeFound'])
      expect(detail.person[field] ?? null, field).toBeNull();
    expect(detail.notes ?? null).toBeNull();
    // The copy's page lists the referral it came through.
    const listed = (await as.sn.client.get(`${API}/cases/${seen.case.id}/referrals`)).json();
    expect(listed.items).toEqual([expect.objectContaining({ id: referral.id, side: 'receiving', case: seen.case })]);

    // Stored encrypted like any case: the copy's columns hold key-id-prefixed ciphertexts, nothing else.
    const { rows } = await sql<{ given_names_enc: string | null; date_of_birth_enc: string | null }>`
      select given_names_enc, date_of_birth_enc from cases where id = ${seen.case.id}`.execute(t.database.db);
    expect(rows[0].given_names_enc).toMatch(/^k[0-9a-z]+:v1:/);
    expect(rows[0].given_names_enc).not.toContain('Zainabou');
    expect(rows[0].date_of_birth_enc).toBeNull();
  });

  it('finds the copy by name for the receiving unit, never the sender’s case', async () => {
    const found = (await as.sn.client.get(`${API}/cases?q=${encodeURIComponent('mbembelewski zainabou')}`)).json();
    const references = found.items.map((item: { reference: string }) => item.reference);
    expect(references).toHaveLength(1);
    expect(references[0]).not.toBe(source.reference);
    expectProblem(await as.sn.client.get(`${API}/cases/${source.id}?reason=Checking`), 404, 'not-found');
  });

  it('is answered by the receiving unit and followed by both sides', async () => {
    expectProblem(await setStatus(as.es, referral.id, { status: 'accepted' }), 403, 'not-receiving-unit');
    expect((await setStatus(as.sn, referral.id, { status: 'accepted' })).json().status).toBe('accepted');
    const sending: ReferralDetail = (await as.es.client.get(`${API}/referrals/${referral.id}`)).json();
    expect(sending).toMatchObject({ status: 'accepted', case: source });
    expect((await inbox(as.es)).map((message) => message.subject)).toContain(`Referral of case ${source.reference}: accepted`);
    expectProblem(await as.ma.client.get(`${API}/referrals/${referral.id}`), 404, 'not-found');
  });

  it('names the receiver’s reference, never the person, in the notice', async () => {
    const seen: ReferralDetail = (await as.sn.client.get(`${API}/referrals/${referral.id}`)).json();
    const messages = await inbox(as.sn);
    const notice = messages.find((message) => message.subject === `New referral: case ${seen.case.reference}`);
    expect(notice?.handlingCode).toBe('TLP:AMBER');
    for (const message of [...messages, ...(await inbox(as.es))])
      for (const value of PERSONAL_VALUES) expect(`${message.subject}\n${message.body}`).not.toContain(value);
  });

  it('keeps field names, never values, in the audit trail and the case history', async () => {
    const { rows } = await sql<{ details: unknown }>`select details from audit_log
      where action = 'referral.create' and target_id = ${referral.id}`.execute(t.database.db);
    expect(rows).toHaveLength(1);
    expect(rows[0].details).toMatchObject({ fields: SHARED, kind: 'transnational' });
    const text = JSON.stringify(rows[0].details);
    for (const value of PERSONAL_VALUES) expect(text).not.toContain(value);
  });
});

describe('the key ring while a copy is made', () => {
  it('may read the database again without the referral waiting on its own transaction', async () => {
    // The key ring reads its keys again after a while (another process may have rotated them). On
    // PGlite's one connection that read must not fall inside the referral's open transaction.
    const keys = t.app.platform.personalData as unknown as { loadedAt: number };
    const again = await openCase(as.es);
    const consentId = await recordConsent(as.es, again.id, {
      scope: 'transnational_referral',
      organisationId: as.sn.organisationId,
      fields: ['familyName'],
    });
    keys.loadedAt = 0;
    const made = await referOk(as.es, again.id, { kind: 'transnational', toUnitId: firstUnit(as.sn), consentId });
    expect(made.sharedFields).toEqual(['familyName']);
  }, 20_000);
});

describe('refusals of a transnational referral', () => {
  it('goes only to a unit of another country, under a consent naming its organisation', async () => {
    const ma = await openCase(as.ma);
    const maConsent = await recordConsent(as.ma, ma.id, {
      scope: 'transnational_referral',
      organisationId: as.ma.organisationId,
      fields: ['givenNames'],
    });
    const ownCountry = as.ma.unitIds.at(-1) ?? '';
    expectProblem(
      await refer(as.ma, ma.id, { kind: 'transnational', toUnitId: ownCountry, consentId: maConsent }),
      422,
      'not-transnational',
    );
    // A consent naming Senegal does not cover Spain.
    const toSenegal = await recordConsent(as.ma, ma.id, {
      scope: 'transnational_referral',
      organisationId: as.sn.organisationId,
      fields: ['givenNames'],
    });
    expectProblem(
      await refer(as.ma, ma.id, { kind: 'transnational', toUnitId: firstUnit(as.es), consentId: toSenegal }),
      422,
      'consent-required',
    );
    expectProblem(
      await refer(as.ma, ma.id, {
        kind: 'transnational',
        toUnitId: '00000000-0000-4000-8000-000000000000',
        consentId: toSenegal,
      }),
      422,
      'unknown-unit',
    );
    const count = await sql<{ n: number }>`select count(*)::int as n from referrals where case_id = ${ma.id}`.execute(
      t.database.db,
    );
    expect(count.rows[0].n).toBe(0);
    const copies = await sql<{ n: number }>`select count(*)::int as n from cases where owner_unit_id = ${firstUnit(as.es)}
      and received_through_referral_id is not null`.execute(t.database.db);
    expect(copies.rows[0].n).toBe(0);
  });
});
