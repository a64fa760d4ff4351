import type { EntrySex, MatchKind } from '../../../../shared/watchlists/vocabulary.js';

/**
 * The name matcher's public face: pure functions, no database, no I/O. The screening service, the
 * entries service (which stores blocking keys) and `liaison screening pairs` use only these.
 *
 * PLACEHOLDER until the matcher lands: exact folded comparison only.
 */

/** A person as the matcher compares them: one or more names (any script) and optional fields. */
export interface MatchSubject {
  names: readonly string[];
  birthYear?: number | null;
  /** ISO 3166 alpha-2 codes (upper case). */
  countries?: readonly string[];
  sex?: EntrySex | null;
}

export interface PartReason {
  kind: MatchKind;
  query: string;
  listed: string;
  similarity: number;
}

export interface MatchResult {
  /** 0..1; a hit at or above `DEFAULT_THRESHOLD`. */
  score: number;
  match: boolean;
  /** Index in `listed.names` of the name that scored best. */
  nameIndex: number;
  reasons: PartReason[];
  factors: { birthYear: FactorState; nationality: FactorState; sex: FactorState };
}
type FactorState = 'agrees' | 'differs' | 'unknown';

export const DEFAULT_THRESHOLD = 0.8;

const fold = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Scores a screened person against a listed one. */
export function matchSubjects(query: MatchSubject, listed: MatchSubject): MatchResult {
  const q = query.names.map(fold);
  let best = { score: 0, index: 0 };
  listed.names.forEach((name, index) => {
    const score = q.includes(fold(name)) ? 1 : 0;
    if (score > best.score) best = { score, index };
  });
  return {
    score: best.score,
    match: best.score >= DEFAULT_THRESHOLD,
    nameIndex: best.index,
    reasons: best.score
      ? [{ kind: 'exact', query: q[0] ?? '', listed: fold(listed.names[best.index] ?? ''), similarity: 1 }]
      : [],
    factors: { birthYear: 'unknown', nationality: 'unknown', sex: 'unknown' },
  };
}

/**
 * The blocking keys of a set of names: strings such that any listed person the matcher could score
 * at or above the threshold shares at least one key with the query. The entries service stores
 * keyed hashes of an entry's keys (the screening index); screening looks up the query's keys.
 */
export function blockingKeys(names: readonly string[]): string[] {
  return [...new Set(names.map(fold).filter(Boolean))];
}
