import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { deliverMessages } from '../src/server/modules/exchange/messages/deliveries-repository.js';
import { hashPassword } from '../src/server/platform/auth/passwords.js';
import { type DatabaseOptions, type Db, openDatabase } from '../src/server/platform/db/database.js';
import { migrate } from '../src/server/platform/db/migrate.js';
import { onEachBackend, signInAll, startBenchApp } from './support/bench-app.js';
import { type FanoutResult, measureFanout } from './support/sse-fanout.js';

const ORGANISATIONS = 60;
const UNITS = 200;
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 50_000);
const READERS = 20;
const PASSWORD = 'bench-exchange-password-2026';
const CODES = ['TLP:RED', 'TLP:AMBER+STRICT', 'TLP:AMBER', 'TLP:GREEN', 'TLP:CLEAR'];

/** Organisations, units (one focal point each), sharing groups of 12 organisations, and messages. */
export async function buildExchange(db: Db) {
  const passwordHash = await hashPassword(PASSWORD);
  await sql`insert into organisations (name, acronym, country, kind)
    select 'Bench organisation ' || n, 'BO' || n, 'MA', 'government_agency' from generate_series(1, ${ORGANISATIONS}) n`.execute(
    db,
  );
  await sql`insert into units (organisation_id, name)
    select o.id, 'Bench unit ' || n from generate_series(1, ${UNITS}) n
    join (select id, row_number() over (order by name) - 1 as i from organisations where name like 'Bench organisation %') o
      on o.i = (n - 1) % ${ORGANISATIONS}`.execute(db);
  await sql`insert into users (email, display_name, organisation_id, password_hash)
    select 'focal' || row_number() over (order by u.name) || '@bench.example', 'Bench Focal ' || u.name, u.organisation_id,
      ${passwordHash} from units u where u.name like 'Bench unit %'`.execute(db);
  await sql`insert into user_units (user_id, unit_id) select us.id, un.id from users us
    join units un on 'Bench Focal ' || un.name = us.display_name`.execute(db);
  await sql`insert into user_roles (user_id, role) select id, 'focal_point' from users where email like '%@bench.example'`.execute(
    db,
  );
  await sql`insert into sharing_groups (name) select 'Bench group ' || n from generate_series(1, 5) n`.execute(db);
  await sql`insert into sharing_group_members (sharing_group_id, organisation_id)
    select g.id, o.id from (select id, row_number() over (order by name) - 1 as i from sharing_groups where name like 'Bench group %') g
    join (select id, row_number() over (order by name) - 1 as i from organisations where name like 'Bench organisation %') o
      on o.i / 12 = g.i`.execute(db);
  // Senders and recipients drawn at random; distributions: units 50 %, an organisation 20 %,
  // a sharing group 20 %, all partners 10 %.
  await sql`with bench_units as (select array_agg(u.id order by u.name) as ids, array_agg(u.organisation_id order by u.name) as orgs
      from units u where u.name like 'Bench unit %'),
    groups as (select array_agg(id order by name) as ids from sharing_groups where name like 'Bench group %'),
    drawn as (select n, (random() * ${UNITS - 1})::int + 1 as sender, (random() * ${UNITS - 1})::int + 1 as target,
      random() as shape, (random() * 4)::int + 1 as code from generate_series(1, ${MESSAGES}) n)
    insert into messages (thread_id, kind, subject, body, sender_user_id, handling_code, originator_unit_id,
      originator_organisation_id, recipient_units, recipient_organisations, recipient_sharing_groups, to_all_partners,
      addressed_organisations, created_at)
    select gen_random_uuid(), 'message', 'Bench message ' || n, 'Body of bench message ' || n,
      (select id from users where display_name = 'Bench Focal Bench unit ' || drawn.sender),
      (${CODES}::text[])[code], bench_units.ids[sender], bench_units.orgs[sender],
      case when shape < 0.5 then array[bench_units.ids[target]] else '{}' end,
      case when shape < 0.7 then array[bench_units.orgs[target]] else '{}' end,
      case when shape >= 0.7 and shape < 0.9 then array[groups.ids[(target % 5) + 1]] else '{}'::uuid[] end,
      shape >= 0.9, case when shape >= 0.5 and shape < 0.7 then array[bench_units.orgs[target]] else '{}' end,
      now() - (n || ' minutes')::interval
    from drawn, bench_units, groups`.execute(db);
  await sql`update messages set thread_id = id`.execute(db);
  // Delivered to the units' inboxes by the application's own rule, as sending does.
  const ids = await sql<{ id: string }>`select id from messages`.execute(db);
  await deliverMessages(
    db,
    ids.rows.map((row) => row.id),
  );
  await sql`analyze`.execute(db);
}

