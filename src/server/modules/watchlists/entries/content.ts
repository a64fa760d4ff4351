import type { EntryIdentifier, EntryName } from '../../../../shared/watchlists/contract.js';
import type { EntrySex } from '../../../../shared/watchlists/vocabulary.js';
import type { PersonalDataKeys } from '../../../platform/personal-data/keyring.js';

/** The personal part of an entry, in clear (only ever in memory). */
export interface EntryContent {
  names: EntryName[];
  birthDate: string | null;
  nationalities: string[];
  sex: EntrySex | null;
  identifiers: EntryIdentifier[];
  reason: string;
}

/** The same, each field encrypted as stored (`watchlist_entries`, `watchlist_changes`). */
export interface EncryptedContent {
  namesEnc: string;
  birthDateEnc: string | null;
  nationalitiesEnc: string | null;
  sexEnc: string | null;
  identifiersEnc: string | null;
  reasonEnc: string;
}

const json = (value: unknown[]) => (value.length === 0 ? null : JSON.stringify(value));

export async function encryptContent(keys: PersonalDataKeys, content: EntryContent): Promise<EncryptedContent> {
  const [namesEnc, birthDateEnc, nationalitiesEnc, sexEnc, identifiersEnc, reasonEnc] = await Promise.all([
    keys.encrypt(JSON.stringify(content.names)),
    keys.encrypt(content.birthDate),
    keys.encrypt(json(content.nationalities)),
    keys.encrypt(content.sex),
    keys.encrypt(json(content.identifiers)),
    keys.encrypt(content.reason),
  ]);
  return { namesEnc, birthDateEnc, nationalitiesEnc, sexEnc, identifiersEnc, reasonEnc };
}

const parsed = <T>(text: string | null): T[] => (text ? (JSON.parse(text) as T[]) : []);

export async function decryptContent(keys: PersonalDataKeys, stored: EncryptedContent): Promise<EntryContent> {
  const [names, birthDate, nationalities, sex, identifiers, reason] = await Promise.all([
    keys.decrypt(stored.namesEnc),
    keys.decrypt(stored.birthDateEnc),
    keys.decrypt(stored.nationalitiesEnc),
    keys.decrypt(stored.sexEnc),
    keys.decrypt(stored.identifiersEnc),
    keys.decrypt(stored.reasonEnc),
  ]);
  return {
    names: parsed<EntryName>(names),
    birthDate,
    nationalities: parsed<string>(nationalities),
    sex: sex as EntrySex | null,
    identifiers: parsed<EntryIdentifier>(identifiers),
    reason,
  };
}
