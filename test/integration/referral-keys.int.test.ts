import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/server/platform/db/database.js';
import { runCli } from '../support/cli.js';
import { startTestApp } from '../support/test-app.js';
import { openTestDatabase, TEST_BACKEND } from '../support/test-database.js';
import { person } from './referral-cases-fixtures.js';

/**
 * Key rotation as `liaison keys rotate` does it, from another process, on the test's PostgreSQL
 * database or a PGlite data directory seeded by the CLI (PGlite has one process at a time).
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-keys-'));
const env: Record<string, string> = {
  LIAISON_DATA_DIR: dataDir,
  LIAISON_CORPUS_DIR: path.join(dataDir, 'no-corpus'),
  // The platform key of every test app (test/support/test-app.ts).
  LIAISON_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};
let postgres: Database | undefined;

async function open(): Promise<Database> {
  if (TEST_BACKEND === 'postgres') {
    if (!postgres) {
      postgres = await openTestDatabase();
      env.DATABASE_URL = (postgres as Database & { url: string }).url;
    }
    return postgres;
  }
  if (!fs.existsSync(path.join(dataDir, 'pglite'))) {
    const seeded = await runCli(['seed', '--demo'], env);
    expect(seeded.code, seeded.stderr).toBe(0);
  }
  return openDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
}
/** PGlite's directory is released for the CLI; PostgreSQL stays open. */
const release = async (database: Database) => {
  if (TEST_BACKEND === 'pglite') await database.close();
};

afterAll(async () => {
  await postgres?.close();
});

interface Status {
  id: string;
  retiredAt: string | null;
  rotationFinishedAt: string | null;
  values: number;
}
async function status(): Promise<Status[]> {
  const result = await runCli(['keys', 'status', '--json'], env);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

/** Every case opened here, read back through the API: all its fields, as written. */
async function expectReadable(cases: { id: string; givenNames: string }[]) {
  const database = await open();
  const t = await startTestApp({ dataDir }, database);
  try {
    const worker = await t.signIn('caseworker.ma@liaison.demo');
    for (const c of cases) {
      const read = await worker.get(`/api/v1/cases/${c.id}`);
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json().person).toEqual(person({ givenNames: c.givenNames }));
      expect(read.json().notes).toBe(`Notes of ${c.givenNames}`);
    }
    const found = (await worker.get(`/api/v1/cases?q=${encodeURIComponent(cases[0].givenNames)}`)).json();
    expect(found.items.map((c: { id: string }) => c.id)).toEqual([cases[0].id]);
    const keyIds = await sql<{ key_id: string }>`select distinct split_part(given_names_enc, ':', 1) as key_id from cases
      where id = any(${cases.map((c) => c.id)}::uuid[])`.execute(database.db);
    return keyIds.rows.map((row) => row.key_id).sort();
  } finally {
    await t.close();
    await release(database);
  }
}

describe('rotating the personal data keys', () => {
  it('re-encrypts every value in batches, survives an interruption, and retires the old key', async () => {
    const database = await open();
    const t = await startTestApp({ dataDir }, database);
    const cases: { id: string; givenNames: string }[] = [];
    try {
      const worker = await t.signIn('caseworker.ma@liaison.demo');
      for (let i = 0; i < 6; i++) {
        const givenNames = `Rotaria Number${'abcdef'[i]}`;
        const response = await worker.post('/api/v1/cases', { person: person({ givenNames }), notes: `Notes of ${givenNames}` });
        expect(response.statusCode, response.body).toBe(201);
        cases.push({ id: response.json().id, givenNames });
      }
      // Free-text notes of the other parts are encrypted under the same keys, and rotate with them.
      const keys = t.app.platform.personalData;
      const recorder = await sql<{ id: string }>`select id from users where email = 'caseworker.ma@liaison.demo'`.execute(
        database.db,
      );
      const by = recorder.rows[0].id;
      await sql`insert into case_screenings (case_id, questionnaire_version, answers, assessment, urgency, notes_enc, screened_by)
        values (${cases[0].id}, '2026-1', '{}', 'possible_victim', 'high', ${await keys.encrypt('Screening note')}, ${by})`.execute(
        database.db,
      );
      await sql`insert into case_best_interests_steps (case_id, step, decision, authority, notes_enc, recorded_by)
        values (${cases[0].id}, 'guardian_appointed', 'recorded', 'Court', ${await keys.encrypt('Step note')}, ${by})`.execute(
        database.db,
      );
    } finally {
      await t.close();
      await release(database);
    }
    const before = await status();
    expect(before).toHaveLength(1);
    const oldKey = before[0].id;
    expect(before[0].values).toBe(cases.length * 9 + 2);

    // Stopped after one batch of two rows: two keys in use, every case still readable.
    const interrupted = await runCli(['keys', 'rotate', '--batch-size', '2', '--stop-after-batches', '1'], env);
    expect(interrupted.code, interrupted.stderr).toBe(0);
    expect(interrupted.stdout).toMatch(/values re-encrypted in 1 batches; not finished/);
    const halfway = await status();
    expect(halfway).toHaveLength(2);
    const newKey = halfway[1].id;
    expect(halfway.every((key) => key.values > 0 && key.retiredAt === null)).toBe(true);
    expect(halfway[1].rotationFinishedAt).toBeNull();
    expect(await expectReadable(cases)).toEqual([newKey, oldKey].sort());

    // Run again: the same rotation goes on (no third key) and finishes.
    const resumed = await runCli(['keys', 'rotate', '--batch-size', '2'], env);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`continued rotation to key ${newKey}`);
    expect(resumed.stdout).toContain(`finished, retired ${oldKey}`);
    const after = await status();
    expect(after.map((key) => key.id)).toEqual([oldKey, newKey]);
    expect(after[0]).toMatchObject({ values: 0 });
    expect(after[0].retiredAt).not.toBeNull();
    expect(after[1].values).toBe(before[0].values);
    expect(after[1].rotationFinishedAt).not.toBeNull();
    expect(await expectReadable(cases)).toEqual([newKey]);
    const database2 = await open();
    try {
      const notes = await sql<{ notes_enc: string }>`select notes_enc from case_screenings where case_id = ${cases[0].id}
        union all select notes_enc from case_best_interests_steps where case_id = ${cases[0].id}`.execute(database2.db);
      expect(notes.rows.map((row) => row.notes_enc.split(':')[0])).toEqual([newKey, newKey]);
    } finally {
      await release(database2);
    }

    const text = await runCli(['keys', 'status'], env);
    expect(text.stdout).toMatch(new RegExp(`${oldKey}\\tretired\\t0 values`));
    expect(text.stdout).toMatch(new RegExp(`${newKey}\\tactive\\t${before[0].values} values`));
  }, 600_000);

  it('refuses a batch size that is not a positive number', async () => {
    const refused = await runCli(['keys', 'rotate', '--batch-size', '0'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not a positive whole number/);
  });
});
