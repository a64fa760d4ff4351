import type { ActionStatusCounts, PlanPart } from '../../../../shared/followup/dashboards-contract.js';
import type { ActionStatus, IndicatorTrend } from '../../../../shared/followup/vocabulary.js';

/**
 * Colours of the action statuses on charts and badges: distinct for the usual colour blindnesses
 * (blue / orange / green / red-purple / grey), each dark enough for white text on it.
 */
export const STATUS_COLOURS: Readonly<Record<ActionStatus, string>> = {
  planned: '#1c5d99',
  in_progress: '#9a4d00',
  done: '#2b7a3b',
  delayed: '#a61e4d',
  cancelled: '#6c757d',
};

/** Mantine colour of a trend's badge (light variant: dark text on a pale ground). */
export const TREND_COLOURS: Readonly<Record<IndicatorTrend, string>> = {
  achieved: 'green',
  on_track: 'blue',
  off_track: 'red',
  no_data: 'gray',
};

export const totalActions = (counts: ActionStatusCounts): number =>
  counts.planned + counts.in_progress + counts.done + counts.delayed + counts.cancelled;

/** Attainment as a whole percentage for display (0..1 → 0..100), capped as the server's mean is. */
export const attainmentPercent = (attainment: number | null): number | null =>
  attainment === null ? null : Math.round(Math.min(Math.max(attainment, 0), 1) * 100);

/**
 * The rows of a plan's table and chart: its domains (or objectives when it has no domains) first,
 * in number order, then the finer parts. A plan with both shows the finer parts under their kind.
 */
export function partGroups(parts: readonly PlanPart[]): { part: string; rows: PlanPart[] }[] {
  const order = ['domain', 'objective', 'action'];
  const kinds = [...new Set(parts.map((row) => row.part))].sort(
    (a, b) => (order.indexOf(a) + 1 || order.length + 1) - (order.indexOf(b) + 1 || order.length + 1),
  );
  return kinds.map((part) => ({
    part,
    rows: parts.filter((row) => row.part === part).sort((a, b) => a.number - b.number),
  }));
}

/** The label of a plan or part in the reader's language (English when the language is not one of the three). */
export function labelIn(label: { en: string; fr: string; ar: string }, language: string): string {
  const base = language.slice(0, 2);
  return base === 'fr' || base === 'ar' ? label[base] : label.en;
}
