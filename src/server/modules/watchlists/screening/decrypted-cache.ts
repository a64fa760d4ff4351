import { LruCache } from '../../../platform/lru-cache.js';
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
  #values = new LruCache<string, Promise<unknown>>(MAX_VALUES, IDLE_MS);

  get<T>(key: string, decrypt: () => Promise<T>): Promise<T> {
    const value = this.#values.getOrSet(key, () => {
      const decrypted = decrypt();
      decrypted.catch(() => this.#values.delete(key));
      return decrypted;
    });
    return value as Promise<T>;
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
