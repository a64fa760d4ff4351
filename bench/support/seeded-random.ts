/**
 * Deterministic pseudo-random numbers for benchmarks and test data: the same seed gives the same
 * sequence on any machine. Not for anything secret.
 */

/** Murmur3's finaliser: spreads the bits of a 32-bit integer. */
function fmix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The seed of one independent stream: (seed, index, purpose). */
export function streamSeed(seed: number, index: number, salt: number): number {
  return fmix((fmix(seed ^ salt) + Math.imul(index | 0, 0x9e3779b1)) | 0);
}

/** FNV-1a of a string: the same seed varies different names differently. */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < text.length; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
  return hash >>> 0;
}

/** Mulberry32: small, fast and good enough for test data (not for anything secret). */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Zipf-like draw: the item at rank r has weight 1 / (r + 1)^exponent, so the first few dominate. */
  skewed<T>(items: readonly T[], exponent: number): T {
    const cumulative = cumulativeWeights(items, exponent);
    const target = this.next() * cumulative[cumulative.length - 1]!;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return items[low]!;
  }
}

const cumulativeCache = new WeakMap<readonly unknown[], Map<number, Float64Array>>();

function cumulativeWeights(items: readonly unknown[], exponent: number): Float64Array {
  let byExponent = cumulativeCache.get(items);
  if (!byExponent) {
    byExponent = new Map();
    cumulativeCache.set(items, byExponent);
  }
  let cumulative = byExponent.get(exponent);
  if (!cumulative) {
    cumulative = new Float64Array(items.length);
    let total = 0;
    for (let rank = 0; rank < items.length; rank++) {
      total += 1 / (rank + 1) ** exponent;
      cumulative[rank] = total;
    }
    byExponent.set(exponent, cumulative);
  }
  return cumulative;
}
