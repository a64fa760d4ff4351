import { describe, expect, it } from 'vitest';
import { parseMatches } from './match-list.js';

describe('parseMatches', () => {
  it('reads item numbers with their scores in billionths', () => {
    const { seqs, scores } = parseMatches('3:1000060792700,70:0,123456:60792700', true);
    expect([...seqs]).toEqual([3, 70, 123456]);
    expect([...(scores ?? [])]).toEqual([1000.0607927, 0, 0.0607927]);
  });

  it('reads item numbers alone when the match is not ranked', () => {
    const { seqs, scores } = parseMatches('0,9,2147483646', false);
    expect([...seqs]).toEqual([0, 9, 2147483646]);
    expect(scores).toBeNull();
  });

  it('reads a single match', () => {
    expect([...parseMatches('42:5', true).seqs]).toEqual([42]);
    expect([...(parseMatches('42:5', true).scores ?? [])]).toEqual([5e-9]);
  });
});
