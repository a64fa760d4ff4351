import { MAX_NOISE, type PublishedCount, ROUNDING_BASE } from './suppression.js';

/**
 * A linear attacker for tests and the self-check of `suppression.test.ts`/`attack.test.ts`: it
 * knows the scheme (threshold, rounding, the largest perturbation), which suppressed cells are
 * small ones, and every published number of several queries; it tightens each count's interval
 * through the equations "a total is the sum of its parts" until nothing moves.
 */
export class IntervalAttacker {
  readonly lo = new Map<string, number>();
  readonly hi = new Map<string, number>();
  private readonly sums: { total: string; parts: string[] }[] = [];

  constructor(private readonly maxNoise = MAX_NOISE) {}

  /** What one published count tells: `small` when the attacker knows it is a primary suppression. */
  observe(name: string, published: PublishedCount, small: boolean) {
    const slack = Math.floor(ROUNDING_BASE / 2) + this.maxNoise;
    const [lo, hi] = published.suppressed
      ? small
        ? [0, 4]
        : [ROUNDING_BASE, Number.POSITIVE_INFINITY]
      : [Math.max(ROUNDING_BASE, (published.value as number) - slack), (published.value as number) + slack];
    this.lo.set(name, Math.max(this.lo.get(name) ?? 0, lo));
    this.hi.set(name, Math.min(this.hi.get(name) ?? Number.POSITIVE_INFINITY, hi));
  }

  sum(total: string, parts: string[]) {
    if (parts.length > 0) this.sums.push({ total, parts });
  }

  solve(): void {
    const lo = (n: string) => this.lo.get(n) ?? 0;
    const hi = (n: string) => this.hi.get(n) ?? Number.POSITIVE_INFINITY;
    for (let round = 0; round < 200; round += 1) {
      let moved = false;
      const tighten = (name: string, newLo: number, newHi: number) => {
        if (newLo > lo(name)) {
          this.lo.set(name, newLo);
          moved = true;
        }
        if (newHi < hi(name)) {
          this.hi.set(name, newHi);
          moved = true;
        }
      };
      for (const { total, parts } of this.sums) {
        tighten(
          total,
          parts.reduce((s, p) => s + lo(p), 0),
          parts.reduce((s, p) => s + hi(p), 0),
        );
        for (const part of parts) {
          const others = parts.filter((p) => p !== part);
          const othersHi = others.reduce((s, p) => s + hi(p), 0);
          const othersLo = others.reduce((s, p) => s + lo(p), 0);
          tighten(part, lo(total) - othersHi, hi(total) - othersLo);
        }
      }
      if (!moved) return;
    }
  }

  /** The integers a count may still be. */
  possible(name: string): number {
    return (this.hi.get(name) ?? Number.POSITIVE_INFINITY) - (this.lo.get(name) ?? 0) + 1;
  }
}
