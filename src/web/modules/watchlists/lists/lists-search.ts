// Apart from the pages (and their API module) so the router reads an address without loading them.

/** The watch-lists page's address: `?mine=1&q=border&page=2` (list names only, never a person's). */
export interface WatchlistSearch {
  /** Only the lists of my units. */
  mine?: boolean;
  q?: string;
  page?: number;
}

export function parseWatchlistSearch(search: Record<string, unknown>): WatchlistSearch {
  const parsed: WatchlistSearch = {};
  if (search.mine === true || search.mine === '1' || search.mine === 1 || search.mine === 'true') parsed.mine = true;
  if (typeof search.q === 'string' && search.q.trim()) parsed.q = search.q.trim().slice(0, 200);
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1) parsed.page = page;
  return parsed;
}
