import type { PersonalDataKeys } from '../../../platform/personal-data/keyring.js';

/** Values kept at most: names and other fields of some 50,000 entries, a few tens of megabytes. */
const MAX_VALUES = 100_000;
/** A value unused this long is dropped: personal data stays in memory only while it is in use. */
const IDLE_MS = 10 * 60_000;

/**
 * Decrypted values of watch-list entries, by entry id and version, kept in this process. Common
 * names bring the same hundreds of namesakes to screening after screening, and a batch brings them
 * line after line: decrypting them each time was a third of a screening's work.
 * Safe because a value is only ever looked up for a row the screening's SQL has just returned (the
 * sharing rule, status and review date already applied), and a changed entry has a new version.
 * Least recently used values go first; a failed decryption is not kept.
 */
class DecryptedValues {
  #values = new Map<string, { value: Promise<unknown>; usedAt: number }>();

  get<T>(key: string, decrypt: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const known = this.#values.get(key);
    this.#values.delete(key);
    if (known && now - known.usedAt < IDLE_MS) {
      this.#values.set(key, { value: known.value, usedAt: now });
      return known.value as Promise<T>;
    }
    const value = decrypt();
    this.#values.set(key, { value, usedAt: now });
    value.catch(() => this.#values.delete(key));
    if (this.#values.size > MAX_VALUES) this.#values.delete(this.#values.keys().next().value as string);
    return value;
  }
}

/** One store per key ring: an app (and each test's app) decrypts with its own keys. */
const stores = new WeakMap<PersonalDataKeys, DecryptedValues>();

/** `decrypt()`, or the value already decrypted for this part of this version of the entry. */
export function decryptedOnce<T>(
  keys: PersonalDataKeys,
  entry: { entryId: string; version: number },
  part: string,
  decrypt: () => Promise<T>,
): Promise<T> {
  let store = stores.get(keys);
  if (!store) {
    store = new DecryptedValues();
    stores.set(keys, store);
  }
  return store.get(`${part}:${entry.entryId}:${entry.version}`, decrypt);
}
