import os from 'node:os';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { searchTokensOf } from '../src/server/modules/referral/cases/blind-index.js';
import { encryptPerson } from '../src/server/modules/referral/cases/person.js';
import { ageBandOf, ageOn, factKeyOf } from '../src/server/modules/referral/statistics/facts.js';
import { hashPassword } from '../src/server/platform/auth/passwords.js';
import { type DatabaseOptions, type Db, openDatabase } from '../src/server/platform/db/database.js';
import { migrate } from '../src/server/platform/db/migrate.js';
import type { PersonalDataKeys } from '../src/server/platform/personal-data/keyring.js';
import { onEachBackend, signInAll, startBenchApp } from './support/bench-app.js';

const CASES = Number(process.env.BENCH_CASES ?? 50_000);
const UNITS = 10;
const BATCH = 1_000;
const ROUNDS = 6;
const PASSWORD = 'bench-referral-password-2026';
const COUNTRIES = ['MA', 'SN', 'NE', 'ES', 'ML', 'NG', 'GN', 'CI', 'FR', 'IT'];
const NATIONALITIES = ['NG', 'SN', 'GN', 'ML', 'CI', 'ER', 'SD', 'MA', 'CM', 'GM', 'BF', 'SY'];
const CASE_TYPES = ['trafficking', 'unaccompanied_child', 'medical', 'international_protection', 'other_vulnerability'];
const SEXES = ['female', 'male', 'female', 'male', 'other', 'unknown'];
const FAMILIES = ['deception', 'coercion', 'exploitation', 'movement'];
const SERVICES = ['medical_care', 'shelter', 'legal_aid', 'psychosocial_support', 'child_protection'];
const OUTCOMES = ['service_provided', 'partially_provided', 'person_declined', 'lost_contact'];
const GIVEN = ['Amina', 'Fatou', 'Ibrahim', 'Moussa', 'Aissata', 'Oumar', 'Mariam', 'Kofi', 'Awa', 'Samuel', 'Grace', 'Yusuf'];
const FAMILY = ['Diallo', 'Traore', 'Okafor', 'Benali', 'Ndiaye', 'Keita', 'Mensah', 'Haile', 'Camara', 'Sow', 'Bello', 'Kone'];

/** Ten organisations in ten countries, one unit, one case worker and one service provider each. */
async function buildUnits(db: Db) {
  const passwordHash = await hashPassword(PASSWORD);
  await sql`insert into organisations (name, acronym, country, kind)
    select 'Bench referral partner ' || n, 'BR' || n, (${COUNTRIES}::text[])[n], 'government_agency'
    from generate_series(1, ${UNITS}) n`.execute(db);
  await sql`insert into units (organisation_id, name)
    select id, 'Bench case unit of ' || name from organisations where name like 'Bench referral partner %'`.execute(db);
  await sql`insert into users (email, display_name, organisation_id, password_hash)
    select 'caseworker' || substr(o.name, 24) || '@bench.example', 'Bench case worker ' || substr(o.name, 24), o.id, ${passwordHash}
    from organisations o where o.name like 'Bench referral partner %'`.execute(db);
  await sql`insert into user_units (user_id, unit_id) select us.id, un.id from users us
    join units un on un.organisation_id = us.organisation_id where us.email like 'caseworker%@bench.example'`.execute(db);
  await sql`insert into user_roles (user_id, role) select id, unnest(array['case_worker', 'analyst']) from users
    where email like 'caseworker%@bench.example'`.execute(db);
  await sql`insert into service_providers (name, provider_kind, unit_id, services, managed_by_organisation_id, created_by)
    select 'Bench provider of ' || un.name, 'unit', un.id, ${SERVICES}::text[], un.organisation_id, us.id
    from units un join users us on us.organisation_id = un.organisation_id where us.email like 'caseworker%@bench.example'`.execute(
    db,
  );
  const { rows } = await sql<{ unit_id: string; organisation_id: string; user_id: string; provider_id: string; country: string }>`
    select un.id as unit_id, un.organisation_id, us.id as user_id, sp.id as provider_id, o.country
      from units un join organisations o on o.id = un.organisation_id
      join users us on us.organisation_id = o.id join service_providers sp on sp.unit_id = un.id
     where us.email like 'caseworker%@bench.example' order by o.name`.execute(db);
  return rows;
}

type Unit = Awaited<ReturnType<typeof buildUnits>>[number];

/**
 * Cases in batches: personal fields encrypted through the key ring, the blind index, one screening
 * each, a consent and a referral for two cases in five, and the statistics facts (written here in
 * bulk, as `refreshCaseFacts` would one by one).
 */
