import { sql } from 'kysely';
import { expect } from 'vitest';
import type { CycleDetail, ReportDetail } from '../../src/shared/followup/cycles-contract.js';
import type { Client, TestApp } from '../support/test-app.js';

/** Review-cycle tests' cast and helpers: the secretariat (sec), partners (ma, es, sn) and a non-party (ne). */

export const BASE = '/api/v1/followup';
export const ACCOUNTS = ['focal.sec', 'reader.sec', 'focal.ma', 'reader.ma', 'focal.es', 'focal.sn', 'focal.ne'] as const;
export type Account = (typeof ACCOUNTS)[number];

export interface Person {
  client: Client;
  userId: string;
  organisationId: string;
  unitIds: string[];
}

export async function signInAll(t: TestApp): Promise<Record<Account, Person>> {
  const people = {} as Record<Account, Person>;
  for (const account of ACCOUNTS) {
    const client = await t.signIn(`${account}@liaison.demo`);
    const me = (await client.get('/api/v1/me')).json();
    people[account] = {
      client,
      userId: me.id,
      organisationId: me.organisation.id,
      unitIds: me.units.map((unit: { id: string }) => unit.id),
    };
  }
  return people;
}

/** A commitment led by `lead`'s organisation, created through the commitments API. */
export async function commitment(
  _t: TestApp,
  lead: Person,
  options: { title: string; handlingCode?: string; recipientOrganisations?: string[]; contributors?: string[] },
): Promise<string> {
  const response = await lead.client.post(`${BASE}/commitments`, {
    unitId: lead.unitIds[0],
    title: options.title,
    startsOn: inFuture(-30),
    endsOn: inFuture(365),
    handlingCode: options.handlingCode ?? 'TLP:CLEAR',
    contributors: options.contributors ?? [],
    distribution: {
      units: [],
      organisations: options.recipientOrganisations ?? [],
      sharingGroups: [],
      allPartners: !options.recipientOrganisations,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

/** An action of the commitment, owned by `owner`'s first unit, due in `dueInDays`. */
export async function action(
  lead: Person,
  commitmentId: string,
  owner: Person,
  dueInDays: number,
  title: string,
): Promise<string> {
  const response = await lead.client.post(`${BASE}/commitments/${commitmentId}/actions`, {
    title,
    ownerUnitId: owner.unitIds[0],
    dueOn: inFuture(dueInDays),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

export const inFuture = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export async function openCycle(
  secretariat: Person,
  body: { commitmentIds: string[]; reviewerOrganisations?: string[]; title?: string; deadline?: string },
): Promise<CycleDetail> {
  const response = await secretariat.client.post(`${BASE}/cycles`, {
    unitId: secretariat.unitIds[0],
    title: body.title ?? 'Cadiz Action Plan mid-term review 2026',
    description: 'Report on **your** commitments.',
    plan: 'CAP',
    deadline: body.deadline ?? inFuture(30),
    commitmentIds: body.commitmentIds,
    reviewerOrganisations: body.reviewerOrganisations ?? [],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export async function report(client: Client, id: string): Promise<ReportDetail> {
  const response = await client.get(`${BASE}/reports/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

export const put = (client: Client, url: string, payload: unknown) =>
  client.request({ method: 'PUT', url, payload: payload as never });

/** Makes every queued job of `kind` due now (time passing), so the next `runNext` takes it. */
export async function makeDue(t: TestApp, kind: string) {
  await sql`update jobs set run_after = now() where kind = ${kind} and status = 'queued'`.execute(t.database.db);
}

/** Runs due jobs until none is left. */
export async function runJobs(t: TestApp) {
  for (let i = 0; i < 50 && (await t.app.jobs.runNext()); i++);
}

/** A job run again (a restart, a retry): the same kind and payload queued once more. */
export async function requeue(t: TestApp, kind: string) {
  await sql`insert into jobs (kind, payload) select kind, payload from jobs where kind = ${kind} order by created_at limit 1`.execute(
    t.database.db,
  );
}

export async function inboxSubjects(person: Person): Promise<string[]> {
  const response = await person.client.get(`/api/v1/messages?box=inbox&unitId=${person.unitIds[0]}&limit=100`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().messages.map((message: { subject: string }) => message.subject);
}
