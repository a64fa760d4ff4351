import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Viewer } from '../../../../shared/visibility.js';
import type { ChangeOp, EntryStatus, ReviewState } from '../../../../shared/watchlists/vocabulary.js';
import type { Db } from '../../../platform/db/database.js';
import { registerEncryptedColumns } from '../../../platform/personal-data/rotation.js';
import { visibleTo } from '../../../platform/policy/visibility-filter.js';
import type { EncryptedContent } from './content.js';

/**
 * SQL of watch-list entries and their changes. Every read joins the entry's list and puts
 * `visibleTo` on it, in the WHERE clause, before anything is decrypted or scored.
 */

const PERSONAL = ['names_enc', 'birth_date_enc', 'nationalities_enc', 'sex_enc', 'identifiers_enc', 'reason_enc'];
registerEncryptedColumns('watchlist_entries', PERSONAL);
registerEncryptedColumns('watchlist_changes', [...PERSONAL, 'note_enc']);

/** Crockford's base32: no I, L, O, U, so a reference read aloud or copied by hand survives. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A reference that says nothing about the person (`WL-7K3QX9MB`). */
export function newReference(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CROCKFORD[randomInt(CROCKFORD.length)];
  return `WL-${code}`;
}

export interface Entry extends EncryptedContent {
  id: string;
  reference: string;
  watchlistId: string;
  status: EntryStatus;
  version: number;
  reviewDate: string;
  reviewState: ReviewState;
  createdAt: Date;
  updatedAt: Date;
  removedAt: Date | null;
}

interface EncryptedColumns {
  names_enc: string;
  birth_date_enc: string | null;
  nationalities_enc: string | null;
  sex_enc: string | null;
  identifiers_enc: string | null;
  reason_enc: string;
}

interface EntryRow extends EncryptedColumns {
  id: string;
  reference: string;
  watchlist_id: string;
  status: EntryStatus;
  version: number;
  review_date: string;
  review_state: ReviewState;
  created_at: Date;
  updated_at: Date;
  removed_at: Date | null;
  cursor_at?: string;
  total?: number;
}

const encryptedOf = (row: EncryptedColumns): EncryptedContent => ({
  namesEnc: row.names_enc,
  birthDateEnc: row.birth_date_enc,
  nationalitiesEnc: row.nationalities_enc,
  sexEnc: row.sex_enc,
  identifiersEnc: row.identifiers_enc,
  reasonEnc: row.reason_enc,
});

const toEntry = (row: EntryRow): Entry => ({
  ...encryptedOf(row),
  id: row.id,
  reference: row.reference,
  watchlistId: row.watchlist_id,
  status: row.status,
  version: row.version,
  reviewDate: row.review_date,
  reviewState: row.review_state,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  removedAt: row.removed_at,
});

/** Where an entry stands against its review date (`w` is its list). */
const REVIEW_STATE = sql`case when e.review_date >= current_date then 'current'
  when e.review_date + w.grace_days >= current_date then 'due' else 'lapsed' end`;
const COLUMNS = sql`e.id, e.reference, e.watchlist_id, e.status, e.version, e.review_date::text as review_date,
  ${REVIEW_STATE} as review_state, e.created_at, e.updated_at, e.removed_at, e.names_enc, e.birth_date_enc,
  e.nationalities_enc, e.sex_enc, e.identifiers_enc, e.reason_enc`;

export interface NewEntry extends EncryptedContent {
  watchlistId: string;
  reviewDate: string;
  matchKeys: string[];
  createdBy: string;
}

/** Stores a new entry (version 1); answers its id and reference. */
export async function insertEntry(db: Db, entry: NewEntry): Promise<{ id: string; reference: string }> {
  const { rows } = await sql<{ id: string; reference: string }>`insert into watchlist_entries (watchlist_id, reference,
      names_enc, birth_date_enc, nationalities_enc, sex_enc, identifiers_enc, reason_enc, review_date, match_keys, created_by)
    values (${entry.watchlistId}, ${newReference()}, ${entry.namesEnc}, ${entry.birthDateEnc}, ${entry.nationalitiesEnc},
      ${entry.sexEnc}, ${entry.identifiersEnc}, ${entry.reasonEnc}, ${entry.reviewDate}::date, ${entry.matchKeys}::bigint[],
      ${entry.createdBy})
    returning id, reference`.execute(db);
  return rows[0];
}

export interface EntryUpdate {
  content?: EncryptedContent;
  matchKeys?: string[];
  reviewDate?: string;
  remove?: boolean;
}

/**
 * Applies a change made on `version` of an active entry of the list (one more version); undefined
 * when the entry moved on, was removed, or is not in this list.
 */
