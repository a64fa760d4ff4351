import os from 'node:os';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { hashPassword } from '../src/server/platform/auth/passwords.js';
import { type DatabaseOptions, type Db, openDatabase } from '../src/server/platform/db/database.js';
import { migrate } from '../src/server/platform/db/migrate.js';
import { onEachBackend, signInAll, startBenchApp } from './support/bench-app.js';

const ORGANISATIONS = 60;
const COMMITMENTS = Number(process.env.BENCH_COMMITMENTS ?? 2_000);
const ACTIONS_PER_COMMITMENT = 10;
const INDICATORS_PER_COMMITMENT = 5;
const MEASUREMENTS_PER_INDICATOR = 10;
const READERS = 10;
const CYCLE_PARTNERS = 50;
const ROUNDS = 8;
const PASSWORD = 'bench-followup-password-2026';
const COUNTRIES = ['MA', 'SN', 'CI', 'ES', 'FR', 'NG', 'ML', 'BF', 'GN', 'IT', 'DE', 'GM'];
const STATUSES = ['planned', 'in_progress', 'done', 'delayed', 'cancelled'];
/** References drawn for commitments: a CAP domain and objective for most, else GCM or MAP. */
const PLAN_REFERENCE_SQL = sql`case when n % 10 < 6
    then array['CAP:domain:' || (n % 5 + 1), 'CAP:objective:' || (n % 10 + 1)]
    when n % 10 < 8 then array['GCM:' || (n % 23 + 1)] else array['MAP:domain:' || (n % 5 + 1), 'MAP:action:' || (n % 23 + 1)] end`;

