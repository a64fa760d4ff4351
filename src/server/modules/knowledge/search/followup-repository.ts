import { sql } from 'kysely';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { followedUpItems } from '../../followup/dashboards/repository.js';

/**
 * Per item number, 1 when a commitment the viewer may see (not cancelled) acts on the item: the
 * library's `followUp` facet. One statement per search, under the sharing rule of commitments.
 */
export async function followedUpSeqs(db: Db, viewer: Viewer | null): Promise<Uint8Array> {
  const result = await sql<{ seqs: number[] }>`select coalesce(array_agg(i.search_seq), '{}') as seqs
    from knowledge_items i where i.id in (${followedUpItems(viewer)})`.execute(db);
  const seqs = result.rows[0]?.seqs ?? [];
  const mask = new Uint8Array(seqs.reduce((max, seq) => Math.max(max, seq + 1), 0));
  for (const seq of seqs) mask[seq] = 1;
  return mask;
}
