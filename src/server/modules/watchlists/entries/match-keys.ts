import type { PersonalDataKeys } from '../../../platform/personal-data/keyring.js';
import { blockingKeys } from '../matching/index.js';

/**
 * The screening index of a set of names: each blocking key of the matcher as a keyed hash (HMAC
 * under the platform's blind-index key) cut to 63 bits, so it fits a `bigint` and a GIN index while
 * the database holds nothing a reader could turn back into a name. Entries store these
 * (`watchlist_entries.match_keys`); a screening looks up the query's own.
 */
export function matchKeysOf(keys: PersonalDataKeys, names: readonly string[]): string[] {
  return blockingKeys(names).map((key) => {
    const digest = Buffer.from(keys.blindToken('watchlist-name', key), 'base64url');
    return (digest.readBigUInt64BE(0) & 0x7fff_ffff_ffff_ffffn).toString();
  });
}
