import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { NG_UNITS, REFERRAL_DEMO_ACCOUNTS } from '../../src/server/demo/referral-organisations-data.js';
import { DEMO_REFERRAL_CASES, seedDemoReferral } from '../../src/server/demo/seed-referral.js';
import type { Database } from '../../src/server/platform/db/database.js';
import { preparePlatform } from '../../src/server/platform/startup.js';
import type { CaseDetail, CaseList } from '../../src/shared/referral/cases-contract.js';
import type { ReferralDetail, ReferralList, ReferralSummary } from '../../src/shared/referral/referrals-contract.js';
import { REFERRAL_STATUSES } from '../../src/shared/referral/vocabulary.js';
import { type Client, startTestApp, TEST_DEMO_PASSWORD, type TestApp } from '../support/test-app.js';
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
    expect(firstStart.referral).toMatchObject({
      accounts: REFERRAL_DEMO_ACCOUNTS.length,
      cases: DEMO_REFERRAL_CASES.length,
      pseudonymised: 1,
    });
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

async function get<T>(client: Client, url: string): Promise<T> {
  const response = await client.get(url);
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json() as T;
}

/** Amaka's case, as the Spanish NGO's case worker finds it: by her name, through the blind index. */
async function storyCase(spain: Client): Promise<CaseDetail> {
  const found = await get<CaseList>(spain, '/api/v1/cases?q=Amaka%20Fictional-Okafor');
  expect(found.items).toHaveLength(1);
  return get<CaseDetail>(spain, `/api/v1/cases/${found.items[0]?.id}`);
}

describe('the story: a Spanish NGO refers a survivor home to NAPTIP', () => {
  const HOME_FIELDS = ['givenNames', 'familyName', 'dateOfBirth', 'sex', 'nationality', 'languages'];

  it('shows the Spanish case worker the case, her details and its referrals', async () => {
    const spain = await t.signIn('caseworker.ngo-es@liaison.demo');
    const story = await storyCase(spain);
    expect(story).toMatchObject({
      access: 'owner',
      status: 'open',
      caseType: 'trafficking',
      latestAssessment: 'presumed_victim',
    });
    expect(story.person).toMatchObject({ givenNames: 'Amaka', familyName: 'Fictional-Okafor', nationality: 'NG' });
    const { items } = await get<{ items: ReferralSummary[] }>(spain, `/api/v1/cases/${story.id}/referrals`);
    const home = items.find((referral) => referral.kind === 'transnational');
    expect(home).toMatchObject({ status: 'sent', side: 'referring', toUnit: { name: NG_UNITS.reintegration } });
    expect([...(home?.sharedFields ?? [])].sort()).toEqual([...HOME_FIELDS].sort());
    expect(items.find((referral) => referral.kind === 'service')).toMatchObject({ status: 'in_progress' });
  });

  it('gives NAPTIP the incoming referral and its own copy holding only the consented fields', async () => {
    const nigeria = await t.signIn('caseworker.ng@liaison.demo');
    const incoming = await get<ReferralList>(nigeria, '/api/v1/referrals?box=incoming&status=sent');
    const home = incoming.items.find(
      (referral) => referral.kind === 'transnational' && referral.fromUnit.organisationName.includes('Camino'),
    );
    expect(home).toBeDefined();
    const detail = await get<ReferralDetail>(nigeria, `/api/v1/referrals/${home?.id}`);
    expect(detail.permissions.transitions).toEqual(expect.arrayContaining(['accepted', 'declined']));
    const copy = await get<CaseDetail>(nigeria, `/api/v1/cases/${detail.case.id}`);
    expect(copy.access).toBe('owner');
    expect(copy.receivedThroughReferralId).toBe(detail.id);
    expect(copy.person).toMatchObject({ givenNames: 'Amaka', familyName: 'Fictional-Okafor', dateOfBirth: '1999-03-14' });
    expect(copy.person?.contact ?? null).toBeNull();
    expect(copy.person?.placeFound ?? null).toBeNull();
    // The Spanish case stays out of NAPTIP's reach: its id is not the copy's, and reading it is a 404.
    const spain = await t.signIn('caseworker.ngo-es@liaison.demo');
    const story = await storyCase(spain);
    expect(copy.id).not.toBe(story.id);
    expect((await nigeria.get(`/api/v1/cases/${story.id}`)).statusCode).toBe(404);
  });

  it("shows NAPTIP's supervisor the copy without any personal field", async () => {
    const nigeria = await t.signIn('caseworker.ng@liaison.demo');
    const incoming = await get<ReferralList>(nigeria, '/api/v1/referrals?box=incoming&status=sent');
    const home = incoming.items.find((referral) => referral.kind === 'transnational');
    const supervisor = await t.signIn('supervisor.ng@liaison.demo');
    const copy = await get<CaseDetail>(supervisor, `/api/v1/cases/${home?.case.id}`);
    expect(copy).toMatchObject({ access: 'supervisor', person: null });
  });
});

