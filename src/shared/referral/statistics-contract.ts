import { Type } from '@sinclair/typebox';
import { Literals, Nullable, type Static, Strict } from '../contract/kit.js';
import { STATISTICS_DIMENSIONS } from './statistics.js';
import { CASE_TYPES } from './vocabulary.js';

/**
 * Replies of the referral statistics (`/api/v1/referral-statistics`): counts of cases, never a
 * case. A count is published perturbed and rounded to a multiple of 5, or suppressed (`value: null`)
 * when it is below 5 or would let a small one be worked out; see ARCHITECTURE "Referral statistics".
 */

export const StatisticsDimension = Literals(STATISTICS_DIMENSIONS);

export const PublishedCount = Strict({
  value: Nullable(Type.Integer({ minimum: 0 })),
  suppressed: Type.Boolean(),
});
export type PublishedCount = Static<typeof PublishedCount>;

export const StatisticsRow = Strict({
  key: Type.String(),
  /** One count per column (none in a one-dimensional table). */
  cells: Type.Array(PublishedCount),
  total: PublishedCount,
});
export type StatisticsRow = Static<typeof StatisticsRow>;

export const StatisticsTable = Strict({
  by: StatisticsDimension,
  by2: Nullable(StatisticsDimension),
  from: Nullable(Type.String()),
  to: Nullable(Type.String()),
  caseType: Nullable(Literals(CASE_TYPES)),
  columns: Type.Array(Type.String()),
  rows: Type.Array(StatisticsRow),
  columnTotals: Type.Array(PublishedCount),
  total: PublishedCount,
  /** Counts below this are suppressed. */
  threshold: Type.Integer(),
  /** Published counts are multiples of this. */
  roundingBase: Type.Integer(),
});
export type StatisticsTable = Static<typeof StatisticsTable>;

export const StatisticsExport = Type.String({
  description: 'text/csv as an attachment: one row per case, k-anonymous (k = 5); X-Liaison-Export-* headers give its counts',
});
