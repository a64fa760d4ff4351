/**
 * A bounded map that forgets its least recently used entries first, and (with `idleMs`) an entry
 * unused for that long. For values worth keeping between requests but never without limit: a
 * process must not grow with the data it has seen, nor hold personal data it no longer uses.
 */
export class LruCache<K, V> {
  #entries = new Map<K, { value: V; usedAt: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly idleMs = Number.POSITIVE_INFINITY,
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  /** The value of `key`, now the most recently used; undefined if unknown or idle too long. */
  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // A Map iterates in insertion order: taking the entry out and back puts it last, the newest.
    this.#entries.delete(key);
    const now = this.idleMs === Number.POSITIVE_INFINITY ? 0 : Date.now();
    if (now - entry.usedAt >= this.idleMs) return undefined;
    entry.usedAt = now;
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, usedAt: this.idleMs === Number.POSITIVE_INFINITY ? 0 : Date.now() });
    if (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value as K);
    this.#dropIdle();
  }

  /** The oldest entries come first: drop them while they have been idle too long. */
  #dropIdle(): void {
    if (this.idleMs === Number.POSITIVE_INFINITY) return;
    const now = Date.now();
    for (const [key, entry] of this.#entries) {
      if (now - entry.usedAt < this.idleMs) return;
      this.#entries.delete(key);
    }
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }

  /** The cached value of `key`, or `make()`'s, kept. */
  getOrSet(key: K, make: () => V): V {
    const known = this.get(key);
    if (known !== undefined) return known;
    const value = make();
    this.set(key, value);
    return value;
  }
}