/**
 * An alert to all partners, issued through the API, reaching every unit's focal point on a real
 * HTTP event stream: three rounds of 200 subscribers, timed from just before the POST; the worst
 * round's p50 and p99 are reported.
 */
async function measureAlertFanout(app: FastifyInstance) {
  const sessions: { cookie: string; csrfToken: string }[] = [];
  for (let i = 1; i <= UNITS; i++) {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: `focal${i}@bench.example`, password: PASSWORD },
    });
    if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
    const session = login.cookies.find((c: { name: string }) => c.name === 'liaison_session');
    sessions.push({ cookie: `liaison_session=${session?.value}`, csrfToken: login.json().csrfToken });
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as AddressInfo;
  const rounds: FanoutResult[] = [];
  for (let round = 0; round < 3; round++) {
    rounds.push(
      await measureFanout({
        baseUrl: `http://127.0.0.1:${address.port}`,
        cookies: sessions.map((session) => session.cookie),
        trigger: async () => {
          const response = await app.inject({
            method: 'POST',
            url: '/api/v1/alerts',
            headers: { cookie: sessions[0].cookie, 'x-csrf-token': sessions[0].csrfToken },
            payload: {
              title: `Bench alert ${round}`,
              category: 'new_route',
              severity: 'high',
              validUntil: new Date(Date.now() + 7 * 86_400_000).toISOString(),
              area: { countries: ['MA'], label: 'Atlantic route' },
              description: 'Departures reported from the northern coast.',
              observables: [{ kind: 'phone', value: '+212 661 234 567' }],
              handlingCode: 'TLP:GREEN',
              distribution: [{ kind: 'all_partners' }],
            },
          });
          if (response.statusCode !== 201) throw new Error(`alert: ${response.statusCode} ${response.body.slice(0, 200)}`);
          return response.json().id as string;
        },
      }),
    );
  }
  const worst = (key: 'p50_ms' | 'p99_ms') => Math.max(...rounds.map((round) => round[key] ?? Number.POSITIVE_INFINITY));
  return {
    p50: worst('p50_ms'),
    p99: worst('p99_ms'),
    subscribers: UNITS,
    received: Math.min(...rounds.map((round) => round.received)),
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measure(options: DatabaseOptions) {
  const database = await openDatabase(options);
  try {
    await migrate(database.db);
    const started = performance.now();
    await buildExchange(database.db);
    const buildS = Math.round((performance.now() - started) / 1000);
    const app = await startBenchApp(database);
    const cookies = await signInAll(
      app,
      Array.from({ length: READERS }, (_, i) => `focal${(i + 1) * 10}@bench.example`),
      PASSWORD,
    );
    const timings: number[] = [];
    let inboxSizes = 0;
    for (let round = 0; round < 6; round++) {
      for (const cookie of cookies) {
        const begin = performance.now();
        const response = await app.inject({ method: 'GET', url: '/api/v1/messages?box=inbox&limit=50', headers: { cookie } });
        if (response.statusCode !== 200) throw new Error(`inbox: ${response.statusCode} ${response.body.slice(0, 200)}`);
        if (round === 0) {
          inboxSizes += response.json().total;
          continue; // the first round warms caches
        }
        timings.push(performance.now() - begin);
      }
    }
    const fanout = await measureAlertFanout(app);
    await app.close();
    timings.sort((a, b) => a - b);
    const round1 = (n: number) => Math.round(n * 10) / 10;
    return {
      messages: MESSAGES,
      build_s: buildS,
      mean_inbox_total: Math.round(inboxSizes / READERS),
      inbox_p50_ms: round1(percentile(timings, 50)),
      inbox_p95_ms: round1(percentile(timings, 95)),
      alert_fanout_p50_ms: fanout.p50,
      alert_fanout_p99_ms: fanout.p99,
      alert_fanout_subscribers: fanout.subscribers,
      alert_fanout_received: fanout.received,
    };
  } finally {
    await database.close();
  }
}

async function main() {
  const figures = await onEachBackend(measure);
  console.log(JSON.stringify({ bench: 'exchange', ...figures }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
