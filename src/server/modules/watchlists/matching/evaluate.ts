/**
 * Quality figures of a scorer on labelled pairs: precision, recall and F1 at a threshold, recall at
 * 1 % false-positive rate, and the best F1 over all thresholds (for the baseline, given its best
 * chance). Used by `quality.test.ts` and the screening benchmark.
 */
import { readFileSync } from 'node:fs';
import { blockingKeys, DEFAULT_THRESHOLD, matchSubjects } from './index.js';
import { baselineScore } from './jaro-winkler-baseline.js';

export interface PairSide {
  name: string;
  birthYear?: number | null;
  country?: string | null;
}

export interface LabelledPair {
  id: string;
  kind?: string;
  label: boolean;
  query: PairSide;
  listed: PairSide;
}

export interface Quality {
  pairs: number;
  positives: number;
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  /** Share of positives scoring above the highest threshold that lets at most 1 % of negatives pass. */
  recallAt1pctFpr: number;
}

export function readPairs(file: string): LabelledPair[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledPair);
}

const subject = (side: PairSide) => ({
  names: [side.name],
  birthYear: side.birthYear ?? null,
  countries: side.country ? [side.country] : [],
});

export const matcherScore = (pair: LabelledPair) => matchSubjects(subject(pair.query), subject(pair.listed)).score;
export const jaroWinklerScore = (pair: LabelledPair) => baselineScore(pair.query.name, pair.listed.name);

const round = (value: number) => Math.round(value * 10_000) / 10_000;

export function qualityAt(scored: { label: boolean; score: number }[], threshold: number): Quality {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { label, score } of scored) {
    const hit = score >= threshold;
    if (hit && label) tp++;
    else if (hit) fp++;
    else if (label) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const negatives = scored
    .filter((s) => !s.label)
    .map((s) => s.score)
    .sort((a, b) => b - a);
  const positives = scored.filter((s) => s.label);
  // The (allowed + 1)-th best negative must stay below the threshold; ties do not pass.
  const allowed = Math.floor(negatives.length * 0.01);
  const bar = negatives[allowed] ?? -Infinity;
  const recallAt1pctFpr = positives.length ? positives.filter((p) => p.score > bar).length / positives.length : 0;
  return {
    pairs: scored.length,
    positives: positives.length,
    threshold: round(threshold),
    precision: round(precision),
    recall: round(recall),
    f1: round(precision + recall ? (2 * precision * recall) / (precision + recall) : 0),
    recallAt1pctFpr: round(recallAt1pctFpr),
  };
}

export function evaluate(pairs: LabelledPair[], scorer = matcherScore, threshold = DEFAULT_THRESHOLD): Quality {
  return qualityAt(
    pairs.map((pair) => ({ label: pair.label, score: scorer(pair) })),
    threshold,
  );
}

/** The figures at the threshold that gives the best F1 (the baseline has no threshold of its own). */
export function evaluateAtBestThreshold(pairs: LabelledPair[], scorer = jaroWinklerScore): Quality {
  const scored = pairs.map((pair) => ({ label: pair.label, score: scorer(pair) }));
  let best = qualityAt(scored, 1);
  for (const threshold of new Set(scored.map((s) => s.score))) {
    const quality = qualityAt(scored, threshold);
    if (quality.f1 > best.f1) best = quality;
  }
  return best;
}

/** Positive pairs the matcher finds whose names share no blocking key: screening would miss them. */
export function blockingMisses(pairs: LabelledPair[], threshold = DEFAULT_THRESHOLD): string[] {
  return pairs
    .filter((pair) => pair.label && matcherScore(pair) >= threshold)
    .filter((pair) => {
      const listed = new Set(blockingKeys([pair.listed.name]));
      return !blockingKeys([pair.query.name]).some((key) => listed.has(key));
    })
    .map((pair) => pair.id);
}
