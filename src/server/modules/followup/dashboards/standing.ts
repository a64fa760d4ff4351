import type { ActionStatusCounts, IndicatorRow } from '../../../../shared/followup/dashboards-contract.js';
import { type Point, standingOf } from '../../../../shared/followup/indicators.js';
import { ACTION_STATUSES } from '../../../../shared/followup/vocabulary.js';
import type { IndicatorRecord } from './repository.js';

/** Figures shaped from grouped rows: action counts by status, indicators by trend, an indicator's row. */

export function statusCounts(rows: readonly { status: string; count: number }[]): ActionStatusCounts {
  const counts = Object.fromEntries(ACTION_STATUSES.map((status) => [status, 0])) as ActionStatusCounts;
  for (const row of rows) if (row.status in counts) counts[row.status as keyof ActionStatusCounts] += row.count;
  return counts;
}

export interface IndicatorTally {
  total: number;
  achieved: number;
  onTrack: number;
  offTrack: number;
  noData: number;
}

export function tally(rows: readonly { trend: string; count: number }[]): IndicatorTally {
  const counts: IndicatorTally = { total: 0, achieved: 0, onTrack: 0, offTrack: 0, noData: 0 };
  for (const { trend, count } of rows) {
    counts.total += count;
    if (trend === 'achieved') counts.achieved += count;
    else if (trend === 'on_track') counts.onTrack += count;
    else if (trend === 'off_track') counts.offTrack += count;
    else counts.noData += count;
  }
  return counts;
}

/** Mean attainment of the indicators with data, each held to 0..1 so one overshoot does not hide laggards. */
export function meanAttainment(rows: readonly { attainedSum: number; attainedCount: number }[]): number | null {
  const count = rows.reduce((sum, row) => sum + row.attainedCount, 0);
  return count === 0 ? null : rows.reduce((sum, row) => sum + row.attainedSum, 0) / count;
}

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
