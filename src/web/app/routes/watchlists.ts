import { createRoute } from '@tanstack/react-router';
import { moduleStringsReady } from '../../i18n/index.js';
import { parseWatchlistSearch } from '../../modules/watchlists/lists/lists-search.js';
import { parseReviewSearch } from '../../modules/watchlists/review/review-search.js';
import { page } from '../route-pages.js';
import { signedInRoute } from './base.js';

/** Watch-list pages wait for their English strings, fetched with the first of them. */
const watchlistStrings = () => moduleStringsReady('watchlists');

/** Name screening against watch-lists: one name, a CSV batch and its progress, the review queue of hits, one hit. */
const screeningRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: watchlistStrings,
  path: '/screening',
  component: page.screening,
});
const screeningBatchesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: watchlistStrings,
  path: '/screening/batches',
  component: page.screeningBatches,
});
const screeningBatchRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: watchlistStrings,
  path: '/screening/batches/$batchId',
  component: page.screeningBatch,
});
const screeningReviewRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: watchlistStrings,
  path: '/screening/review',
  validateSearch: parseReviewSearch,
  component: page.screeningReview,
});
const screeningHitRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: watchlistStrings,
  path: '/screening/hits/$hitId',
  component: page.screeningHit,
});

/** Watch-lists: the lists one may see, a new list, one list with its entries and change feed. */
const watchlistsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: watchlistStrings,
  path: '/watchlists',
  validateSearch: parseWatchlistSearch,
  component: page.watchlists,
});
const newWatchlistRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: watchlistStrings,
  path: '/watchlists/new',
  component: page.newWatchlist,
});
const watchlistRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: watchlistStrings,
  path: '/watchlists/$listId',
  component: page.watchlist,
});

/** The watch-list and screening pages, in the order the router tries them. */
export const watchlistRoutes = [
  screeningRoute,
  screeningBatchesRoute,
  screeningBatchRoute,
  screeningReviewRoute,
  screeningHitRoute,
  watchlistsRoute,
  newWatchlistRoute,
  watchlistRoute,
] as const;
