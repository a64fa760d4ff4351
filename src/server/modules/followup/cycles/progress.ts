import type { ReportProgress, ReportStatus } from '../../../../shared/followup/vocabulary.js';

/** Today's date in UTC (YYYY-MM-DD): deadlines are calendar days. */
export const today = (now = new Date()) => now.toISOString().slice(0, 10);

/**
 * A partner's progress as pages show it: `late` once the deadline day is over and the report is
 * still not started or a draft; a returned report shows `returned`, whatever the date.
 */
export function progressOf(status: ReportStatus, deadline: string, now = new Date()): ReportProgress {
  if ((status === 'not_started' || status === 'draft') && today(now) > deadline) return 'late';
  return status;
}

const DAY_MS = 86_400_000;

/** Milliseconds from now to the start (00:00 UTC) of `date` plus `days`; never negative. */
export function delayUntil(date: string, days: number, now = Date.now()): number {
  return Math.max(0, Date.parse(`${date}T00:00:00Z`) + days * DAY_MS - now);
}