export async function updateEntry(db: Db, listId: string, id: string, version: number, update: EntryUpdate) {
  const c = update.content;
  const { rows } = await sql<EntryRow>`update watchlist_entries e set version = e.version + 1, updated_at = now(),
      names_enc = coalesce(${c?.namesEnc ?? null}, e.names_enc),
      birth_date_enc = case when ${c !== undefined}::boolean then ${c?.birthDateEnc ?? null} else e.birth_date_enc end,
      nationalities_enc = case when ${c !== undefined}::boolean then ${c?.nationalitiesEnc ?? null} else e.nationalities_enc end,
      sex_enc = case when ${c !== undefined}::boolean then ${c?.sexEnc ?? null} else e.sex_enc end,
      identifiers_enc = case when ${c !== undefined}::boolean then ${c?.identifiersEnc ?? null} else e.identifiers_enc end,
      reason_enc = coalesce(${c?.reasonEnc ?? null}, e.reason_enc),
      match_keys = coalesce(${update.matchKeys ?? null}::bigint[], e.match_keys),
      review_date = coalesce(${update.reviewDate ?? null}::date, e.review_date),
      status = case when ${update.remove === true}::boolean then 'removed' else e.status end,
      removed_at = case when ${update.remove === true}::boolean then now() else e.removed_at end
    from watchlists w
    where w.id = e.watchlist_id and e.id = ${id} and e.watchlist_id = ${listId} and e.version = ${version}
      and e.status = 'active'
    returning ${COLUMNS}`.execute(db);
  return rows[0] && toEntry(rows[0]);
}

/** An entry of a list the viewer may see. */
export async function findEntry(db: Db, viewer: Viewer, listId: string, id: string): Promise<Entry | undefined> {
  const { rows } = await sql<EntryRow>`select ${COLUMNS} from watchlist_entries e join watchlists w on w.id = e.watchlist_id
    where e.id = ${id} and e.watchlist_id = ${listId} and ${visibleTo(viewer, 'w')}`.execute(db);
  return rows[0] && toEntry(rows[0]);
}

export interface EntryFilters {
  status: EntryStatus;
  review?: ReviewState;
  /** Entries sharing one of these screening keys. */
  matchKeys?: string[];
}

/** Where a page starts: after this entry, newest first. */
export interface EntryCursor {
  at: string;
  id: string;
}

export async function listEntries(
  db: Db,
  viewer: Viewer,
  listId: string,
  filters: EntryFilters,
  after: EntryCursor | null,
  limit: number,
) {
  const where = sql`e.watchlist_id = ${listId} and ${visibleTo(viewer, 'w')} and e.status = ${filters.status}
    and (${filters.review ?? null}::text is null or ${REVIEW_STATE} = ${filters.review ?? null})
    and (${filters.matchKeys ?? null}::bigint[] is null or e.match_keys && ${filters.matchKeys ?? null}::bigint[])`;
  const { rows } = await sql<EntryRow>`select ${COLUMNS}, e.created_at::text as cursor_at
    from watchlist_entries e join watchlists w on w.id = e.watchlist_id
    where ${where}
      and (${after?.at ?? null}::timestamptz is null or (e.created_at, e.id) < (${after?.at ?? null}::timestamptz, ${after?.id ?? null}::uuid))
    order by e.created_at desc, e.id desc limit ${limit + 1}`.execute(db);
  const { rows: counted } = await sql<{ n: number }>`select count(*)::int as n
    from watchlist_entries e join watchlists w on w.id = e.watchlist_id where ${where}`.execute(db);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    entries: page.map(toEntry),
    total: counted[0]?.n ?? 0,
    next: rows.length > limit && last?.cursor_at ? { at: last.cursor_at, id: last.id } : null,
  };
}

