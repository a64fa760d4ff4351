import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockingMisses, evaluate, evaluateAtBestThreshold, readPairs } from './evaluate.js';
import { DEFAULT_THRESHOLD } from './index.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../../test/fixtures/screening');
const TUNED = path.join(FIXTURES, 'pairs-tuned.jsonl');
const HELD_OUT = path.join(FIXTURES, 'pairs-held-out.jsonl');
const FRESH = path.join(FIXTURES, 'pairs-fresh.jsonl');
/** Written apart and first scored once every rule was in; developed on since (see the README). */
const FINAL = path.join(FIXTURES, 'pairs-final.jsonl');
/** Written apart and first scored after the final set was developed on; developed on since. */
const UNSEEN = path.join(FIXTURES, 'pairs-unseen.jsonl');
/** Written apart and first scored after the unseen set was developed on; developed on since. */
const UNSEEN2 = path.join(FIXTURES, 'pairs-unseen2.jsonl');
/** Written apart and first scored once every rule was in; no rule has been written against it. */
const UNSEEN3 = path.join(FIXTURES, 'pairs-unseen3.jsonl');

/** Floors for a held-out set, written in the fixtures' README (`held-out floor: f1 ≥ …`). */
function floors(set: 'held-out' | 'fresh' | 'final' | 'unseen' | 'unseen2' | 'unseen3') {
  const readme = readFileSync(path.join(FIXTURES, 'README.md'), 'utf8');
  const floor = (name: string) => {
    const match = new RegExp(`${set} floor: ${name} ≥ ([0-9.]+)`).exec(readme);
    if (!match) throw new Error(`README.md has no ${set} floor for ${name}`);
    return Number(match[1]);
  };
  return { f1: floor('f1'), recallAt1pctFpr: floor('recall at 1 % FPR') };
}

function report(name: string, file: string) {
  const pairs = readPairs(file);
  const matcher = evaluate(pairs);
  const baseline = evaluateAtBestThreshold(pairs);
  console.log(`${name}: ${JSON.stringify({ matcher, baseline_jaro_winkler: baseline })}`);
  return { pairs, matcher, baseline };
}

describe('name matcher quality', () => {
  it('reaches F1 ≥ 0.92 and recall ≥ 0.95 at 1 % false positives on the tuned pairs, well above plain Jaro-Winkler', () => {
    const { pairs, matcher, baseline } = report('tuned', TUNED);
    expect(pairs.length).toBeGreaterThanOrEqual(350);
    expect(matcher.threshold).toBe(DEFAULT_THRESHOLD);
    expect(matcher.f1).toBeGreaterThanOrEqual(0.92);
    expect(matcher.recallAt1pctFpr).toBeGreaterThanOrEqual(0.95);
    expect(matcher.f1).toBeGreaterThan(baseline.f1);
  });

  it('every positive pair the matcher finds shares a blocking key (screening looks candidates up by them)', () => {
    expect(blockingMisses(readPairs(TUNED))).toEqual([]);
  });

  for (const [set, file] of [
    ['held-out', HELD_OUT],
    ['fresh', FRESH],
    ['final', FINAL],
    ['unseen', UNSEEN],
    ['unseen2', UNSEEN2],
    ['unseen3', UNSEEN3],
  ] as const)
    it(`stays above the recorded floors on the ${set} pairs`, () => {
      const { pairs, matcher } = report(set, file);
      const floor = floors(set);
      expect(matcher.f1).toBeGreaterThanOrEqual(floor.f1);
      expect(matcher.recallAt1pctFpr).toBeGreaterThanOrEqual(floor.recallAt1pctFpr);
      expect(blockingMisses(pairs)).toEqual([]);
    });
});
