import { sql } from 'kysely';
import { expect } from 'vitest';
import type { BatchResults, ScreeningBatch } from '../../src/shared/watchlists/contract.js';
import type { Client, TestApp } from '../support/test-app.js';
import { addEntry, createList } from './watchlists-screening-fixtures.js';

export const BATCHES = '/api/v1/screening/batches';
export const PURPOSE = 'border check at Rosso crossing';

/** A multipart body as a browser's FormData sends it. */
export async function batchForm(file: { name: string; data: string | Uint8Array } | null, fields: [string, string][]) {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  if (file) data.append('file', new Blob([typeof file.data === 'string' ? file.data : new Uint8Array(file.data)]), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: data });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') as string };
}

export async function uploadBatch(
  client: Client,
  csv: string | Uint8Array | null,
  fields: [string, string][] = [['purpose', PURPOSE]],
  name = 'names.csv',
) {
  const body = await batchForm(csv === null ? null : { name, data: csv }, fields);
  return client.request({ method: 'POST', url: BATCHES, payload: body.payload, headers: { 'content-type': body.contentType } });
}

/** Runs every queued job, as the worker would. */
export async function runJobs(t: TestApp) {
  for (let i = 0; i < 20 && (await t.app.jobs.runNext()); i++);
}

export async function batchOf(client: Client, id: string): Promise<ScreeningBatch> {
  const response = await client.get(`${BATCHES}/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

export async function resultsOf(client: Client, id: string, query = ''): Promise<BatchResults> {
  const response = await client.get(`${BATCHES}/${id}/results${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

export async function unitOf(t: TestApp, email: string): Promise<{ unitId: string; organisationId: string; userId: string }> {
  const { rows } = await sql<{ unitId: string; organisationId: string; userId: string }>`
    select (user_unit_ids(u.id))[1] as "unitId", u.organisation_id as "organisationId", u.id as "userId"
    from users u where u.email = ${email}`.execute(t.database.db);
  return rows[0];
}

/**
 * A watch-list of `owner`'s unit, visible to that unit only (TLP:RED, no recipient), with one entry
 * per name, made through the API as its owner would.
 */
export async function seedList(t: TestApp, ownerEmail: string, names: string[]): Promise<string> {
  const owner = await t.signIn(ownerEmail);
  const list = await createList(owner, { handlingCode: 'TLP:RED', distribution: [] });
  for (const name of names) await addEntry(owner, list.id, { names: [{ name }] });
  return list.id;
}

export const count = async (t: TestApp, query: ReturnType<typeof sql<{ n: number }>>) =>
  (await query.execute(t.database.db)).rows[0].n;
