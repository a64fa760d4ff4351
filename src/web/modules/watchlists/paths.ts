/** Addresses of watch-list pages, in a file of their own so Home's card links there without loading the pages' API. */
export const watchlistPath = (id: string) => `/watchlists/${encodeURIComponent(id)}`;
