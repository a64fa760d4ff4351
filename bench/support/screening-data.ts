/**
 * The screening benchmark's data: partner organisations and their people, a few watch-lists under
 * different handling codes, and N entries loaded in bulk the way the entries service stores them —
 * every personal field encrypted by the platform's key ring, the screening index made by
 * `matchKeysOf`, one `watchlist_changes` row per entry (its `add`), the lists' `last_seq` set.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { matchKeysOf } from '../../src/server/modules/watchlists/entries/match-keys.js';
import { keysFingerprint } from '../../src/server/modules/watchlists/entries/rekey-job.js';
import { recordFingerprint } from '../../src/server/modules/watchlists/entries/rekey-repository.js';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import type { Db } from '../../src/server/platform/db/database.js';
import type { PersonalDataKeys } from '../../src/server/platform/personal-data/keyring.js';
import { personAt } from './regional-names.js';

export const BENCH_PASSWORD = 'bench-screening-password-2026';
/** The unit keeping the lists: its focal point changes them. */
export const OWNER_EMAIL = 'owner@bench.example';
/** A focal point of a partner unit: screens names against the lists it may see. */
export const SCREENER_EMAIL = 'screener@bench.example';
export const subscriberEmail = (i: number) => `subscriber${i}@bench.example`;
/** The seed of the invented population the lists hold (person `n` is entry `n`). */
export const POPULATION_SEED = 2026;

const ORGANISATIONS = 6;

export interface BenchList {
  id: string;
  name: string;
  handlingCode: string;
  /** Share of the entries it holds. */
  share: number;
  visibleToScreener: boolean;
}

export interface BenchWorld {
  ownerUserId: string;
  ownerUnitId: string;
  screenerUnitId: string;
  lists: BenchList[];
  /** A list visible to every subscriber, empty: the propagation changes go there. */
  propagationListId: string;
}

/**
 * Six organisations with one unit each. The owner (organisation 1) keeps the lists; the screener
 * works in organisation 2; `subscribers` focal points are spread over organisations 2 to 6.
 */
