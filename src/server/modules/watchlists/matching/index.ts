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

/** Scores a screened person against a listed one: the best of every pair of their names. */
export function matchSubjects(query: MatchSubject, listed: MatchSubject): MatchResult {
  let best = { score: -1, nameIndex: 0, strength: 0, parts: 0, nearMiss: false, reasons: [] as PartReason[] };
  for (const queryName of query.names) {
    const preparedQuery = prepareName(queryName);
    listed.names.forEach((listedName, nameIndex) => {
      const name = scoreNames(preparedQuery, prepareName(listedName));
      if (name.score > best.score) best = { ...name, nameIndex };
    });
  }
  const { score, factors } = applyFactors(Math.max(0, best.score), best.strength, query, listed, best);
  const rounded = Math.round(score * 10_000) / 10_000;
  return {
    score: rounded,
    match: rounded >= DEFAULT_THRESHOLD,
    nameIndex: best.nameIndex,
    reasons: best.score > 0 ? best.reasons : [],
    factors,
  };
}
