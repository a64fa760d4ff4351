import { WATCHLIST_PROBLEMS } from '../../../shared/watchlists/problems.js';
import { all, allow, hidden, onRecord, type Rule, refuse, roles, worksIn } from './rules.js';

/** A watch-list (or one of its entries), seen from the unit that owns it. */
export interface WatchlistRecord {
  kind: 'watchlist';
  ownerUnitId: string;
}
/** A screening (and its hits), seen from the unit it was made for. */
export interface ScreeningRecord {
  kind: 'screening';
  unitId: string;
}

/**
 * Watch-lists are law-enforcement records: focal points and analysts (border, anti-smuggling and
 * liaison units) keep and screen against them; case workers, moderators and readers do not.
 */
const screens = roles('focal_point', 'analyst');

/** Only the owner unit changes a list and its entries (the list's visibility is checked first: 404). */
const ownsList: Rule<WatchlistRecord> = (actor, list) =>
  worksIn(actor, list.ownerUnitId)
    ? allow
    : refuse(WATCHLIST_PROBLEMS, 'not-list-owner', 'Only the unit that keeps this watch-list changes it.');

/** A hit is the screening unit's task; other units may not learn it exists. */
const inScreeningUnit: Rule<ScreeningRecord> = (actor, screening) =>
  worksIn(actor, screening.unitId) ? allow : hidden('a screening of another unit');

/**
 * Watch-lists and name screening. Lists are shared records under a handling code: reads go through
 * the sharing rule (`visibleTo`), so a list the viewer may not see is a 404 and never a candidate.
 */
export const WATCHLISTS = {
  'watchlist.read': screens,
  'watchlist.create': screens,
  'watchlist.edit': all<WatchlistRecord>(screens, onRecord(ownsList)),
  'screening.run': screens,
  'screening.review': screens,
  'screening.decide': all<ScreeningRecord>(screens, onRecord(inScreeningUnit)),
};
