import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';

/** The fingerprint of the keys the stored entries were computed with; null before the first indexing. */
export async function indexedFingerprint(db: Db): Promise<string | null> {
  const { rows } = await sql<{ keys_fingerprint: string }>`select keys_fingerprint from watchlist_index_state`.execute(db);
  return rows[0]?.keys_fingerprint ?? null;
}

export async function recordFingerprint(db: Db, fingerprint: string): Promise<void> {
  await sql`insert into watchlist_index_state (only_row, keys_fingerprint) values (true, ${fingerprint})
    on conflict (only_row) do update set keys_fingerprint = excluded.keys_fingerprint, indexed_at = now()`.execute(db);
}

/** The next entries after `afterId` (every status: a removed entry may be restored by no one, but keeps true keys). */
export async function entriesAfter(db: Db, afterId: string | null, limit: number) {
  const { rows } = await sql<{
    id: string;
    version: number;
    names_enc: string;
  }>`select id, version, names_enc from watchlist_entries
    where id > coalesce(${afterId}::uuid, '00000000-0000-0000-0000-000000000000'::uuid) order by id limit ${limit}`.execute(db);
  return rows.map((row) => ({ id: row.id, version: row.version, namesEnc: row.names_enc }));
}

/**
 * Stores recomputed keys, in one statement for a whole chunk (the key counts' triggers run once). An
 * entry amended since it was read (another version) keeps the keys its amendment wrote.
 */
export async function storeMatchKeys(db: Db, entries: { id: string; version: number; matchKeys: string[] }[]): Promise<void> {
  if (entries.length === 0) return;
  await sql`update watchlist_entries e set match_keys = string_to_array(k.keys, ',')::bigint[]
    from unnest(${entries.map((e) => e.id)}::uuid[], ${entries.map((e) => e.version)}::int[],
      ${entries.map((e) => e.matchKeys.join(','))}::text[]) as k(id, version, keys)
    where e.id = k.id and e.version = k.version and e.match_keys is distinct from string_to_array(k.keys, ',')::bigint[]`.execute(
    db,
  );
}