/** An entry that may match a screened name, with what the matcher needs (still encrypted). */
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
 * The keys a lookup uses: those held by some entry (`watchlist_key_counts`), the selective ones
 * (pairs of name parts, rare parts) first; a key held by thousands of entries (a very common family
 * name's sound alone) only when the rarer keys reach too few entries. At a million entries this is
 * the difference between reading hundreds of rows and tens of thousands.
 */
async function selectiveKeys(db: Db, keys: string[]): Promise<string[]> {
  const { rows } = await sql<{ key: string; entries: number }>`select key::text as key, entries
    from watchlist_key_counts where key = any(${keys}::bigint[]) and entries > 0 order by entries`.execute(db);
  const chosen: string[] = [];
  let reached = 0;
  for (const row of rows) {
    if (row.entries > COMMON_KEY_ENTRIES && reached >= ENOUGH_ENTRIES) break;
    chosen.push(row.key);
    reached += row.entries;
  }
  return chosen;
}

/**
 * The entries sharing a screening key with `keys`, among the active entries of active lists the
 * viewer may see and not lapsed (past their review date and the list's grace period), those sharing
 * most keys first. One statement on the GIN index: an invisible list never reaches the caller.
 * An entry's keys are distinct, so counting those among `allKeys` counts the keys shared: half the
 * cost of intersecting the two arrays, which a very common name pays on some ten thousand rows.
 */
export async function candidateEntries(db: Db, viewer: Viewer, allKeys: string[], limit: number): Promise<CandidateEntry[]> {
  if (allKeys.length === 0 || limit <= 0) return [];
  const keys = await selectiveKeys(db, allKeys);
  if (keys.length === 0) return [];
  const { rows } = await sql<{
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
  }>`select e.id as entry_id, e.reference, e.watchlist_id, w.name as watchlist_name, w.handling_code, e.version,
      e.names_enc, e.birth_date_enc, e.nationalities_enc, e.sex_enc
    from watchlist_entries e join watchlists w on w.id = e.watchlist_id
    where e.match_keys && ${keys}::bigint[] and e.status = 'active'
      and w.status = 'active' and ${visibleTo(viewer, 'w')}
      and e.review_date + w.grace_days >= current_date
    order by (select count(*) from unnest(e.match_keys) as k where k = any(${allKeys}::bigint[])) desc, e.id
    limit ${limit}`.execute(db);
  return rows.map((row) => ({
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
  }));
}

export interface NewChange {
  watchlistId: string;
  seq: number;
  entryId: string;
  entryVersion: number;
  op: ChangeOp;
  /** The entry after the change; null for a removal. */
  content: EncryptedContent | null;
  reviewDate: string | null;
  noteEnc: string | null;
  changedBy: string;
}

export async function insertChange(db: Db, change: NewChange): Promise<void> {
  const c = change.content;
  await sql`insert into watchlist_changes (watchlist_id, seq, entry_id, entry_version, op, names_enc, birth_date_enc,
      nationalities_enc, sex_enc, identifiers_enc, reason_enc, review_date, note_enc, changed_by)
    values (${change.watchlistId}, ${change.seq}, ${change.entryId}, ${change.entryVersion}, ${change.op},
      ${c?.namesEnc ?? null}, ${c?.birthDateEnc ?? null}, ${c?.nationalitiesEnc ?? null}, ${c?.sexEnc ?? null},
      ${c?.identifiersEnc ?? null}, ${c?.reasonEnc ?? null}, ${change.reviewDate}::date, ${change.noteEnc},
      ${change.changedBy})`.execute(db);
}

export interface Change {
  seq: number;
  op: ChangeOp;
  entryId: string;
  reference: string;
  entryVersion: number;
  changedAt: Date;
  changedBy: { id: string; name: string } | null;
  content: EncryptedContent | null;
  reviewDate: string | null;
}

/** The changes of a list (the viewer may see) after `since`, oldest first; one more than `limit` tells there are more. */
export async function changesAfter(db: Db, viewer: Viewer, listId: string, since: number, limit: number): Promise<Change[]> {
  const { rows } = await sql<
    Partial<EncryptedColumns> & {
      seq: number;
      op: ChangeOp;
      entry_id: string;
      reference: string;
      entry_version: number;
      changed_at: Date;
      changed_by: string;
      changed_by_name: string | null;
      review_date: string | null;
    }
  >`select c.seq, c.op, c.entry_id, e.reference, c.entry_version, c.changed_at, c.changed_by,
      u.display_name as changed_by_name, c.names_enc, c.birth_date_enc, c.nationalities_enc, c.sex_enc,
      c.identifiers_enc, c.reason_enc, c.review_date::text as review_date
    from watchlist_changes c join watchlists w on w.id = c.watchlist_id
      join watchlist_entries e on e.id = c.entry_id left join users u on u.id = c.changed_by
    where c.watchlist_id = ${listId} and ${visibleTo(viewer, 'w')} and c.seq > ${since}
    order by c.seq limit ${limit}`.execute(db);
  return rows.map((row) => ({
    seq: Number(row.seq),
    op: row.op,
    entryId: row.entry_id,
    reference: row.reference,
    entryVersion: row.entry_version,
    changedAt: row.changed_at,
    changedBy: row.changed_by_name === null ? null : { id: row.changed_by, name: row.changed_by_name },
    content: row.names_enc && row.reason_enc ? encryptedOf(row as EncryptedColumns) : null,
    reviewDate: row.review_date,
  }));
}

/** Whether an entry of the list exists and how it stands (to tell a stale version from a removal). */
export async function entryState(db: Db, listId: string, id: string) {
  return db
    .selectFrom('watchlist_entries')
    .select(['status', 'version'])
    .where('id', '=', id)
    .where('watchlist_id', '=', listId)
    .executeTakeFirst();
}
