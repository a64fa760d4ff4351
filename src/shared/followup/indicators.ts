import type { IndicatorTrend, ValueType } from './vocabulary.js';

/**
 * Where an indicator stands, from its measurements: one rule for the commitment page, the
 * dashboards, the cycle report and the public pages (server and web alike).
 */

export interface Point {
  value: number;
  /** A calendar date, YYYY-MM-DD. */
  on: string;
}
export interface IndicatorFrame {
  baseline: Point;
  target: Point;
}
export interface Standing {
  latest: Point | null;
  /** (latest − baseline) / (target − baseline): 0 at the baseline, 1 at the target; null without data. */
  attainment: number | null;
  trend: IndicatorTrend;
}

/** How far behind the straight line from baseline to target a value may lag and still be on track. */
export const ON_TRACK_TOLERANCE = 0.2;

const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

export const attainmentOf = (frame: IndicatorFrame, value: number) =>
  (value - frame.baseline.value) / (frame.target.value - frame.baseline.value);

/** The share of the way from baseline to target expected by a date (0..1, straight line in time). */
export function expectedBy(frame: IndicatorFrame, date: string): number {
  const span = day(frame.target.on) - day(frame.baseline.on);
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (day(date) - day(frame.baseline.on)) / span));
}

/**
 * `series`: the measurements not withdrawn, in any order. The latest is the one measured last.
 * Achieved at or past the target; off track when it moved away from the target since the previous
 * measurement, fell behind the baseline, or lags the straight line by more than the tolerance.
 */
export function standingOf(frame: IndicatorFrame, series: readonly Point[]): Standing {
  if (series.length === 0) return { latest: null, attainment: null, trend: 'no_data' };
  const ordered = [...series].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const latest = ordered[ordered.length - 1];
  const attainment = attainmentOf(frame, latest.value);
  if (attainment >= 1) return { latest, attainment, trend: 'achieved' };
  const previous = ordered.length > 1 ? attainmentOf(frame, ordered[ordered.length - 2].value) : null;
  const movingAway = previous !== null && attainment < previous;
  const behind = attainment < expectedBy(frame, latest.on) - ON_TRACK_TOLERANCE;
  return { latest, attainment, trend: movingAway || attainment < 0 || behind ? 'off_track' : 'on_track' };
}

/** Why a value does not fit an indicator's type, or null when it does. */
export function valueProblem(valueType: ValueType, value: number, milestoneCount = 0): string | null {
  if (!Number.isFinite(value)) return 'The value must be a number.';
  switch (valueType) {
    case 'number':
      return null;
    case 'percentage':
      return value >= 0 && value <= 100 ? null : 'A percentage is between 0 and 100.';
    case 'boolean':
      return value === 0 || value === 1 ? null : 'A yes/no value is 0 (no) or 1 (yes).';
    case 'milestone':
      return Number.isInteger(value) && value >= 0 && value < milestoneCount
        ? null
        : `A milestone value is the index of a milestone, from 0 to ${milestoneCount - 1}.`;
  }
}
