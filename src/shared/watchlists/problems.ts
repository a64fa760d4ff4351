import { defineProblems } from '../problems.js';

/** Problems of watch-lists, screening, the review of hits and batch screening. */
export const WATCHLIST_PROBLEMS = defineProblems({
  /** Reading entries and screening need a stated purpose (it goes to the audit log). */
  'purpose-required': 'refused',
  /** Only the list's owner unit changes the list and its entries. */
  'not-list-owner': 'forbidden',
  /** An archived list takes no more changes and is not screened. */
  'list-archived': 'conflict',
  /** A removed entry takes no more changes. */
  'entry-removed': 'conflict',
  /** A change made on an older version of the entry or list. */
  'stale-version': 'conflict',
  /** A handling code or distribution that would hide the list from the unit that keeps it. */
  'would-hide-list': 'refused',
  /** A name with no letters, or in a script that does not match the one declared. */
  'invalid-name': 'refused',
  /** A review date in the past or beyond the list's review period. */
  'invalid-review-date': 'refused',
  /** A hit already confirmed or discarded. */
  'hit-already-decided': 'conflict',
  /** Only the unit that screened decides its hits. */
  'not-screening-unit': 'forbidden',
  /** A batch file that is not CSV with a `name` column, empty, too large or with too many lines. */
  'invalid-csv': 'malformed',
  'batch-too-large': 'refused',
  /** A batch line's problems (reported per line, the other lines are screened). */
  'missing-name': 'refused',
  'invalid-birth-year': 'refused',
  'invalid-nationality': 'refused',
  'invalid-sex': 'refused',
  /** The account belongs to no unit, and screenings are made for a unit. */
  'no-unit': 'refused',
});