/** Organisations with one unit and one focal point each, then commitments and all that hangs off them. */
export async function buildFollowup(db: Db) {
  const passwordHash = await hashPassword(PASSWORD);
  await sql`insert into organisations (name, acronym, country, kind)
    select 'Bench partner ' || n, 'BP' || n, (${COUNTRIES}::text[])[n % ${COUNTRIES.length} + 1], 'government_agency'
    from generate_series(1, ${ORGANISATIONS}) n`.execute(db);
  await sql`insert into units (organisation_id, name)
    select o.id, 'Bench follow-up unit of ' || o.name from organisations o where o.name like 'Bench partner %'`.execute(db);
  await sql`insert into users (email, display_name, organisation_id, password_hash)
    select 'partner' || substr(o.name, 15) || '@bench.example', 'Bench Focal ' || o.name, o.id, ${passwordHash}
    from organisations o where o.name like 'Bench partner %'`.execute(db);
  await sql`insert into user_units (user_id, unit_id) select us.id, un.id from users us
    join units un on un.organisation_id = us.organisation_id where us.email like 'partner%@bench.example'`.execute(db);
  await sql`insert into user_roles (user_id, role) select id, 'focal_point' from users where email like 'partner%@bench.example'`.execute(
    db,
  );
  // Commitments: 70 % TLP:CLEAR, 20 % TLP:GREEN to all partners, 10 % TLP:AMBER to the lead and a partner.
  await sql`with orgs as (
      select array_agg(o.id order by o.name) as ids, array_agg(u.id order by o.name) as units,
        array_agg(us.id order by o.name) as users
      from organisations o join units u on u.organisation_id = o.id join users us on us.organisation_id = o.id
      where o.name like 'Bench partner %')
    insert into commitments (title, description, starts_on, ends_on, status, status_reason, plan_references, created_by,
      created_at, handling_code, originator_unit_id, originator_organisation_id, recipient_organisations, to_all_partners)
    select 'Bench commitment ' || n, 'What partners committed to, number ' || n, date '2025-01-01', date '2027-12-31',
      case when n % 25 = 0 then 'cancelled' else 'active' end, case when n % 25 = 0 then 'Superseded' end,
      ${PLAN_REFERENCE_SQL}, orgs.users[n % ${ORGANISATIONS} + 1], now() - (n || ' minutes')::interval,
      case when n % 10 < 7 then 'TLP:CLEAR' when n % 10 < 9 then 'TLP:GREEN' else 'TLP:AMBER' end,
      orgs.units[n % ${ORGANISATIONS} + 1], orgs.ids[n % ${ORGANISATIONS} + 1],
      case when n % 10 = 9 then array[orgs.ids[n % ${ORGANISATIONS} + 1], orgs.ids[(n + 1) % ${ORGANISATIONS} + 1]] else '{}' end,
      n % 10 < 9
    from generate_series(1, ${COMMITMENTS}) n, orgs`.execute(db);
  await sql`insert into commitment_partners (commitment_id, organisation_id, role)
    select id, originator_organisation_id, 'lead' from commitments where title like 'Bench commitment %'`.execute(db);
  await sql`with orgs as (select array_agg(id order by name) as ids from organisations where name like 'Bench partner %'),
      numbered as (select id, originator_organisation_id, substr(title, 18)::int as n from commitments where title like 'Bench commitment %')
    insert into commitment_partners (commitment_id, organisation_id, role)
    select c.id, orgs.ids[(c.n + k) % ${ORGANISATIONS} + 1], 'contributor' from numbered c, orgs, unnest(array[1, 7]) k`.execute(
    db,
  );
  await sql`insert into followup_actions (commitment_id, title, owner_unit_id, due_on, status, created_by)
    select c.id, 'Bench action ' || k, c.originator_unit_id, current_date + ((k * 37 + length(c.title) * 11) % 400 - 200),
      (${STATUSES}::text[])[(k + length(c.title)) % 5 + 1], c.created_by
    from commitments c, generate_series(1, ${ACTIONS_PER_COMMITMENT}) k where c.title like 'Bench commitment %'`.execute(db);
  await sql`insert into indicators (commitment_id, name, measure_unit, direction, value_type, baseline_value, baseline_on,
      target_value, target_on, created_by)
    select c.id, 'Bench indicator ' || k, 'officers trained', 'increase', 'number', 0, date '2025-01-01', 100,
      date '2027-12-31', c.created_by
    from commitments c, generate_series(1, ${INDICATORS_PER_COMMITMENT}) k where c.title like 'Bench commitment %'`.execute(db);
  await sql`insert into indicator_measurements (indicator_id, value, measured_on, source, reported_by, reported_at)
    select i.id, round((random() * 40 + k * 5)::numeric, 1), date '2025-01-15' + k * 60, 'Bench survey', i.created_by,
      now() - ((${MEASUREMENTS_PER_INDICATOR} - k) || ' days')::interval
    from indicators i, generate_series(1, ${MEASUREMENTS_PER_INDICATOR}) k where i.name like 'Bench indicator %'`.execute(db);
  // The secretariat, and one open review cycle of the Cadiz Action Plan with 50 partners' reports in
  // every status, an entry per covered commitment they lead and a comment on each.
  await sql`insert into organisations (name, acronym, country, kind) values ('Bench secretariat', 'BSEC', 'MA', 'secretariat')`.execute(
    db,
  );
  await sql`insert into units (organisation_id, name) select id, 'Bench secretariat unit' from organisations where name = 'Bench secretariat'`.execute(
    db,
  );
  await sql`insert into users (email, display_name, organisation_id, password_hash)
    select 'secretariat@bench.example', 'Bench Secretary', id, ${passwordHash} from organisations where name = 'Bench secretariat'`.execute(
    db,
  );
  await sql`insert into user_units (user_id, unit_id) select us.id, un.id from users us, units un
    where us.email = 'secretariat@bench.example' and un.name = 'Bench secretariat unit'`.execute(db);
  await sql`insert into user_roles (user_id, role) select id, 'focal_point' from users where email = 'secretariat@bench.example'`.execute(
    db,
  );
  await sql`insert into review_cycles (title, plan, deadline, opened_by, opened_unit_id)
    select 'Bench Cadiz review', 'CAP', current_date + 30, us.id, un.id from users us, units un
    where us.email = 'secretariat@bench.example' and un.name = 'Bench secretariat unit'`.execute(db);
  await sql`insert into review_cycle_commitments (cycle_id, commitment_id)
    select y.id, c.id from review_cycles y, commitments c
    where y.title = 'Bench Cadiz review' and c.plan_references && array['CAP:domain:1', 'CAP:domain:2']`.execute(db);
  await sql`insert into review_reports (cycle_id, organisation_id, status, summary)
    select y.id, o.id, (array['not_started', 'draft', 'submitted', 'returned', 'accepted'])[o.n % 5 + 1],
      'Progress of ' || o.name || ' over the period.'
    from review_cycles y, (select id, name, row_number() over (order by name) as n from organisations
      where name like 'Bench partner %' order by name limit ${CYCLE_PARTNERS}) o
    where y.title = 'Bench Cadiz review'`.execute(db);
  await sql`insert into review_report_entries (report_id, commitment_id, progress, assessment)
    select r.id, c.id, 'Sessions held as planned; the second is scheduled.', 'on_track'
    from review_reports r join review_cycle_commitments rc on rc.cycle_id = r.cycle_id
    join commitments c on c.id = rc.commitment_id and c.originator_organisation_id = r.organisation_id`.execute(db);
  await sql`insert into review_comments (report_id, author_user_id, author_organisation_id, body)
    select r.id, us.id, us.organisation_id, 'Please add the figures of the second session.'
    from review_reports r, users us where us.email = 'secretariat@bench.example'`.execute(db);
  await sql`vacuum analyze`.execute(db);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round1 = (n: number) => Math.round(n * 10) / 10;

async function timed(app: FastifyInstance, cookies: string[], url: string) {
  const timings: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const cookie of cookies) {
      const begin = performance.now();
      const response = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      if (round > 0) timings.push(performance.now() - begin); // the first round warms caches and plans
    }
  }
  timings.sort((a, b) => a - b);
  return { p50: round1(percentile(timings, 50)), p95: round1(percentile(timings, 95)) };
}

