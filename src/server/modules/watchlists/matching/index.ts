import type { EntrySex } from '../../../../shared/watchlists/vocabulary.js';
import { prepareName } from './prepare.js';
import { applyFactors, type Factors, type PartReason, scoreNames } from './score.js';

/**
 * The name matcher's public face: pure functions, no database, no I/O. The screening service, the
 * entries service (which stores blocking keys) and `liaison screening pairs` use only these.
 * Pipeline: `normalise` → `transliterate` → `prepare` (particles, joined forms, name families,
 * phonetic keys, weights) → `align` → `score` (name, then birth year, nationality, sex).
 */

export { blockingKeys } from './blocking.js';
export type { PartReason } from './score.js';

/** A person as the matcher compares them: one or more names (any script) and optional fields. */
export interface MatchSubject {
  names: readonly string[];
  birthYear?: number | null;
  /** ISO 3166 alpha-2 codes (upper case). */
  countries?: readonly string[];
  sex?: EntrySex | null;
}

export interface MatchResult {
  /** 0..1; a hit at or above `DEFAULT_THRESHOLD`. */
  score: number;
  match: boolean;
  /** Index in `listed.names` of the name that scored best. */
  nameIndex: number;
  reasons: PartReason[];
  factors: Factors;
}

/** Chosen on `test/fixtures/screening/pairs-tuned.jsonl` (see `quality.test.ts`). */
export const DEFAULT_THRESHOLD = 0.8;

/** How well the names alone agree: the best pair of names, before the other fields move the score. */
export interface NameMatch {
  score: number;
  /** Index in the listed names of the name that scored best. */
  nameIndex: number;
  strength: number;
  parts: number;
  nearMiss: boolean;
  reasons: PartReason[];
}

/** The best of every pair of names (any script), the other fields left aside. */
export function matchNames(queryNames: readonly string[], listedNames: readonly string[]): NameMatch {
  let best: NameMatch = { score: -1, nameIndex: 0, strength: 0, parts: 0, nearMiss: false, reasons: [] };
  for (const queryName of queryNames) {
    const preparedQuery = prepareName(queryName);
    listedNames.forEach((listedName, nameIndex) => {
      const name = scoreNames(preparedQuery, prepareName(listedName));
      if (name.score > best.score) best = { ...name, nameIndex };
    });
  }
  return best;
}

/**
 * A name match moved by birth year, nationality and sex. Apart from `matchNames` so that namesakes
 * (hundreds of entries with one name) are compared by name once and by their other fields each.
 */
export function withFields(names: NameMatch, query: MatchSubject, listed: MatchSubject): MatchResult {
  const { score, factors } = applyFactors(Math.max(0, names.score), names.strength, query, listed, names);
  const rounded = Math.round(score * 10_000) / 10_000;
  return {
    score: rounded,
    match: rounded >= DEFAULT_THRESHOLD,
    nameIndex: names.nameIndex,
    reasons: names.score > 0 ? names.reasons : [],
    factors,
  };
}

/** Scores a screened person against a listed one: the best of every pair of their names. */
export function matchSubjects(query: MatchSubject, listed: MatchSubject): MatchResult {
  return withFields(matchNames(query.names, listed.names), query, listed);
}