export async function buildWorld(db: Db, subscribers: number): Promise<BenchWorld> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await sql`insert into organisations (name, acronym, country, kind)
    select 'Bench screening partner ' || n, 'BS' || n, (array['MA','SN','ES','NE','ML','MR'])[n], 'government_agency'
    from generate_series(1, ${ORGANISATIONS}) n`.execute(db);
  await sql`insert into units (organisation_id, name)
    select id, 'Bench screening unit ' || substr(name, 25) from organisations where name like 'Bench screening partner %'`.execute(
    db,
  );
  const emails = [OWNER_EMAIL, SCREENER_EMAIL, ...Array.from({ length: subscribers }, (_, i) => subscriberEmail(i + 1))];
  // The owner in unit 1, the screener in unit 2, subscribers round-robin over units 2..6.
  const unitNumbers = [1, 2, ...Array.from({ length: subscribers }, (_, i) => 2 + (i % (ORGANISATIONS - 1)))];
  await sql`with wanted as (select * from unnest(${emails}::text[], ${unitNumbers}::int[]) as t(email, unit_number)),
      placed as (select w.email, u.id as unit_id, u.organisation_id from wanted w
        join units u on u.name = 'Bench screening unit ' || w.unit_number),
      made as (insert into users (email, display_name, organisation_id, password_hash)
        select email, 'Bench ' || split_part(email, '@', 1), organisation_id, ${passwordHash} from placed
        returning id, email),
      roles as (insert into user_roles (user_id, role) select id, 'focal_point' from made)
    insert into user_units (user_id, unit_id) select made.id, placed.unit_id from made join placed using (email)`.execute(db);
  const { rows: units } = await sql<{ id: string; organisation_id: string }>`
    select id, organisation_id from units where name like 'Bench screening unit %' order by name`.execute(db);
  const owner = await sql<{ id: string }>`select id from users where email = ${OWNER_EMAIL}`.execute(db);
  const [u1, u2, u3] = units as [(typeof units)[0], (typeof units)[0], (typeof units)[0]];
  const ownerUserId = owner.rows[0]?.id as string;
  const insertList = async (
    name: string,
    code: string,
    recipientUnits: string[],
    recipientOrgs: string[],
    allPartners: boolean,
  ) => {
    const row = await sql<{ id: string }>`insert into watchlists (name, purpose, legal_basis, review_period_days, handling_code,
        originator_unit_id, originator_organisation_id, recipient_units, recipient_organisations, to_all_partners, created_by)
      values (${name}, 'Benchmark of name screening', 'Benchmark: no legal effect', 365, ${code}, ${u1.id}, ${u1.organisation_id},
        ${recipientUnits}::uuid[], ${recipientOrgs}::uuid[], ${allPartners}, ${ownerUserId}) returning id`.execute(db);
    return row.rows[0]?.id as string;
  };
  const lists: BenchList[] = [
    {
      name: 'Bench smuggling network facilitators',
      handlingCode: 'TLP:AMBER',
      share: 0.4,
      visibleToScreener: true,
      id: await insertList('Bench smuggling network facilitators', 'TLP:AMBER', [], [u2.organisation_id], false),
    },
    {
      name: 'Bench wanted for document fraud',
      handlingCode: 'TLP:GREEN',
      share: 0.3,
      visibleToScreener: true,
      id: await insertList('Bench wanted for document fraud', 'TLP:GREEN', [], [], true),
    },
    {
      name: 'Bench red notices of the unit',
      handlingCode: 'TLP:RED',
      share: 0.2,
      visibleToScreener: true,
      id: await insertList('Bench red notices of the unit', 'TLP:RED', [u2.id], [u2.organisation_id], false),
    },
    {
      // Not shared with the screener's organisation: screening must filter it out before scoring.
      name: 'Bench list of another partnership',
      handlingCode: 'TLP:AMBER+STRICT',
      share: 0.1,
      visibleToScreener: false,
      id: await insertList('Bench list of another partnership', 'TLP:AMBER+STRICT', [], [u3.organisation_id], false),
    },
  ];
  const propagationListId = await insertList('Bench live list', 'TLP:GREEN', [], [], true);
  return { ownerUserId, ownerUnitId: u1.id, screenerUnitId: u2.id, lists, propagationListId };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** `WL-` and 8 Crockford base-32 digits, as the entries service makes them (here from the entry's number). */
export function benchReference(n: number): string {
  let digits = '';
  let rest = n + 1_000_000_000; // past any reference the app itself would give in a bench run
  for (let i = 0; i < 8; i++) {
    digits = CROCKFORD[rest % 32] + digits;
    rest = Math.floor(rest / 32);
  }
  return `WL-${digits}`;
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Which list entry `n` belongs to: by the lists' shares, interleaved so each list spans the numbers. */
export function listOf(lists: BenchList[], n: number): BenchList {
  let x = ((n * 0.618_033_988_75) % 1) as number;
  for (const list of lists) {
    if (x < list.share) return list;
    x -= list.share;
  }
  return lists[lists.length - 1] as BenchList;
}

/**
 * Entry `n`'s review date: most current, one in eight due (past it, within the 30 days' grace), one
 * in twenty-five lapsed (out of screening).
 */
function reviewDateOf(n: number, today: number): string {
  const r = n % 200;
  if (r < 8) return isoDay(today - (40 + (n % 300)) * DAY_MS);
  if (r < 33) return isoDay(today - (1 + (n % 29)) * DAY_MS);
  return isoDay(today + (1 + (n % 364)) * DAY_MS);
}

/** Loads `count` entries (numbers 0..count-1) in statements of `chunk` rows; returns seconds taken. */
export async function loadEntries(
  db: Db,
  keys: PersonalDataKeys,
  world: BenchWorld,
  count: number,
  chunk: number,
  onProgress?: (loaded: number) => void,
): Promise<number> {
  const started = performance.now();
  const today = Date.now();
  const seqs = new Map(world.lists.map((list) => [list.id, 0]));
  const reason = await keys.encrypt('Benchmark entry: invented person, no real case.');
  for (let start = 0; start < count; start += chunk) {
    const numbers = Array.from({ length: Math.min(chunk, count - start) }, (_, i) => start + i);
    const rows = await Promise.all(
      numbers.map(async (n) => {
        const person = personAt(n, POPULATION_SEED);
        const list = listOf(world.lists, n);
        const seq = (seqs.get(list.id) as number) + 1;
        seqs.set(list.id, seq);
        const names = person.names.map((alias) => alias.name);
        return {
          id: randomUUID(),
          listId: list.id,
          seq,
          reference: benchReference(n),
          namesEnc: await keys.encrypt(JSON.stringify(person.names)),
          birthEnc: await keys.encrypt(String(person.birthYear)),
          nationalitiesEnc: await keys.encrypt(JSON.stringify([person.nationality])),
          sexEnc: await keys.encrypt(person.sex),
          identifiersEnc:
            n % 3 === 0
              ? await keys.encrypt(
                  JSON.stringify([{ kind: 'passport', number: `B${String(n).padStart(8, '0')}`, country: person.nationality }]),
                )
              : null,
          reviewDate: reviewDateOf(n, today),
          matchKeys: `{${matchKeysOf(keys, names).join(',')}}`,
          // One entry in a hundred was removed since (its index keys stay; the partial index leaves it
          // out). No `remove` change is written: the benchmark reads no change feed of these lists.
          removed: n % 100 === 99,
        };
      }),
    );
    const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((row) => row[key]);
    await sql`with rows as (
        select * from unnest(${column('id')}::uuid[], ${column('listId')}::uuid[], ${column('seq')}::bigint[],
          ${column('reference')}::text[], ${column('namesEnc')}::text[], ${column('birthEnc')}::text[],
          ${column('nationalitiesEnc')}::text[], ${column('sexEnc')}::text[], ${column('identifiersEnc')}::text[],
          ${column('reviewDate')}::date[], ${column('matchKeys')}::text[], ${column('removed')}::boolean[])
          as t(id, list_id, seq, reference, names_enc, birth_enc, nationalities_enc, sex_enc, identifiers_enc, review_date,
               match_keys, removed)),
      entries as (
        insert into watchlist_entries (id, watchlist_id, reference, status, names_enc, birth_date_enc, nationalities_enc,
          sex_enc, identifiers_enc, reason_enc, review_date, match_keys, created_by, removed_at)
        select id, list_id, reference, case when removed then 'removed' else 'active' end, names_enc, birth_enc,
          nationalities_enc, sex_enc, identifiers_enc, ${reason}, review_date, match_keys::bigint[], ${world.ownerUserId},
          case when removed then now() end
        from rows)
      insert into watchlist_changes (watchlist_id, seq, entry_id, entry_version, op, names_enc, birth_date_enc,
        nationalities_enc, sex_enc, identifiers_enc, reason_enc, review_date, changed_by)
      select list_id, seq, id, 1, 'add', names_enc, birth_enc, nationalities_enc, sex_enc, identifiers_enc, ${reason},
        review_date, ${world.ownerUserId}
      from rows`.execute(db);
    onProgress?.(start + numbers.length);
  }
  for (const [listId, seq] of seqs) await sql`update watchlists set last_seq = ${seq} where id = ${listId}`.execute(db);
  // The entries carry the current keys: the background re-keying has nothing to do.
  await recordFingerprint(db, keysFingerprint(keys));
  await sql`analyze`.execute(db);
  return (performance.now() - started) / 1000;
}
