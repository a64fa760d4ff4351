/**
 * Problem types: every error the API answers is one of these, catalogued per capability so the web
 * app can name what went wrong in the user's language. A slug's kind fixes its HTTP status, so one
 * rule holds everywhere: 400 malformed input, 422 a business rule refused, 409 a state conflict.
 */
export const PROBLEM_STATUS = {
  /** The request itself is wrong: syntax, schema, a control character, a field the server cannot read. */
  malformed: 400,
  unauthenticated: 401,
  forbidden: 403,
  /** Missing, or hidden from this caller (another organisation's id looks exactly like a missing one). */
  'not-found': 404,
  /** The record's current state does not allow it (already closed, stale revision, in flight). */
  conflict: 409,
  'too-large': 413,
  'unsupported-media-type': 415,
  /** Well-formed, but a business rule refuses it (deadline in the past, code looser than the thread's). */
  refused: 422,
  'rate-limited': 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ProblemKind = keyof typeof PROBLEM_STATUS;
export type ProblemCatalogue = Readonly<Record<string, ProblemKind>>;

/** Declares a capability's problems: `{ 'already-closed': 'conflict', … }`. */
export const defineProblems = <const T extends ProblemCatalogue>(catalogue: T): T => catalogue;

export const PROBLEM_TYPE_PREFIX = 'urn:liaison:problem:';

/** Problems of the platform itself, answered by any route. */
export const PLATFORM_PROBLEMS = defineProblems({
  validation: 'malformed',
  'malformed-body': 'malformed',
  'bad-request': 'malformed',
  'unknown-field': 'malformed',
  unauthenticated: 'unauthenticated',
  'invalid-token': 'unauthenticated',
  forbidden: 'forbidden',
  csrf: 'forbidden',
  'second-factor-enrolment-required': 'forbidden',
  'not-found': 'not-found',
  conflict: 'conflict',
  invalid: 'refused',
  'body-too-large': 'too-large',
  'unsupported-media-type': 'unsupported-media-type',
  'rate-limited': 'rate-limited',
  internal: 'internal',
  'not-ready': 'unavailable',
  closing: 'unavailable',
  /** Request hygiene (platform/http/normalise-text.ts): control characters, JSON nested too deep. */
  'control-character': 'malformed',
  'nesting-too-deep': 'malformed',
  /** Idempotency keys (platform/http/idempotency.ts). */
  'invalid-idempotency-key': 'malformed',
  'idempotency-key-reused': 'refused',
  'idempotency-key-in-flight': 'conflict',
});
