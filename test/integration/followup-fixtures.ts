import { type RawBuilder, sql } from 'kysely';
import { expect } from 'vitest';
import type { CommitmentDetail, FollowupAction, Indicator } from '../../src/shared/followup/contract.js';
import { DAKAR_TEXT, libraryIngester } from '../support/library.js';
import type { Client, TestApp } from '../support/test-app.js';
import { type DemoIds, demoIds } from './alerts-fixtures.js';

/**
 * Shared by the follow-up tests: demo ids, a published recommendation of the library, and valid
 * payloads to vary. Other follow-up tests (cycles, dashboards) may create their data with these.
 */

export const BASE = '/api/v1/followup';

export interface FollowupIds extends DemoIds {
  /** Published recommendations of a TLP:CLEAR document. */
  recommendations: string[];
}

export const one = async <T>(t: TestApp, query: RawBuilder<T>) => (await query.execute(t.database.db)).rows[0];
export const count = async (t: TestApp, query: RawBuilder<unknown>) =>
  ((await query.execute(t.database.db)).rows[0] as { n: number }).n;

/** The demo ids, and recommendations of a published document (the Dakar outcome, ingested if need be). */
export async function followupIds(t: TestApp): Promise<FollowupIds> {
  const ids = await demoIds(t);
  const find = async () =>
    (
      await sql<{ id: string }>`select i.id from knowledge_items i join knowledge_documents d on d.id = i.document_id
      where i.type = 'recommendation' and i.status = 'published' and d.status = 'published' and d.handling_code = 'TLP:CLEAR'
      order by d.title, i.position limit 5`.execute(t.database.db)
    ).rows.map((row) => row.id);
  let recommendations = await find();
  if (recommendations.length < 4) {
    await libraryIngester(t.database.db)('dakar-followup.txt', DAKAR_TEXT(), 'TLP:CLEAR');
    recommendations = await find();
  }
  expect(recommendations.length).toBeGreaterThanOrEqual(4);
  return { ...ids, recommendations };
}

export const isoDay = (days = 0) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A valid commitment of Morocco's first unit (focal.ma's). */
export function commitmentPayload(ids: FollowupIds, overrides: Record<string, unknown> = {}) {
  return {
    unitId: ids.unit.ma,
    title: 'Train border officers in victim identification',
    description: 'Two **regional** sessions a year.',
    startsOn: isoDay(-200),
    endsOn: isoDay(500),
    contributors: [ids.organisation.es],
    recommendationIds: [ids.recommendations[0]],
    references: ['CAP:domain:3'],
    handlingCode: 'TLP:CLEAR',
    ...overrides,
  };
}

export async function createCommitment(client: Client, payload: Record<string, unknown>): Promise<CommitmentDetail> {
  const response = await client.post(`${BASE}/commitments`, payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export async function addAction(client: Client, commitmentId: string, payload: Record<string, unknown>): Promise<FollowupAction> {
  const response = await client.post(`${BASE}/commitments/${commitmentId}/actions`, payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export function indicatorPayload(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Officers trained',
    measureUnit: 'officers',
    direction: 'increase',
    valueType: 'number',
    baseline: { value: 0, on: isoDay(-100) },
    target: { value: 200, on: isoDay(265) },
    ...overrides,
  };
}

export async function addIndicator(client: Client, commitmentId: string, payload: Record<string, unknown>): Promise<Indicator> {
  const response = await client.post(`${BASE}/commitments/${commitmentId}/indicators`, payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export async function addMeasurement(client: Client, indicatorId: string, payload: Record<string, unknown>): Promise<Indicator> {
  const response = await client.post(`${BASE}/indicators/${indicatorId}/measurements`, payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
