import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Client, TestApp } from '../support/test-app.js';

/** People and records the referral tests share, made through the API. */

export const API = '/api/v1';

export interface Worker {
  client: Client;
  userId: string;
  organisationId: string;
  unitIds: string[];
}

export async function signInWorker(t: TestApp, email: string, password?: string): Promise<Worker> {
  const client = await t.signIn(email, password);
  const me = (await client.get(`${API}/me`)).json();
  return { client, userId: me.id, organisationId: me.organisation.id, unitIds: me.units.map((u: { id: string }) => u.id) };
}

/** A person's fields with a name distinctive enough to be searched for in messages and mails. */
export const PERSON = {
  givenNames: 'Zainabou Quettaroux',
  familyName: 'Mbembelewski',
  dateOfBirth: '1998-02-03',
  sex: 'female',
  nationality: 'NG',
  languages: ['en'],
  contact: '+234 800 555 0199',
  placeFound: 'Bus station of Agadez',
};
export const PERSONAL_VALUES = ['Zainabou', 'Quettaroux', 'Mbembelewski', '1998-02-03', '555 0199', 'Agadez'];

export async function openCase(worker: Worker, body: Record<string, unknown> = {}): Promise<{ id: string; reference: string }> {
  const response = await worker.client.post(`${API}/cases`, { person: PERSON, caseType: 'trafficking', ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** A provider of the directory run by one of `manager`'s units. */
export async function unitProvider(manager: Worker, services: string[], country: string, unitId = manager.unitIds[0]) {
  const response = await manager.client.post(`${API}/services`, {
    name: `Test provider ${Math.random().toString(36).slice(2, 8)}`,
    kind: 'unit',
    unitId,
    services,
    places: [{ country, city: 'Dakar' }],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

export async function independentProvider(manager: Worker, services: string[], country: string) {
  const response = await manager.client.post(`${API}/services`, {
    name: `Independent clinic ${Math.random().toString(36).slice(2, 8)}`,
    kind: 'independent',
    services,
    places: [{ country }],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

export async function recordConsent(
  worker: Worker,
  caseId: string,
  body: { scope: string; providerId?: string; organisationId?: string; fields: string[] },
): Promise<string> {
  const response = await worker.client.post(`${API}/cases/${caseId}/consents`, {
    recordedHow: 'written',
    givenAt: new Date(Date.now() - 60_000).toISOString(),
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

export async function recordStep(worker: Worker, caseId: string, decision: string): Promise<string> {
  const response = await worker.client.post(`${API}/cases/${caseId}/best-interests`, {
    step: 'best_interests_determination',
    decision,
    authority: 'Child protection service',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

export const refer = (worker: Worker, caseId: string, body: Record<string, unknown>) =>
  worker.client.post(`${API}/cases/${caseId}/referrals`, { needs: ['shelter'], urgency: 'high', ...body });

export async function referOk(worker: Worker, caseId: string, body: Record<string, unknown>) {
  const response = await refer(worker, caseId, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export const setStatus = (worker: Worker, id: string, body: Record<string, unknown>) =>
  worker.client.post(`${API}/referrals/${id}/status`, body);

/** The messages in the inbox of `worker`'s first unit, newest first. */
export async function inbox(worker: Worker): Promise<{ id: string; subject: string; body: string; handlingCode: string }[]> {
  const response = await worker.client.get(`${API}/messages?box=inbox&unitId=${worker.unitIds[0]}&limit=100`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().messages;
}

/** The demo unit of another organisation's case worker (their first unit). */
export const firstUnit = (worker: Worker) => worker.unitIds[0] as string;

/** Runs due jobs until none is left. */
export async function runJobs(t: TestApp) {
  for (let i = 0; i < 50 && (await t.app.jobs.runNext()); i++);
}

export async function makeDue(t: TestApp, kind: string) {
  await sql`update jobs set run_after = now() where kind = ${kind} and status = 'queued'`.execute(t.database.db);
}
