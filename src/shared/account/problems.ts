import { defineProblems } from '../problems.js';

/** What changing my own account can answer: password, second factor, API tokens. */
export const ACCOUNT_PROBLEMS = defineProblems({
  'wrong-password': 'refused',
  /** The new password is too short, too common, or made of the e-mail address or the name. */
  'weak-password': 'refused',
  /** Enrolment was not started (no pending secret). */
  'no-pending-setup': 'conflict',
  'invalid-second-factor': 'refused',
  /** Administrators must keep a second factor outside demo mode. */
  'second-factor-required-for-role': 'forbidden',
  /** A token cannot carry a role its owner does not hold. */
  'role-not-held': 'refused',
});
export type AccountProblem = keyof typeof ACCOUNT_PROBLEMS;
