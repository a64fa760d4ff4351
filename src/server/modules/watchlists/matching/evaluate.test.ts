import { describe, expect, it } from 'vitest';
import { qualityAt } from './evaluate.js';

const scored = (positives: number[], negatives: number[]) => [
  ...positives.map((score) => ({ label: true, score })),
  ...negatives.map((score) => ({ label: false, score })),
];

describe('qualityAt', () => {
  it('computes precision, recall and F1 at a threshold', () => {
    const quality = qualityAt(scored([0.9, 0.85, 0.7, 0.95], [0.1, 0.82, 0.3, 0.2]), 0.8);
    expect(quality).toMatchObject({ pairs: 8, positives: 4, precision: 0.75, recall: 0.75, f1: 0.75 });
  });

  it('measures recall at 1 % false positives against the negative that must stay below, ties not passing', () => {
    // 200 negatives: 2 may pass; the third best (0.6) is the bar.
    const negatives = [0.99, 0.9, 0.6, ...Array.from({ length: 197 }, () => 0.1)];
    expect(qualityAt(scored([0.95, 0.7, 0.6, 0.5], negatives), 0.8).recallAt1pctFpr).toBe(0.5);
    // With fewer than 100 negatives none may pass.
    expect(qualityAt(scored([1, 0.95], [0.95, 0.2]), 0.8).recallAt1pctFpr).toBe(0.5);
  });
});