describe('the demo cases', () => {
  const db = () => database.db;

  it('are in every state a case and a referral can be in, over the past eighteen months', async () => {
    const referralStatuses = await db().selectFrom('referrals').select('status').distinct().execute();
    expect(referralStatuses.map((row) => row.status).sort()).toEqual([...REFERRAL_STATUSES].sort());
    const cases = await db()
      .selectFrom('cases')
      .select(['status', 'is_child', 'created_at', 'received_through_referral_id'])
      .execute();
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((row) => row.status))).toEqual(new Set(['open', 'closed']));
    expect(cases.some((row) => row.is_child)).toBe(true);
    expect(cases.filter((row) => row.received_through_referral_id !== null).length).toBeGreaterThanOrEqual(4);
    const months = new Set(cases.map((row) => row.created_at.toISOString().slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(12);
    const oldest = Math.min(...cases.map((row) => row.created_at.getTime()));
    expect(Date.now() - oldest).toBeGreaterThan(540 * 86_400_000);
    // Open cases without a screening, screened ones, a withdrawn consent, a child's best-interests steps.
    const screened = await db().selectFrom('case_screenings').select('case_id').distinct().execute();
    expect(screened.length).toBeGreaterThan(20);
    expect(screened.length).toBeLessThan(cases.length);
    const withdrawn = await db().selectFrom('case_consents').select('id').where('withdrawn_at', 'is not', null).execute();
    expect(withdrawn.length).toBeGreaterThanOrEqual(1);
    const steps = await db().selectFrom('case_best_interests_steps').select('decision').execute();
    expect(steps.map((row) => row.decision)).toContain('referral_in_best_interests');
  });

  it('hold one case pseudonymised by retention: its record without any personal field', async () => {
    const erased = firstStart.referral?.seeded.find((seeded) => seeded.key === 'pseudonymised');
    const redCross = await t.signIn('caseworker.ngo@liaison.demo');
    const detail = await get<CaseDetail>(redCross, `/api/v1/cases/${erased?.id}`);
    expect(detail).toMatchObject({ status: 'closed', pseudonymised: true, person: null });
    const others = await db().selectFrom('cases').select('id').where('pseudonymised_at', 'is not', null).execute();
    expect(others.map((row) => row.id)).toEqual([erased?.id]);
  });

  it('keep no name, place or note in the clear in any table', async () => {
    // Strings of seven characters or more: a short given name ("Joy") turns up by chance in the
    // random base64 of ciphertexts, tokens and hashes; every family name is long enough.
    const words = DEMO_REFERRAL_CASES.flatMap((demo) => [
      `${demo.person.givenNames} ${demo.person.familyName}`,
      ...(demo.person.givenNames.length >= 7 ? [demo.person.givenNames] : []),
      demo.person.familyName,
      ...(demo.person.placeFound ? [demo.person.placeFound] : []),
      ...(demo.person.contact ? [demo.person.contact] : []),
      ...(demo.notes ? [demo.notes] : []),
    ]);
    const tables = [
      'cases',
      'case_search_tokens',
      'case_screenings',
      'case_consents',
      'case_best_interests_steps',
      'case_events',
      'case_statistics',
      'referrals',
      'referral_events',
      'messages',
      'jobs',
      'audit_log',
    ];
    expect(words.filter((word) => word.length < 7)).toEqual([]);
    for (const table of tables) {
      const { rows } = await sql<{ row: string }>`select t::text as row from ${sql.table(table)} t`.execute(db());
      const text = rows.map((row) => row.row).join('\n');
      for (const word of words) expect(text.includes(word), `${word} in ${table}`).toBe(false);
      // The scan does read the rows: a closure reason (not personal) is stored as written.
      if (table === 'cases') expect(text).toContain('Returned home safely');
    }
  });
});
