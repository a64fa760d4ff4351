import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETENTION_JOB } from '../../src/server/modules/referral/retention/job.js';
import { type Client, startTestApp, type TestApp } from '../support/test-app.js';
import { openCase } from './referral-cases-fixtures.js';

let t: TestApp;
let worker: Client;
const ids: Record<string, string> = {};

const db = () => t.database.db;

async function closeCase(id: string, monthsAgo: number) {
  const read = await worker.get(`/api/v1/cases/${id}`);
  const response = await worker.post(`/api/v1/cases/${id}/close`, {
    revision: read.json().revision,
    reason: 'Service completed',
  });
  expect(response.statusCode, response.body).toBe(200);
  // The closure happened `monthsAgo` months ago (and one day more).
  await sql`update cases set closed_at = now() - ${monthsAgo}::int * interval '1 month' - interval '1 day' where id = ${id}`.execute(
    db(),
  );
}

/** Makes the queued retention run due and runs it, as the night would. */
async function runNightly() {
  await sql`update jobs set run_after = now() where kind = ${RETENTION_JOB} and status = 'queued'`.execute(db());
  // Other due jobs (daily reminders) run on the way.
  for (let i = 0; i < 20 && (await t.app.jobs.runNext()); i++);
}

const caseRow = (id: string) =>
  sql<Record<string, unknown>>`select * from cases where id = ${id}`.execute(db()).then((r) => r.rows[0]);
const count = (query: ReturnType<typeof sql<{ n: number }>>) => query.execute(db()).then((r) => Number(r.rows[0].n));

beforeAll(async () => {
  t = await startTestApp({ jobPollMs: 0 });
  worker = await t.signIn('caseworker.ma@liaison.demo');
  const screener = (await sql<{ id: string }>`select id from users where email = 'caseworker.ma@liaison.demo'`.execute(db()))
    .rows[0].id;
  for (const [name, caseType] of [
    ['medicalExpired', 'medical'],
    ['traffickingKept', 'trafficking'],
    ['open', 'medical'],
  ] as const) {
    ids[name] = (await openCase(worker, { caseType, notes: 'Met at the port' })).id;
    const notes = await t.app.platform.personalData.encrypt('Told us about the crossing');
    await sql`insert into case_screenings (case_id, questionnaire_version, answers, indicator_families, assessment, urgency, notes_enc, screened_by)
      values (${ids[name]}, '2026-1', '{}'::jsonb, '{deception}', 'possible_victim', 'normal', ${notes}, ${screener})`.execute(
      db(),
    );
  }
  // Medical cases are kept 24 months after closure, trafficking cases 60.
  await closeCase(ids.medicalExpired, 25);
  await closeCase(ids.traffickingKept, 25);
  await sql`update cases set created_at = now() - interval '10 years' where id = ${ids.open}`.execute(db());
});
afterAll(() => t.close());

describe('retention', () => {
  it('is queued to run every night', async () => {
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from jobs where kind = ${RETENTION_JOB} and status = 'queued'
      and run_after > now()`.execute(db());
    expect(rows[0].n).toBe(1);
  });

  it('erases the personal fields of closed cases past their period, keeping the record and its statistics', async () => {
    const factsBefore = await sql<
      Record<string, unknown>
    >`select age_band, sex, nationality from case_statistics order by fact_key`.execute(db());
    await runNightly();

    const erased = await caseRow(ids.medicalExpired);
    for (const [column, value] of Object.entries(erased)) if (column.endsWith('_enc')) expect(value, column).toBeNull();
    expect(erased.pseudonymised_at).not.toBeNull();
    expect(erased.reference).toMatch(/^LSN-/);
    expect(await count(sql`select count(*)::int as n from case_search_tokens where case_id = ${ids.medicalExpired}`)).toBe(0);
    expect(
      await count(
        sql`select count(*)::int as n from case_screenings where case_id = ${ids.medicalExpired} and notes_enc is not null`,
      ),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*)::int as n from case_events where case_id = ${ids.medicalExpired} and event = 'pseudonymised'`,
      ),
    ).toBe(1);

    // The case page still answers, without a person.
    const page = await worker.get(`/api/v1/cases/${ids.medicalExpired}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().person).toBeNull();
    expect(page.body).not.toContain('Benali');

    // Not yet due, or still open: untouched.
    for (const id of [ids.traffickingKept, ids.open]) {
      const kept = await caseRow(id);
      expect(kept.pseudonymised_at).toBeNull();
      expect(kept.family_name_enc).not.toBeNull();
      expect(await count(sql`select count(*)::int as n from case_search_tokens where case_id = ${id}`)).toBeGreaterThan(0);
      expect(
        await count(sql`select count(*)::int as n from case_screenings where case_id = ${id} and notes_enc is not null`),
      ).toBe(1);
    }

    // Statistics stay as they were.
    const factsAfter = await sql<
      Record<string, unknown>
    >`select age_band, sex, nationality from case_statistics order by fact_key`.execute(db());
    expect(factsAfter.rows).toEqual(factsBefore.rows);

    const runs = await sql<{ pseudonymised: number; details: Record<string, unknown>; finished_at: Date | null }>`
      select pseudonymised, details, finished_at from retention_runs order by id`.execute(db());
    expect(runs.rows).toHaveLength(1);
    expect(runs.rows[0]).toMatchObject({ pseudonymised: 1, details: { byType: { medical: 1 }, trigger: 'job' } });
    expect(runs.rows[0].finished_at).not.toBeNull();
    const audit = await sql<{
      details: Record<string, unknown>;
    }>`select details from audit_log where action = 'referral.retention.run'`.execute(db());
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].details).toMatchObject({ pseudonymised: 1, byType: { medical: 1 } });
    expect(JSON.stringify(audit.rows)).not.toContain('Benali');
  });

  it('changes nothing when run again, and queues the next night', async () => {
    const before = await caseRow(ids.medicalExpired);
    const events = await count(sql`select count(*)::int as n from case_events`);
    await runNightly();
    expect(await caseRow(ids.medicalExpired)).toEqual(before);
    expect(await count(sql`select count(*)::int as n from case_events`)).toBe(events);
    const runs = await sql<{ pseudonymised: number }>`select pseudonymised from retention_runs order by id`.execute(db());
    expect(runs.rows.map((r) => r.pseudonymised)).toEqual([1, 0]);
    expect(
      await count(
        sql`select count(*)::int as n from jobs where kind = ${RETENTION_JOB} and status = 'queued' and run_after > now()`,
      ),
    ).toBe(1);
  });
});
