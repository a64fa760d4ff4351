import { defineProblems } from '../problems.js';

/** Problems of the follow-up: commitments, actions, indicators, measurements and review cycles. */
export const FOLLOWUP_PROBLEMS = defineProblems({
  /** The account belongs to no unit of the organisation, and commitments are created for a unit. */
  'no-unit': 'refused',
  /** Only the lead organisation edits a commitment, its actions, indicators and reports. */
  'not-owner-organisation': 'forbidden',
  /** A linked item that is not a published recommendation the user may see (or does not exist). */
  'unknown-recommendation': 'refused',
  /** An action-plan reference that is not in the vocabulary. */
  'unknown-reference': 'refused',
  /** A partner organisation that does not exist or is inactive. */
  'unknown-organisation': 'refused',
  /** An action's owner unit that is not a unit of one of the commitment's partners. */
  'owner-unit-not-partner': 'refused',
  /** Ends before it starts; a target dated on or before its baseline. */
  'invalid-dates': 'refused',
  'target-equals-baseline': 'refused',
  /** A value the indicator's type cannot take (1.5 for yes/no, 120 for a percentage, a milestone index out of range). */
  'wrong-value-type': 'refused',
  /** A measurement dated before the indicator's baseline, or in the future. */
  'measured-before-baseline': 'refused',
  'measured-in-future': 'refused',
  /** Evidence must be a file uploaded by the reporter, or an http(s) link; not both. */
  'invalid-evidence': 'refused',
  'evidence-too-large': 'too-large',
  /** A status change the action's current status does not allow (a cancelled action stays cancelled). */
  'invalid-transition': 'conflict',
  /** A cancellation, a delay, a reopening or a due-date change needs a reason. */
  'reason-required': 'refused',
  /** The record changed since the revision the edit was made on. */
  'stale-revision': 'conflict',
  'commitment-cancelled': 'conflict',
  'already-withdrawn': 'conflict',
  /** Cycles are managed by the secretariat. */
  'not-secretariat': 'forbidden',
  'cycle-closed': 'conflict',
  'deadline-passed': 'refused',
  /** A cycle must cover at least one commitment the secretariat may see. */
  'unknown-commitment': 'refused',
  /** The report is not in a status that allows this (submit a submitted report, accept a draft…). */
  'report-state': 'conflict',
  /** A partner does not comment on its own report; peer reviewers and the secretariat do. */
  'own-report': 'forbidden',
  /** Only organisations named reviewers of the cycle (and the secretariat) comment. */
  'not-a-reviewer': 'forbidden',
});
export type FollowupProblem = keyof typeof FOLLOWUP_PROBLEMS;
