/**
 * The matcher's quality on the labelled pair sets, as its own evaluation computes it: F1 at the
 * default threshold, recall at 1 % false-positive rate, and the plain Jaro-Winkler baseline's F1 (at
 * the threshold that suits it best). Figures for each set; the headline is the newest unseen set,
 * the one no rule was written against (see test/fixtures/screening/README.md).
 */
import path from 'node:path';
import {
  evaluate,
  evaluateAtBestThreshold,
  type LabelledPair,
  readPairs,
} from '../../src/server/modules/watchlists/matching/evaluate.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures/screening');
const SETS = {
  tuned: 'pairs-tuned.jsonl',
  held_out: 'pairs-held-out.jsonl',
  fresh: 'pairs-fresh.jsonl',
  final: 'pairs-final.jsonl',
  unseen: 'pairs-unseen.jsonl',
  unseen2: 'pairs-unseen2.jsonl',
  unseen3: 'pairs-unseen3.jsonl',
};

function figures(pairs: LabelledPair[]) {
  const matcher = evaluate(pairs);
  return {
    pairs: pairs.length,
    precision: matcher.precision,
    recall: matcher.recall,
    f1: matcher.f1,
    recall_at_1pct_fpr: matcher.recallAt1pctFpr,
    baseline_jw_f1: evaluateAtBestThreshold(pairs).f1,
  };
}

export async function measureQuality() {
  const sets = Object.fromEntries(
    Object.entries(SETS).map(([name, file]) => [name, readPairs(path.join(FIXTURES, file))]),
  ) as Record<keyof typeof SETS, LabelledPair[]>;
  const perSet = Object.fromEntries(Object.entries(sets).map(([name, pairs]) => [name, figures(pairs)])) as Record<
    keyof typeof SETS,
    ReturnType<typeof figures>
  >;
  const headline = perSet.unseen3;
  return {
    f1: headline.f1,
    recall_at_1pct_fpr: headline.recall_at_1pct_fpr,
    baseline_jw_f1: headline.baseline_jw_f1,
    sets: perSet,
  };
}
