import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, editSimilarity, jaroWinkler, typingDistance } from './similarity.js';

describe('string similarity', () => {
  it('computes Jaro-Winkler', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  it('charges a transposition, a vowel and a neighbouring key less than a far consonant', () => {
    expect(damerauLevenshtein('keita', 'kieta')).toBeLessThan(1);
    expect(damerauLevenshtein('diawara', 'diawra')).toBeLessThan(1);
    expect(damerauLevenshtein('coulibaly', 'coulibalu')).toBeLessThan(1);
    expect(damerauLevenshtein('karimov', 'kasimov')).toBeGreaterThan(1);
  });

  it('reads rn/m and cl/d as a scanner’s near-misses', () => {
    expect(typingDistance('marnadou', 'mamadou')).toBeLessThan(0.5);
    expect(typingDistance('claouda', 'daouda')).toBeLessThan(0.5);
  });

  it('is strict on short parts and lenient on long ones', () => {
    expect(editSimilarity('sarr', 'sall')).toBeLessThan(0.5);
    expect(editSimilarity('gebremariam', 'gebremarian')).toBeGreaterThan(0.9);
    expect(editSimilarity('karimov', 'kasimov')).toBeLessThan(0.7);
  });
});
