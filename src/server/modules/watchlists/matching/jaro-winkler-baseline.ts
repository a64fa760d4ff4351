/**
 * The baseline the matcher is measured against: plain Jaro-Winkler on the folded full names (Latin
 * letters only, no transliteration, no particles, no order), ignoring birth year and country.
 */
import { foldLatin } from './normalise.js';
import { jaroWinkler } from './similarity.js';

const fold = (name: string) =>
  name
    .split(/[^\p{L}\p{N}]+/u)
    .map(foldLatin)
    .filter(Boolean)
    .join(' ');

export function baselineScore(query: string, listed: string): number {
  return jaroWinkler(fold(query), fold(listed));
}
