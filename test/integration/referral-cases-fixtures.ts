import { sql } from 'kysely';
import { expect } from 'vitest';
import { STRONG_PASSWORD } from '../support/fixtures.js';
import type { Client, TestApp } from '../support/test-app.js';

/** The demo's organisations by key, with their units in the demo's order (case workers are in the first). */
export interface CaseIds {
  organisation: Record<string, string>;
  units: Record<string, string[]>;
}

const KEYS: Record<string, string> = { ma: 'ma', es: 'es', sn: 'sn', ne: 'ne', ngo: 'ngo', sec: 'sec' };

export async function caseIds(t: TestApp): Promise<CaseIds> {
  const ids: CaseIds = { organisation: {}, units: {} };
  for (const key of Object.keys(KEYS)) {
    const { rows } = await sql<{ unit_id: string; organisation_id: string; first: boolean }>`
      select u.id as unit_id, u.organisation_id, u.id = any(array(select uu.unit_id from user_units uu where uu.user_id = usr.id)) as first
        from users usr join units u on u.organisation_id = usr.organisation_id
       where usr.email = ${`caseworker.${key}@liaison.demo`}
       order by first desc, u.created_at, u.name`.execute(t.database.db);
    ids.organisation[key] = rows[0].organisation_id;
    ids.units[key] = rows.map((row) => row.unit_id);
  }
  return ids;
}

export const person = (overrides: Record<string, unknown> = {}) => ({
  givenNames: 'Amina Zahra',
  familyName: 'Benali',
  dateOfBirth: '1995-04-12',
  sex: 'female',
  nationality: 'MA',
  languages: ['ar', 'fr'],
  contact: '+212 600 000 000',
  placeFound: 'Port of Tangier',
  ...overrides,
});

export async function openCase(client: Client, body: Record<string, unknown> = {}): Promise<{ id: string; reference: string }> {
  const response = await client.post('/api/v1/cases', { person: person(), ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

let made = 0;
/** A new account in `organisationKey`, made by its organisation administrator through the admin API. */
export async function makeUser(
  t: TestApp,
  organisationKey: string,
  ids: CaseIds,
  roles: string[],
  unitIds: string[],
): Promise<Client> {
  const admin = await t.signIn(`orgadmin.${organisationKey}@liaison.demo`);
  const email = `${roles.join('-').replace(/_/g, '')}${++made}.${Date.now()}@liaison.demo`.toLowerCase();
  const response = await admin.post('/api/v1/admin/users', {
    email,
    displayName: `Test ${roles.join(' ')} ${made}`,
    password: STRONG_PASSWORD,
    organisationId: ids.organisation[organisationKey],
    unitIds,
    roles,
  });
  expect(response.statusCode, response.body).toBe(201);
  return t.signIn(email, STRONG_PASSWORD);
}

/**
 * Refers a case to a unit as the referrals part will (a consent and an active service referral),
 * written straight to the tables so these tests do not depend on the referrals API.
 */
export async function referCase(
  t: TestApp,
  caseId: string,
  input: { fromUnitId: string; toUnitId: string; providerOrganisationId: string; fields: string[]; userId: string },
): Promise<string> {
  const db = t.database.db;
  const provider = await sql<{ id: string }>`insert into service_providers
      (name, provider_kind, unit_id, services, managed_by_organisation_id, created_by)
      values ('Test shelter', 'unit', ${input.toUnitId}, '{shelter}', ${input.providerOrganisationId}, ${input.userId})
      returning id`.execute(db);
  const consent = await sql<{
    id: string;
  }>`insert into case_consents (case_id, scope, provider_id, fields, recorded_how, given_at, recorded_by)
      values (${caseId}, 'share_with_service', ${provider.rows[0].id}, ${input.fields}::text[], 'written', now(), ${input.userId})
      returning id`.execute(db);
  const referral = await sql<{ id: string }>`insert into referrals
      (case_id, referral_kind, from_unit_id, provider_id, to_unit_id, needs, urgency, respond_by, consent_id, shared_fields, created_by)
      values (${caseId}, 'service', ${input.fromUnitId}, ${provider.rows[0].id}, ${input.toUnitId}, '{shelter}', 'normal',
              now() + interval '3 days', ${consent.rows[0].id}, ${input.fields}::text[], ${input.userId})
      returning id`.execute(db);
  return referral.rows[0].id;
}

export async function userId(t: TestApp, email: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`select id from users where email = ${email}`.execute(t.database.db);
  return rows[0].id;
}