/** The cycle report of 50 partners as PDF, asked by the secretariat (the first request: no warm-up). */
async function timeCyclePdf(app: FastifyInstance) {
  const [cookie] = await signInAll(app, ['secretariat@bench.example'], PASSWORD);
  const cycles = await app.inject({ method: 'GET', url: '/api/v1/followup/cycles', headers: { cookie } });
  const cycle = (cycles.json().items as { id: string; title: string }[]).find((c) => c.title === 'Bench Cadiz review');
  if (!cycle) throw new Error(`cycles: ${cycles.statusCode} ${cycles.body.slice(0, 200)}`);
  const begin = performance.now();
  const pdf = await app.inject({ method: 'GET', url: `/api/v1/followup/cycles/${cycle.id}/report.pdf`, headers: { cookie } });
  const ms = Math.round(performance.now() - begin);
  if (pdf.statusCode !== 200 || !pdf.rawPayload.subarray(0, 5).equals(Buffer.from('%PDF-'))) {
    throw new Error(`cycle pdf: ${pdf.statusCode} ${pdf.body.slice(0, 200)}`);
  }
  return ms;
}

async function measure(options: DatabaseOptions) {
  const database = await openDatabase(options);
  try {
    await migrate(database.db);
    const started = performance.now();
    await buildFollowup(database.db);
    const buildS = Math.round((performance.now() - started) / 1000);
    const app = await startBenchApp(database);
    const cookies = await signInAll(
      app,
      Array.from({ length: READERS }, (_, i) => `partner${(i + 1) * 6}@bench.example`),
      PASSWORD,
    );
    const plan = await timed(app, cookies, '/api/v1/followup/plans/CAP');
    const partner = await timed(app, cookies, '/api/v1/followup/dashboard');
    const sample = await app.inject({ method: 'GET', url: '/api/v1/followup/plans/CAP', headers: { cookie: cookies[0] } });
    const cyclePdfMs = await timeCyclePdf(app);
    await app.close();
    return {
      commitments: COMMITMENTS,
      build_s: buildS,
      plan_commitments_seen: sample.json().totals.commitments as number,
      dashboard_p50_ms: plan.p50,
      dashboard_p95_ms: plan.p95,
      partner_p50_ms: partner.p50,
      partner_p95_ms: partner.p95,
      cycle_pdf_ms: cyclePdfMs,
    };
  } finally {
    await database.close();
  }
}

type Figures = Awaited<ReturnType<typeof measure>>;

async function main() {
  const figures = await onEachBackend(measure);
  const pick = (backend: Figures | undefined) =>
    backend ? { dashboard_p95_ms: backend.dashboard_p95_ms, partner_p95_ms: backend.partner_p95_ms } : null;
  // The cycle PDF: the slower of the backends measured.
  const pdfs = Object.values(figures).map((backend) => backend.cycle_pdf_ms);
  console.log(`load_1m ${os.loadavg()[0].toFixed(2)} (${os.cpus().length} cores, shared)`);
  console.log(
    JSON.stringify({
      bench: 'followup',
      postgres: pick(figures.postgres),
      pglite: pick(figures.pglite),
      cycle_pdf_ms: pdfs.length > 0 ? Math.max(...pdfs) : null,
    }),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
