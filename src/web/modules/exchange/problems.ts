import { PROBLEM_STATUS, type ProblemCatalogue } from '../../../shared/problems.js';
import { type ApiError, isApiError } from '../../api/client.js';

/**
 * The server's problems, read through the catalogues it makes them from (src/shared/…/problems.ts):
 * a slug renamed on the server breaks the build here, and the status is the one its kind fixes.
 */

/** Whether an error is the problem `slug` of a catalogue. */
export function isProblem<C extends ProblemCatalogue>(error: unknown, catalogue: C, slug: keyof C & string): error is ApiError {
  return isApiError(error, PROBLEM_STATUS[catalogue[slug]], slug);
}

/** The catalogue's slug an error carries, or null for anything else (another capability's, a network failure). */
export function problemOf<C extends ProblemCatalogue>(error: unknown, catalogue: C): (keyof C & string) | null {
  if (!isApiError(error) || !Object.hasOwn(catalogue, error.slug)) return null;
  return error.status === PROBLEM_STATUS[catalogue[error.slug]] ? (error.slug as keyof C & string) : null;
}
