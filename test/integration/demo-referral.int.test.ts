import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { REFERRAL_DEMO_ACCOUNTS } from '../../src/server/demo/referral-organisations-data.js';
import { DEMO_REFERRAL_CASES, seedDemoReferral } from '../../src/server/demo/seed-referral.js';
import type { Database } from '../../src/server/platform/db/database.js';
import { preparePlatform } from '../../src/server/platform/startup.js';
import { startTestApp, TEST_DEMO_PASSWORD, type TestApp } from '../support/test-app.js';
import { TEST_BACKEND } from '../support/test-database.js';

/**
 * The identification and referral demo on a fresh demo database, as the first start of a demo
 * loads it, read through the API by the people of its story.
 */
const folders: string[] = [];
const temporary = (prefix: string) => {
  folders.push(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  return folders[folders.length - 1] as string;
};

/** An empty database of this project's backend, as a fresh installation has. */
async function emptyDatabaseUrl(): Promise<string | undefined> {
  if (TEST_BACKEND !== 'postgres') return undefined; // PGlite: a new folder in the data directory
  const base = process.env.LIAISON_TEST_PG_URL as string;
  const name = `demo_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return base.replace(/\/postgres$/, `/${name}`);
}

let t: TestApp;
let database: Database;
let firstStart: Awaited<ReturnType<typeof preparePlatform>>;

beforeAll(async () => {
  const config = {
    ...loadConfig({}),
    dataDir: temporary('liaison-demo-referral-'),
    databaseUrl: await emptyDatabaseUrl(),
    corpusDir: path.join(temporary('liaison-no-corpus-'), 'missing'),
    // The platform key of every test app, so the app reads the data keys the demo made.
    encryptionKey: Buffer.alloc(32, 7).toString('base64'),
    demo: true,
    demoPassword: TEST_DEMO_PASSWORD,
  };
  firstStart = await preparePlatform(config);
  database = firstStart.database;
  t = await startTestApp({ dataDir: config.dataDir }, database);
}, 240_000);
afterAll(async () => {
  await t?.close();
  await database?.close();
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

describe('the identification and referral demo', () => {
  it('loads with the first start, and a restart loads nothing more', async () => {
    expect(firstStart.referralSkipped).toBeNull();
    expect(firstStart.referral).toMatchObject({ accounts: REFERRAL_DEMO_ACCOUNTS.length, cases: DEMO_REFERRAL_CASES.length });
    const count = async () =>
      (await sql<{ n: number }>`select (select count(*) from users) + (select count(*) from cases) as n`.execute(database.db))
        .rows[0]?.n;
    const before = await count();
    expect(await seedDemoReferral(t.app.platform, { password: TEST_DEMO_PASSWORD })).toBeNull();
    expect(await count()).toBe(before);
  });

  it('signs in every account it adds, each with its roles and units', async () => {
    for (const account of REFERRAL_DEMO_ACCOUNTS) {
      const client = await t.signIn(account.email);
      const me = (await client.get('/api/v1/me')).json() as { roles: string[]; units: { name: string }[] };
      expect(me.roles, account.email).toEqual(account.roles);
      expect(me.units.map((unit) => unit.name).sort(), account.email).toEqual([...account.units].sort());
    }
  });
});
