import type { ActionStatusCounts, IndicatorRow } from '../../../../shared/followup/dashboards-contract.js';
import { type Point, type Standing, standingOf } from '../../../../shared/followup/indicators.js';
import { ACTION_STATUSES, type IndicatorTrend } from '../../../../shared/followup/vocabulary.js';
import type { IndicatorRecord, IndicatorStandingRow } from './repository.js';

/** Figures computed from rows: action counts by status, indicator standings and their tallies. */

export function statusCounts(rows: readonly { status: string; count: number }[]): ActionStatusCounts {
  const counts = Object.fromEntries(ACTION_STATUSES.map((status) => [status, 0])) as ActionStatusCounts;
  for (const row of rows) if (row.status in counts) counts[row.status as keyof ActionStatusCounts] += row.count;
  return counts;
}

export interface Standed {
  row: IndicatorStandingRow;
  standing: Standing;
}

export const withStanding = (rows: readonly IndicatorStandingRow[]): Standed[] =>
  rows.map((row) => ({ row, standing: standingOf(row, row.lastTwo) }));

export interface IndicatorTally {
  total: number;
  achieved: number;
  onTrack: number;
  offTrack: number;
  noData: number;
}

export function tally(standings: readonly Standing[]): IndicatorTally {
  const counts: IndicatorTally = { total: 0, achieved: 0, onTrack: 0, offTrack: 0, noData: 0 };
  for (const { trend } of standings) {
    counts.total++;
    if (trend === 'achieved') counts.achieved++;
    else if (trend === 'on_track') counts.onTrack++;
    else if (trend === 'off_track') counts.offTrack++;
    else counts.noData++;
  }
  return counts;
}

/** Mean attainment of the indicators with data, each held to 0..1 so one overshoot does not hide laggards. */
export function meanAttainment(standings: readonly Standing[]): number | null {
  const values = standings.flatMap((standing) =>
    standing.attainment === null ? [] : [Math.min(1, Math.max(0, standing.attainment))],
  );
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

const TREND_ORDER: Record<IndicatorTrend, number> = { off_track: 0, on_track: 1, no_data: 2, achieved: 3 };

/** Most off track first: by trend, then least attained, then by id so pages are stable. */
export const worstFirst = (a: Standed, b: Standed) =>
  TREND_ORDER[a.standing.trend] - TREND_ORDER[b.standing.trend] ||
  (a.standing.attainment ?? Number.POSITIVE_INFINITY) - (b.standing.attainment ?? Number.POSITIVE_INFINITY) ||
  (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0);

export function toIndicatorRow(record: IndicatorRecord): IndicatorRow {
  const series: Point[] = record.series;
  const standing = standingOf(record, series);
  return {
    id: record.id,
    name: record.name,
    measureUnit: record.measureUnit,
    direction: record.direction as IndicatorRow['direction'],
    valueType: record.valueType as IndicatorRow['valueType'],
    commitment: record.commitment,
    baseline: record.baseline,
    target: record.target,
    latest: standing.latest,
    attainment: standing.attainment,
    trend: standing.trend,
    series,
  };
}
