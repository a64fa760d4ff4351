import { defineProblems } from '../../problems.js';

/** Problems of early-warning alerts: issuing, feedback and withdrawal. */
export const ALERT_PROBLEMS = defineProblems({
  /** The account belongs to no unit, and alerts are issued and answered by units. */
  'no-unit': 'refused',
  'not-your-unit': 'forbidden',
  /** Not an ISO 3166-1 code (the schema checks only its shape). */
  'unknown-country': 'malformed',
  /** A polygon's ring not closed, without three distinct corners, or over the point budget. */
  'invalid-geometry': 'malformed',
  /** Valid until a time before it becomes valid. */
  'invalid-validity': 'refused',
  /** No longer valid when issued. */
  'validity-ended': 'refused',
  /** An observable the normaliser refuses; `index`, `code` and `reason` say which and why. */
  'observable-refused': 'refused',
  /** The issuing unit does not give feedback on its own alert. */
  'own-alert': 'forbidden',
  'alert-withdrawn': 'conflict',
  'already-withdrawn': 'conflict',
});
export type AlertProblem = keyof typeof ALERT_PROBLEMS;
