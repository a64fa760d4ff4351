import { type RawBuilder, sql } from 'kysely';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { visibleTo } from '../../../platform/policy/visibility-filter.js';

/** An entry a screening reads: what the matcher needs, personal fields still encrypted. */
export interface CandidateEntry {
  entryId: string;
  reference: string;
  watchlistId: string;
  watchlistName: string;
  handlingCode: string;
  version: number;
  namesEnc: string;
  birthDateEnc: string | null;
  nationalitiesEnc: string | null;
  sexEnc: string | null;
}

/** A key shared by more active entries than this is left out of a lookup that has more selective keys. */
const COMMON_KEY_ENTRIES = 500;
/** ...unless the selective keys together reach fewer entries than this: then the next rarest join them. */
const ENOUGH_ENTRIES = 100;
/**
 * A name whose most selective keys still reach more entries than this is a very common one
 * (Mohamed Ould Ahmed at a million entries: twelve thousand). Reading every one of them to keep a
 * few hundred was most of a screening's time; such a lookup reads first the entries sharing at
 * least two of the name's keys, which the index finds by itself.
 */
const WIDE_REACH = 2_000;
/** The rarest keys a wide lookup pairs (pairs grow as the square). */
const PAIRED_KEYS = 8;

interface HeldKey {
  key: string;
  entries: number;
}

/**
 * The keys a lookup uses: those held by some entry (`watchlist_key_counts`), the selective ones
 * (pairs of name parts, rare parts) first; a key held by thousands of entries (a very common family
 * name's sound alone) only when the rarer keys reach too few entries. At a million entries this is
 * the difference between reading hundreds of rows and tens of thousands. Also answers every held
 * key, rarest first, and how many entries the chosen ones reach (at most: an entry may hold several).
 */
async function selectiveKeys(db: Db, keys: string[]) {
  const { rows: held } = await sql<HeldKey>`select key::text as key, entries
    from watchlist_key_counts where key = any(${keys}::bigint[]) and entries > 0 order by entries`.execute(db);
  const chosen: string[] = [];
  let reached = 0;
  for (const row of held) {
    if (row.entries > COMMON_KEY_ENTRIES && reached >= ENOUGH_ENTRIES) break;
    chosen.push(row.key);
    reached += row.entries;
  }
  return { chosen, reached, held };
}

type Row = {
  entry_id: string;
  reference: string;
  watchlist_id: string;
  watchlist_name: string;
  handling_code: string;
  version: number;
  names_enc: string;
  birth_date_enc: string | null;
  nationalities_enc: string | null;
  sex_enc: string | null;
};

/**
 * The screenable entries meeting `match` that the viewer may see: active, on an active list the
 * viewer may see, not lapsed (past their review date and the list's grace period). `rankBy`: those
 * sharing most of these keys first; without it, the first found (no row is read beyond the limit).
 */
async function readCandidates(db: Db, viewer: Viewer, match: RawBuilder<unknown>, rankBy: string[] | null, limit: number) {
  const order = rankBy
    ? sql`order by cardinality(array(select unnest(e.match_keys) intersect select unnest(${rankBy}::bigint[]))) desc, e.id`
    : sql``;
  const { rows } = await sql<Row>`select e.id as entry_id, e.reference, e.watchlist_id, w.name as watchlist_name,
      w.handling_code, e.version, e.names_enc, e.birth_date_enc, e.nationalities_enc, e.sex_enc
    from watchlist_entries e join watchlists w on w.id = e.watchlist_id
    where ${match} and e.status = 'active'
      and w.status = 'active' and ${visibleTo(viewer, 'w')}
      and e.review_date + w.grace_days >= current_date
    ${order}
    limit ${limit}`.execute(db);
  return rows.map(
    (row): CandidateEntry => ({
      entryId: row.entry_id,
      reference: row.reference,
      watchlistId: row.watchlist_id,
      watchlistName: row.watchlist_name,
      handlingCode: row.handling_code,
      version: row.version,
      namesEnc: row.names_enc,
      birthDateEnc: row.birth_date_enc,
      nationalitiesEnc: row.nationalities_enc,
      sexEnc: row.sex_enc,
    }),
  );
}

/**
 * The entries sharing a screening key with `allKeys`, those sharing most keys first, at most
 * `limit`. Each statement goes through the GIN index and the sharing rule: an invisible list never
 * reaches the caller. For a very common name (its keys reach more than WIDE_REACH entries), the
 * entries sharing two or more of its rarest keys come first (each pair's entries are the
 * intersection the index computes), then, if room is left, others sharing one key, as found.
 * `wideReach` moves that bound (tests take the wide path with a handful of entries).
 */
export async function candidateEntries(
  db: Db,
  viewer: Viewer,
  allKeys: string[],
  limit: number,
  options: { wideReach?: number } = {},
): Promise<CandidateEntry[]> {
  if (allKeys.length === 0 || limit <= 0) return [];
  const { chosen, reached, held } = await selectiveKeys(db, allKeys);
  if (chosen.length === 0) return [];
  const sharingOne = sql`e.match_keys && ${chosen}::bigint[]`;
  if (reached <= (options.wideReach ?? WIDE_REACH) || held.length < 2)
    return readCandidates(db, viewer, sharingOne, allKeys, limit);

  const rarest = held.slice(0, PAIRED_KEYS).map((row) => row.key);
  const pairs = rarest.flatMap((a, i) => rarest.slice(i + 1).map((b) => sql`e.match_keys @> array[${a}, ${b}]::bigint[]`));
  const sharingTwo = await readCandidates(db, viewer, sql`(${sql.join(pairs, sql` or `)})`, allKeys, limit);
  if (sharingTwo.length >= limit) return sharingTwo;
  const seen = sharingTwo.map((entry) => entry.entryId);
  const sharingOneOnly = await readCandidates(
    db,
    viewer,
    sql`${sharingOne} and e.id <> all(${seen}::uuid[])`,
    null,
    limit - sharingTwo.length,
  );
  return [...sharingTwo, ...sharingOneOnly];
}
