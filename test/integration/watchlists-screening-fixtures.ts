import { sql } from 'kysely';
import { expect } from 'vitest';
import type { ScreeningHit, ScreeningResult } from '../../src/shared/watchlists/contract.js';
import type { Client, TestApp } from '../support/test-app.js';

/**
 * Watch-lists and screening through the API, for the screening and review tests. Cast (demo data):
 * focal.ma keeps lists for Morocco's anti-smuggling unit; focal.es sits in Spain's named unit,
 * analyst.es in another Spanish unit; focal.sn is in the "Atlantic route" group with Morocco and
 * Spain; focal.ne (Niger) is in no group with them.
 */
export const PURPOSE = 'border check at Rosso crossing';

export const unitIdOf = async (t: TestApp, name: string) =>
  (await sql<{ id: string }>`select id from units where name = ${name}`.execute(t.database.db)).rows[0].id;

export const SPANISH_UNIT = 'Unit against illegal immigration networks';

export interface ListInput {
  handlingCode: string;
  distribution: unknown[];
  name?: string;
}

export async function createList(owner: Client, input: ListInput): Promise<{ id: string; name: string }> {
  const response = await owner.post('/api/v1/watchlists', {
    name: input.name ?? `Wanted persons ${input.handlingCode}`,
    purpose: 'Persons sought for smuggling of migrants',
    legalBasis: 'Law 02-03 on the entry and stay of foreigners',
    reviewPeriodDays: 365,
    handlingCode: input.handlingCode,
    distribution: input.distribution,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export interface EntryInput {
  names: { name: string; script?: string }[];
  birthDate?: string;
  nationalities?: string[];
  sex?: string;
}

export async function addEntry(
  owner: Client,
  listId: string,
  input: EntryInput,
): Promise<{ id: string; reference: string; version: number }> {
  const response = await owner.post(`/api/v1/watchlists/${listId}/entries`, {
    reason: 'Sought under an international arrest warrant',
    ...input,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export async function removeEntry(owner: Client, listId: string, entry: { id: string; version: number }) {
  const response = await owner.post(`/api/v1/watchlists/${listId}/entries/${entry.id}/remove`, {
    version: entry.version,
    note: 'Warrant withdrawn',
  });
  expect(response.statusCode, response.body).toBe(200);
}

export const screenRaw = (client: Client, body: Record<string, unknown>) =>
  client.post('/api/v1/screening', { purpose: PURPOSE, ...body });

export async function screen(client: Client, body: Record<string, unknown>): Promise<ScreeningResult> {
  const response = await screenRaw(client, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

export async function getHit(client: Client, id: string): Promise<ScreeningHit> {
  const response = await client.get(`/api/v1/screening/hits/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** Rows of the tables a screening writes: "nothing stored" compares these before and after. */
export async function storedCounts(t: TestApp) {
  const { rows } = await sql<{ screenings: number; hits: number }>`select
      (select count(*)::int from screenings) as screenings, (select count(*)::int from screening_hits) as hits`.execute(
    t.database.db,
  );
  return rows[0];
}

export interface AuditItem {
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

/** The audit rows an organisation's administrator can read, newest first. */
export async function auditOf(admin: Client): Promise<AuditItem[]> {
  const response = await admin.get('/api/v1/admin/audit?limit=200');
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}
