import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { blankAnswers, CURRENT_QUESTIONNAIRE_VERSION, QUESTIONNAIRES } from '../../src/shared/referral/questionnaire.js';
import type { ServiceType } from '../../src/shared/referral/vocabulary.js';
import { API, STRONG_PASSWORD } from '../support/fixtures.js';
import type { Client, TestApp } from '../support/test-app.js';

/** People and records the screening and consent tests share. */

export interface Person {
  client: Client;
  userId: string;
  organisationId: string;
  unitIds: string[];
}

export async function person(t: TestApp, email: string, password?: string): Promise<Person> {
  const client = await t.signIn(email, password);
  const me = (await client.get('/api/v1/me')).json();
  return { client, userId: me.id, organisationId: me.organisation.id, unitIds: me.units.map((u: { id: string }) => u.id) };
}

/** A case supervisor of an organisation, created by its organisation administrator. */
export async function supervisor(t: TestApp, key: string, unitIds: string[]): Promise<Person> {
  const admin = await t.signIn(`orgadmin.${key}@liaison.demo`);
  const me = (await admin.get('/api/v1/me')).json();
  const email = `supervisor.${key}.${randomBytes(3).toString('hex')}@example.org`;
  const created = await admin.post(`${API}/users`, {
    email,
    displayName: `Supervisor ${key}`,
    password: STRONG_PASSWORD,
    organisationId: me.organisation.id,
    unitIds,
    roles: ['case_supervisor'],
    locale: 'en',
  });
  expect(created.statusCode, created.body).toBe(201);
  return person(t, email, STRONG_PASSWORD);
}

/** A case opened by `owner` through the cases API (a child's, or closed at once, when asked). */
export async function makeCase(owner: Person, options: { isChild?: boolean; closed?: boolean } = {}) {
  const opened = await owner.client.post('/api/v1/cases', {
    caseType: options.isChild ? 'unaccompanied_child' : 'trafficking',
    isChild: options.isChild ?? false,
    person: { givenNames: 'Amina Zahra', familyName: 'Benali', nationality: 'MA' },
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const { id } = opened.json() as { id: string };
  if (options.closed) {
    const closed = await owner.client.post(`/api/v1/cases/${id}/close`, { revision: 1, reason: 'Person assisted' });
    expect(closed.statusCode, closed.body).toBe(200);
  }
  return id;
}

/** A provider of the services directory, serving `services` in `country`. */
export async function makeProvider(
  t: TestApp,
  managedBy: Person,
  name: string,
  services: ServiceType[],
  country: string,
  active = true,
) {
  const provider = await t.database.db
    .insertInto('service_providers')
    .values({
      name,
      provider_kind: 'independent',
      services,
      managed_by_organisation_id: managedBy.organisationId,
      created_by: managedBy.userId,
      active,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.database.db.insertInto('service_places').values({ provider_id: provider.id, country, city: 'Tanger' }).execute();
  return provider.id;
}

const current = QUESTIONNAIRES[CURRENT_QUESTIONNAIRE_VERSION];
if (!current) throw new Error('no current questionnaire');

/** Every question answered `unknown` (or its first answer), then the given answers. */
export const answers = (given: Record<string, string> = {}) => ({ ...blankAnswers(current), ...given });

export const screeningBody = (given: Record<string, unknown> = {}) => ({
  questionnaireVersion: CURRENT_QUESTIONNAIRE_VERSION,
  answers: answers(),
  decidedNeeds: [],
  assessment: 'no_indication',
  urgency: 'normal',
  ...given,
});

export async function countRows(
  t: TestApp,
  table: 'case_screenings' | 'case_consents' | 'case_best_interests_steps',
  caseId: string,
) {
  const row = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Audit rows about a case, as stored (details as JSON text, to look for what must never be there). */
export async function auditRowsOf(t: TestApp, caseId: string) {
  const rows = await t.database.db
    .selectFrom('audit_log')
    .select(['action', 'details'])
    .where('target_id', '=', caseId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ action: row.action, details: JSON.stringify(row.details) }));
}
