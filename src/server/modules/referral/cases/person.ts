import type { PersonalField } from '../../../../shared/referral/vocabulary.js';
import type { PersonalDataKeys } from '../../../platform/personal-data/keyring.js';

/** The encrypted column of each personal field of `cases`. */
export const PERSON_COLUMNS = {
  givenNames: 'given_names_enc',
  familyName: 'family_name_enc',
  dateOfBirth: 'date_of_birth_enc',
  sex: 'sex_enc',
  nationality: 'nationality_enc',
  languages: 'languages_enc',
  contact: 'contact_enc',
  placeFound: 'place_found_enc',
} as const satisfies Record<PersonalField, string>;
export type PersonColumn = (typeof PERSON_COLUMNS)[PersonalField];

/** A person's fields in the clear, as the API takes and gives them (null: not recorded). */
export interface PersonValues {
  givenNames?: string | null;
  familyName?: string | null;
  dateOfBirth?: string | null;
  sex?: string | null;
  nationality?: string | null;
  languages?: string[] | null;
  contact?: string | null;
  placeFound?: string | null;
}

/** The encrypted columns of a case row, as stored. */
export type EncryptedPerson = Partial<Record<PersonColumn, string | null>>;

/** Languages travel as a JSON array inside their one encrypted value; every other field is its text. */
const toText = (field: PersonalField, value: string | string[] | null | undefined): string | null => {
  if (value === null || value === undefined) return null;
  if (field === 'languages') return (value as string[]).length > 0 ? JSON.stringify(value) : null;
  return value as string;
};

/**
 * Encrypts the given fields (absent fields stay absent; null clears). Each value under the active
 * data key, so a reader of the table sees `<key id>:v1:…` only.
 */
export async function encryptPerson(keys: PersonalDataKeys, person: PersonValues): Promise<EncryptedPerson> {
  const stored: EncryptedPerson = {};
  for (const [field, column] of Object.entries(PERSON_COLUMNS) as [PersonalField, PersonColumn][]) {
    if (!(field in person)) continue;
    const text = toText(field, person[field]);
    stored[column] = text === null ? null : await keys.encrypt(text);
  }
  return stored;
}

/** Decrypts the listed fields of a stored case (a field not listed is left out). */
export async function decryptPerson(
  keys: PersonalDataKeys,
  row: EncryptedPerson,
  fields: readonly PersonalField[],
): Promise<PersonValues> {
  const person: PersonValues = {};
  for (const field of fields) {
    const plain = await keys.decrypt(row[PERSON_COLUMNS[field]] ?? null);
    if (field === 'languages') person.languages = plain === null ? null : (JSON.parse(plain) as string[]);
    else person[field] = plain;
  }
  return person;
}
