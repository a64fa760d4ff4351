/** Dimensions a statistics table may count cases by (server and web). */
export const STATISTICS_DIMENSIONS = ['indicatorFamily', 'nationality', 'ageBand', 'sex', 'service', 'outcome', 'month'] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

/** The category of a case with no value for a dimension (no screening family, no referral, no outcome). */
export const NONE_CATEGORY = 'none';
export const UNKNOWN_CATEGORY = 'unknown';

/** A month of the statistics: `YYYY-MM`. */
export const MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';

/** How many months a table or a filter may span. */
export const MAX_STATISTICS_MONTHS = 240;