async function buildCases(db: Db, keys: PersonalDataKeys, units: Unit[]) {
  const now = Date.now();
  for (let start = 0; start < CASES; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, CASES - start) }, (_, i) => start + i);
    const cases = await Promise.all(
      batch.map(async (n) => {
        const unit = units[n % UNITS];
        const createdAt = new Date(now - (n % 730) * 86_400_000 - (n % 997) * 60_000);
        const person = {
          givenNames: GIVEN[n % GIVEN.length],
          familyName: `${FAMILY[(n * 7) % FAMILY.length]}`,
          dateOfBirth: `${1960 + (n % 50)}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
          sex: SEXES[n % SEXES.length],
          nationality: NATIONALITIES[(n * 5) % NATIONALITIES.length],
          languages: ['fr', 'en'],
          contact: `+221 77 ${String(n).padStart(7, '0')}`,
          placeFound: 'Bench place',
        };
        return { n, unit, createdAt, person, encrypted: await encryptPerson(keys, person) };
      }),
    );
    const inserted = await db
      .insertInto('cases')
      .values(
        cases.map((c) => ({
          reference: `BENCH-${String(c.n).padStart(7, '0')}`,
          case_type: CASE_TYPES[c.n % CASE_TYPES.length],
          is_child: c.n % CASE_TYPES.length === 1,
          owner_unit_id: c.unit.unit_id,
          owner_organisation_id: c.unit.organisation_id,
          created_by: c.unit.user_id,
          created_at: c.createdAt,
          updated_at: c.createdAt,
          ...c.encrypted,
        })),
      )
      .returning(['id', 'reference'])
      .execute();
    const idOf = new Map(inserted.map((row) => [row.reference, row.id]));
    const withIds = cases.map((c) => ({ ...c, id: idOf.get(`BENCH-${String(c.n).padStart(7, '0')}`) as string }));
    await db
      .insertInto('case_search_tokens')
      .values(withIds.flatMap((c) => searchTokensOf(keys, c.person).map((token) => ({ case_id: c.id, ...token }))))
      .onConflict((oc) => oc.doNothing())
      .execute();
    await db
      .insertInto('case_screenings')
      .values(
        withIds.map((c) => ({
          case_id: c.id,
          questionnaire_version: '2026-1',
          answers: JSON.stringify({}),
          indicator_families: [FAMILIES[c.n % 4], ...(c.n % 3 === 0 ? [FAMILIES[(c.n + 1) % 4]] : [])],
          decided_needs: [SERVICES[c.n % SERVICES.length]],
          assessment: c.n % 2 ? 'presumed_victim' : 'possible_victim',
          urgency: 'normal',
          screened_by: c.unit.user_id,
          screened_at: c.createdAt,
        })),
      )
      .execute();
    const referred = withIds.filter((c) => c.n % 5 < 2);
    // A consent and a service referral to the next unit's provider for two cases in five.
    await sql`with c as (
        select * from unnest(${referred.map((c) => c.id)}::uuid[], ${referred.map((c) => c.unit.user_id)}::uuid[],
          ${referred.map((c) => units[(c.n + 1) % UNITS].provider_id)}::uuid[], ${referred.map((c) => c.unit.unit_id)}::uuid[],
          ${referred.map((c) => units[(c.n + 1) % UNITS].unit_id)}::uuid[], ${referred.map((c) => SERVICES[c.n % SERVICES.length])}::text[],
          ${referred.map((c) => (c.n % 10 === 0 ? 'completed' : 'sent'))}::text[],
          ${referred.map((c) => (c.n % 10 === 0 ? OUTCOMES[c.n % OUTCOMES.length] : null))}::text[])
          as t(case_id, user_id, provider_id, from_unit, to_unit, need, status, outcome)),
      consent as (
        insert into case_consents (case_id, scope, provider_id, fields, recorded_how, given_at, recorded_by)
        select case_id, 'share_with_service', provider_id, '{givenNames,familyName}', 'written', now(), user_id from c
        returning id, case_id)
      insert into referrals (case_id, referral_kind, from_unit_id, provider_id, to_unit_id, needs, urgency, status, respond_by,
                             consent_id, shared_fields, outcome, created_by)
      select c.case_id, 'service', c.from_unit, c.provider_id, c.to_unit, array[c.need], 'normal', c.status, now() + interval '3 days',
             consent.id, '{givenNames,familyName}', c.outcome, c.user_id
        from c join consent on consent.case_id = c.case_id`.execute(db);
    await db
      .insertInto('case_statistics')
      .values(
        withIds.map((c) => ({
          fact_key: factKeyOf(keys, c.id),
          case_type: CASE_TYPES[c.n % CASE_TYPES.length],
          is_child: c.n % CASE_TYPES.length === 1,
          opened_month: `${c.createdAt.toISOString().slice(0, 7)}-01`,
          nationality: c.person.nationality,
          age_band: ageBandOf(ageOn(c.person.dateOfBirth, c.createdAt)),
          sex: c.person.sex,
          indicator_families: [FAMILIES[c.n % 4], ...(c.n % 3 === 0 ? [FAMILIES[(c.n + 1) % 4]] : [])],
          assessment: c.n % 2 ? 'presumed_victim' : 'possible_victim',
          owner_country: c.unit.country,
          services_referred: c.n % 5 < 2 ? [SERVICES[c.n % SERVICES.length]] : [],
          referral_outcomes: c.n % 10 === 0 ? [OUTCOMES[c.n % OUTCOMES.length]] : [],
        })),
      )
      .execute();
  }
  await sql`analyze`.execute(db);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round1 = (n: number) => Math.round(n * 10) / 10;

/** `urls[(round + i) % n]` for the i-th reader, or with `own`, always the i-th reader's own url. */
async function timed(app: FastifyInstance, cookies: string[], urls: string[], own = false) {
  const timings: number[] = [];
  const slowest: Record<string, number> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, cookie] of cookies.entries()) {
      const url = own ? urls[i] : urls[(round + i) % urls.length];
      const begin = performance.now();
      const response = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      const elapsed = performance.now() - begin;
      if (round === 0) continue; // the first round warms caches and plans
      timings.push(elapsed);
      slowest[url] = Math.max(slowest[url] ?? 0, Math.round(elapsed));
    }
  }
  if (!own) console.log('slowest time per url (ms)', slowest);
  timings.sort((a, b) => a - b);
  return { p50: round1(percentile(timings, 50)), p95: round1(percentile(timings, 95)) };
}

/** One case page per case worker (its own unit's case): the time of a page, and of one field's decryption. */
async function decryption(app: FastifyInstance, db: Db, cookies: string[]) {
  // Each case worker's latest case of its own unit, in the order of `cookies` (caseworker1, 2, …).
  const { rows } = await sql<{ id: string; given_names_enc: string }>`
    select c.id, c.given_names_enc from generate_series(1, ${cookies.length}) i
      join users us on us.email = 'caseworker' || i || '@bench.example'
      join lateral (select id, given_names_enc from cases where owner_organisation_id = us.organisation_id
                     order by created_at desc limit 1) c on true
     order by i`.execute(db);
  const pages = await timed(
    app,
    cookies,
    rows.map((row) => `/api/v1/cases/${row.id}`),
    true,
  );
  const keys = app.platform.personalData;
  const values = rows.map((row) => row.given_names_enc);
  await keys.decrypt(values[0]);
  const runs = 20_000;
  const begin = performance.now();
  for (let i = 0; i < runs; i++) await keys.decrypt(values[i % values.length]);
  return { page_p95_ms: pages.p95, us_per_field: round1(((performance.now() - begin) * 1000) / runs) };
}

async function measure(options: DatabaseOptions) {
  const database = await openDatabase(options);
  try {
    await migrate(database.db);
    const app = await startBenchApp(database);
    const started = performance.now();
    const units = await buildUnits(database.db);
    await buildCases(database.db, app.platform.personalData, units);
    const buildS = Math.round((performance.now() - started) / 1000);
    const cookies = await signInAll(
      app,
      Array.from({ length: UNITS }, (_, i) => `caseworker${i + 1}@bench.example`),
      PASSWORD,
    );
    const list = await timed(app, cookies, ['/api/v1/cases', '/api/v1/cases?status=open', '/api/v1/cases?type=trafficking']);
    const stats = await timed(app, cookies, [
      '/api/v1/referral-statistics?by=indicatorFamily&by2=ageBand',
      '/api/v1/referral-statistics?by=nationality&by2=sex',
      '/api/v1/referral-statistics?by=month&caseType=trafficking',
      '/api/v1/referral-statistics?by=service&by2=outcome&from=2025-06&to=2026-06',
    ]);
    const decrypt = await decryption(app, database.db, cookies);
    await app.close();
    return {
      cases: CASES,
      build_s: buildS,
      case_list_p50_ms: list.p50,
      case_list_p95_ms: list.p95,
      stats_p50_ms: stats.p50,
      stats_p95_ms: stats.p95,
      case_page_p95_ms: decrypt.page_p95_ms,
      decrypt_us_per_field: decrypt.us_per_field,
    };
  } finally {
    await database.close();
  }
}

type Figures = Awaited<ReturnType<typeof measure>>;

async function main() {
  const figures = await onEachBackend(measure);
  const pick = (backend: Figures | undefined) =>
    backend
      ? {
          case_list_p95_ms: backend.case_list_p95_ms,
          stats_p95_ms: backend.stats_p95_ms,
          case_page_p95_ms: backend.case_page_p95_ms,
          decrypt_us_per_field: backend.decrypt_us_per_field,
        }
      : null;
  console.log(`load_1m ${os.loadavg()[0].toFixed(2)} (${os.cpus().length} cores, shared)`);
  console.log(
    JSON.stringify({ bench: 'referral', cases: CASES, postgres: pick(figures.postgres), pglite: pick(figures.pglite) }),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
