/**
 * Context rules of the country tagger: phrases that contain a country word without naming the
 * country, and the words around a match that make it a person or a language.
 */

/**
 * Phrases that contain a country word but do not name the country; matched first (longest match)
 * and tagged with nothing. Regions, seas, rivers, lakes and places elsewhere.
 */
export const NOT_COUNTRIES: readonly string[] = [
  'Gulf of Guinea',
  'golfe de Guinée',
  'Guinea worm',
  'Lake Chad',
  'Lake Chad Basin',
  'lac Tchad',
  'bassin du lac Tchad',
  'Niger River',
  'River Niger',
  'fleuve Niger',
  'boucle du Niger',
  'Congo Basin',
  'Congo River',
  'bassin du Congo',
  'fleuve Congo',
  'Indian Ocean',
  'océan Indien',
  'New Mexico',
  'New Jersey',
  'New South Wales',
];

/** "Niger Delta" is in Nigeria. */
export const PLACE_NAMES: Readonly<Record<string, readonly string[]>> = {
  NG: ['Niger Delta', 'delta du Niger'],
};

/**
 * Country names that are also given names or surnames: "Chad Smith", "Maurice Dupont". Followed by
 * another capitalised word they are taken as a person unless that word belongs to the country's
 * institutions ("Chad Government").
 */
export const NAME_LIKE: ReadonlySet<string> = new Set([
  'chad',
  'jordan',
  'georgia',
  'india',
  'israel',
  'maurice',
  'dominique',
  'martinique',
  'jersey',
]);

export const INSTITUTION_WORDS: ReadonlySet<string> = new Set([
  'government',
  'ministry',
  'police',
  'republic',
  'national',
  'authorities',
  'delegation',
  'chairmanship',
  'presidency',
  'embassy',
  'border',
  'customs',
  'army',
  'gendarmerie',
]);

/** Forms of address: "Mrs Palau", "Mr. Jordan", "M. Niger", "Mme Maria Palau" are people. */
export const TITLES: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mister',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'lord',
  'lady',
  'madam',
  'madame',
  'mme',
  'mmes',
  'mlle',
  'monsieur',
  'messrs',
  'hon',
  'm',
]);

/** Demonyms that are also language names: "in French", "en français", "French-speaking" are no country. */
export const LANGUAGE_DEMONYMS: ReadonlySet<string> = new Set([
  'FR',
  'ES',
  'PT',
  'DE',
  'IT',
  'NL',
  'RU',
  'CN',
  'TR',
  'GR',
  'PL',
  'CZ',
  'SK',
  'HU',
  'RO',
  'BG',
  'SE',
  'DK',
  'NO',
  'FI',
  'JP',
]);
export const LANGUAGE_BEFORE: ReadonlySet<string> = new Set(['in', 'en', 'into']);
export const LANGUAGE_AFTER: ReadonlySet<string> = new Set([
  'speaking',
  'language',
  'languages',
  'version',
  'translation',
  'langue',
  'phone',
  'phones',
  'parlant',
]);
