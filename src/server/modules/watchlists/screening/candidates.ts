import { sql } from 'kysely';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { visibleTo } from '../../../platform/policy/visibility-filter.js';

/** A listed entry that shares a screening key with the query, as the screening service reads it. */
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

/**
 * The active, not lapsed entries of the active lists the viewer may see that share a key with the
 * query. The sharing rule sits in the WHERE, so an invisible list is never read, decrypted or scored.
 */
export async function candidateEntries(db: Db, viewer: Viewer, keys: string[], limit: number): Promise<CandidateEntry[]> {
  if (keys.length === 0) return [];
  const { rows } = await sql<CandidateEntry>`
    select e.id as "entryId", e.reference, w.id as "watchlistId", w.name as "watchlistName",
      w.handling_code as "handlingCode", e.version, e.names_enc as "namesEnc", e.birth_date_enc as "birthDateEnc",
      e.nationalities_enc as "nationalitiesEnc", e.sex_enc as "sexEnc"
    from watchlist_entries e join watchlists w on w.id = e.watchlist_id
    where e.match_keys && ${keys}::bigint[] and e.status = 'active' and w.status = 'active'
      and e.review_date + w.grace_days >= current_date and ${visibleTo(viewer, 'w')}
    limit ${limit}`.execute(db);
  return rows;
}
