import { defineProblems } from '../problems.js';

/** What administering organisations, units, users and sharing groups can answer besides 403/404. */
export const ADMINISTRATION_PROBLEMS = defineProblems({
  'organisation-name-taken': 'conflict',
  'unit-name-taken': 'conflict',
  'sharing-group-name-taken': 'conflict',
  'email-taken': 'conflict',
  /** Users are created in active organisations only. */
  'organisation-inactive': 'refused',
  /** A user's units must be active units of the user's organisation. */
  'unknown-unit': 'refused',
  /** A sharing group's members must be existing organisations. */
  'unknown-member': 'refused',
  'weak-password': 'refused',
  /** An administrator cannot deactivate their own account. */
  'self-deactivation': 'refused',
});
export type AdministrationProblem = keyof typeof ADMINISTRATION_PROBLEMS;
