import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Viewer } from '../../src/shared/visibility.js';
import type { EntryChanged, WatchlistDetail } from '../../src/shared/watchlists/contract.js';
import type { Client, TestApp } from '../support/test-app.js';

/** Helpers of the watch-list tests: a list, an entry, a viewer as the sharing rule sees them. */

export const PURPOSE = 'border check at Rosso crossing';
export const WL = '/api/v1/watchlists';

export function listBody(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Facilitators of the Atlantic route',
    purpose: 'Persons sought for migrant smuggling',
    legalBasis: 'Law 02-03, article 52',
    reviewPeriodDays: 180,
    handlingCode: 'TLP:AMBER',
    distribution: [],
    ...overrides,
  };
}

export async function createList(client: Client, overrides: Record<string, unknown> = {}): Promise<WatchlistDetail> {
  const response = await client.post(WL, listBody(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export function entryBody(overrides: Record<string, unknown> = {}) {
  return {
    names: [{ name: 'Mamadou Oumar DIALLO' }, { name: 'مامادو ديالو', script: 'arabic' }],
    birthDate: '1984',
    nationalities: ['SN', 'MR'],
    sex: 'male',
    identifiers: [{ kind: 'passport', number: 'A1234567', country: 'SN' }],
    reason: 'Organises crossings from Nouadhibou',
    ...overrides,
  };
}

export async function addEntry(client: Client, listId: string, overrides: Record<string, unknown> = {}): Promise<EntryChanged> {
  const response = await client.post(`${WL}/${listId}/entries`, entryBody(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** A demo user as the sharing rule sees them (for the repository's functions). */
export async function viewerOf(t: TestApp, email: string): Promise<Viewer> {
  const { rows } = await sql<{ organisation_id: string; units: string[]; groups: string[] }>`select u.organisation_id,
      array(select uu.unit_id from user_units uu where uu.user_id = u.id)::text[] as units,
      array(select m.sharing_group_id from sharing_group_members m where m.organisation_id = u.organisation_id)::text[] as groups
    from users u where u.email = ${email}`.execute(t.database.db);
  return { organisationId: rows[0].organisation_id, unitIds: rows[0].units, sharingGroupIds: rows[0].groups };
}
