import { HIT_STATUSES, type HitStatus } from '../../../../shared/watchlists/vocabulary.js';

// Apart from the pages so the router reads an address without loading them.

/** The review queue's address: `?status=open|confirmed|discarded&page=2` (open when absent). */
export interface ReviewSearch {
  status?: HitStatus;
  page?: number;
}

export function parseReviewSearch(search: Record<string, unknown>): ReviewSearch {
  const parsed: ReviewSearch = {};
  if (typeof search.status === 'string' && (HIT_STATUSES as readonly string[]).includes(search.status))
    parsed.status = search.status as HitStatus;
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1 && page < 10_000) parsed.page = page;
  return parsed;
}
