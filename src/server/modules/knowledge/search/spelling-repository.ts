import { sql } from 'kysely';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { visibleTo } from '../../../platform/policy/visibility-filter.js';

/**
 * Words of item texts added since `watermark` (a transaction id; '0' for all), and the next
 * watermark: the oldest transaction still running when the statement started, so words of a
 * transaction that commits later are read by the next call (migration 0021).
 */
export async function searchWordsAddedSince(db: Db, watermark: string): Promise<{ watermark: string; words: string[] }> {
  const result = await sql<{ next_watermark: string; words: string[] | null }>`select
      pg_snapshot_xmin(pg_current_snapshot())::text as next_watermark,
      (select array_agg(w.word) from knowledge_search_words w where w.added_xid >= ${watermark}::xid8) as words`.execute(db);
  const row = result.rows[0];
  return { watermark: row?.next_watermark ?? watermark, words: row?.words ?? [] };
}

/** Items a word is counted in, at most: enough to rank candidates, without counting common words whole. */
export const WORD_COUNT_CAP = 50;

/**
 * How many published items the viewer may see hold each word as written (accents folded, not
 * stemmed: the plain-word part of the item's search vector), up to `WORD_COUNT_CAP`. The visibility
 * rule decides here, and only here, which words a viewer may be told of.
 */
export async function visibleWordCounts(db: Db, viewer: Viewer | null, words: string[]): Promise<Map<string, number>> {
  if (words.length === 0) return new Map();
  const result = await sql<{ word: string; items: number }>`select w.word, (select count(*)::int from (
        select 1 from knowledge_items i join knowledge_documents d on d.id = i.document_id
        where i.status = 'published' and d.status = 'published' and ${visibleTo(viewer, 'd')}
          and i.search_vector @@ plainto_tsquery('public.liaison_simple'::regconfig, w.word)
        limit ${WORD_COUNT_CAP}) m) as items
    from unnest(${words}::text[]) as w(word)`.execute(db);
  return new Map(result.rows.map((row) => [row.word, row.items]));
}
