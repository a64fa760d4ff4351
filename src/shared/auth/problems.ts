import { defineProblems } from '../problems.js';

/** What signing in can answer besides a session (`POST /api/v1/auth/login`). */
export const AUTH_PROBLEMS = defineProblems({
  /** Unknown e-mail and wrong password look the same. */
  'invalid-credentials': 'unauthenticated',
  /** The account has a second factor: send the code (or a recovery code) with the password. */
  'second-factor-required': 'unauthenticated',
  'invalid-second-factor': 'unauthenticated',
  /** Too many failures for the account or the address; `retryAfter` says how many seconds to wait. */
  'login-throttled': 'rate-limited',
});
export type AuthProblem = keyof typeof AUTH_PROBLEMS;
