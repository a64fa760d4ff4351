import type { PersonalDataKeys } from '../../../platform/personal-data/keyring.js';

/** Fields of the blind index (`case_search_tokens.field`). */
export type SearchField = 'name' | 'date_of_birth';

/** Marks inside a word: "N'Diaye", "Marie-Claire". */
const JOINERS = /[\p{Pd}'’‘ʼ`´]+/u;

/**
 * Words of a name as the blind index compares them: compatibility-decomposed, marks stripped
 * (é → e, Arabic short vowels dropped), lower case, split on spaces, hyphens and apostrophes;
 * one-letter words are dropped (initials match too much to be worth a token). A word written with
 * hyphens or apostrophes also counts joined up ("N'Diaye" is also written "Ndiaye").
 */
export function nameTokens(...names: (string | null | undefined)[]): string[] {
  const tokens = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const folded = name
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();
    for (const spaced of folded.split(/[\s.,;]+/u)) {
      const parts = spaced.split(JOINERS);
      if (parts.length > 1) parts.push(parts.join(''));
      for (const word of parts) if ([...word].length > 1) tokens.add(word);
    }
  }
  return [...tokens];
}

/** The keyed hashes of a name's words (never the words themselves). */
export const blindNameTokens = (keys: PersonalDataKeys, ...names: (string | null | undefined)[]) =>
  nameTokens(...names).map((token) => keys.blindToken('name', token));

export const blindDateToken = (keys: PersonalDataKeys, isoDate: string) => keys.blindToken('date_of_birth', isoDate);

/** Every row of the blind index for a person. */
export function searchTokensOf(
  keys: PersonalDataKeys,
  person: { givenNames?: string | null; familyName?: string | null; dateOfBirth?: string | null },
): { field: SearchField; token: string }[] {
  const rows: { field: SearchField; token: string }[] = blindNameTokens(keys, person.givenNames, person.familyName).map(
    (token) => ({ field: 'name' as const, token }),
  );
  if (person.dateOfBirth) rows.push({ field: 'date_of_birth', token: blindDateToken(keys, person.dateOfBirth) });
  return rows;
}
