import { defineProblems } from '../../problems.js';

/** Problems of the live stream (a stopping server and a bad Last-Event-ID are the platform's own). */
export const LIVE_PROBLEMS = defineProblems({
  /** A user holds at most a few streams at once; the client retries later. */
  'too-many-streams': 'rate-limited',
});
