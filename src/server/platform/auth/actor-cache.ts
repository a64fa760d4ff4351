import type { Actor } from './actor.js';

/**
 * A very short-lived cache of resolved actors, by credential hash, so a busy client does not cost a
 * database round trip per request. Correctness rules:
 *  - every successful unsafe request (sign-out, password, roles, units, deactivation, groups…)
 *    empties the whole cache before its response is sent, so in this process a change is seen by
 *    the very next request;
 *  - a lookup that started before such a change cannot put its stale answer back (generation check);
 *  - other processes of the same deployment see a change within `ttlMs` (default 1 s).
 * `ttlMs = 0` turns the cache off.
 */
export class ActorCache {
  #entries = new Map<string, { actor: Actor; expiresAt: number }>();
  #generation = 0;
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(credentialHash: string): Actor | undefined {
    const entry = this.#entries.get(credentialHash);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.#entries.delete(credentialHash);
      return undefined;
    }
    return entry.actor;
  }

  /** Call before the database lookup; pass the result to `set`. */
  generation(): number {
    return this.#generation;
  }

  set(credentialHash: string, actor: Actor, lookupGeneration: number): void {
    if (this.ttlMs <= 0 || lookupGeneration !== this.#generation) return;
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    this.#entries.set(credentialHash, { actor, expiresAt: Date.now() + this.ttlMs });
  }

  clear(): void {
    this.#generation++;
    this.#entries.clear();
  }
}
