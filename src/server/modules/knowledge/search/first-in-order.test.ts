import { describe, expect, it } from 'vitest';
import { firstInOrder } from './first-in-order.js';

describe('firstInOrder', () => {
  const byValue = (a: { v: number; i: number }, b: { v: number; i: number }) => a.v - b.v || a.i - b.i;
  const random = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ({ v: ((i + 1) * 7919 * seed) % 97, i }));

  it('gives the same first elements as a full sort, ties included', () => {
    for (const [n, count] of [
      [1000, 20],
      [1000, 1],
      [1000, 150],
      [50, 20],
      [10, 30],
      [0, 5],
    ]) {
      const items = random(n, 13);
      expect(firstInOrder(items, count, byValue), `${n}/${count}`).toEqual([...items].sort(byValue).slice(0, count));
    }
  });

  it('gives nothing for a count of zero and leaves the input untouched', () => {
    const items = random(100, 3);
    const copy = [...items];
    expect(firstInOrder(items, 0, byValue)).toEqual([]);
    firstInOrder(items, 10, byValue);
    expect(items).toEqual(copy);
  });
});
