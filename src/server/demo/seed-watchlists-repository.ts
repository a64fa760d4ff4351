import { sql } from 'kysely';
import type { Db } from '../platform/db/database.js';

/**
 * The watch-lists demo's own reads and writes. Lists, entries and screenings are made by their
 * services, as the demo's people would make them; this file only finds what exists and moves the
 * times of what was just made back to when the demo says it happened.
 */

export async function watchlistIdByName(db: Db, ownerUnitId: string, name: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('watchlists')
    .select('id')
    .where('originator_unit_id', '=', ownerUnitId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.id;
}

/**
 * An entry added `addedDaysAgo` days ago whose review date fell `dueDaysAgo` days ago: its dates, its
 * `add` change's, and its list's creation when the list looks younger than the entry.
 */
export async function backdateEntry(db: Db, entryId: string, addedDaysAgo: number, dueDaysAgo: number): Promise<void> {
  const added = sql`now() - make_interval(days => ${addedDaysAgo})`;
  const review = sql`current_date - ${dueDaysAgo}::int`;
  await sql`update watchlist_entries set created_at = ${added}, updated_at = ${added}, review_date = ${review}
    where id = ${entryId}`.execute(db);
  await sql`update watchlist_changes set changed_at = ${added}, review_date = ${review}
    where entry_id = ${entryId} and op = 'add'`.execute(db);
  await sql`update watchlists set created_at = least(created_at, ${added})
    where id = (select watchlist_id from watchlist_entries where id = ${entryId})`.execute(db);
}

/** Whether any screening was made for one of these purposes (the demo's screenings are there). */
export async function screeningsExist(db: Db, purposes: string[]): Promise<boolean> {
  if (purposes.length === 0) return false;
  const row = await db.selectFrom('screenings').select('id').where('purpose', 'in', purposes).limit(1).executeTakeFirst();
  return row !== undefined;
}
