/**
 * Words of a name that are not the person's own name: articles (al-, El), filiation (Ould, Mint,
 * Ben, Bin, Ibn, Ag), honorifics (El Hadji, Alhaji, Sheikh) and titles (Dr, Mr). The matcher sets
 * them aside with a `particle` reason; filiation still tells which side of the name is the father's.
 */

/** The Arabic article and its assimilated forms, written apart or hyphenated. */
export const ARTICLES = new Set([
  'al',
  'el',
  'ul',
  'ud',
  'ur',
  'us',
  'ad',
  'ed',
  'ar',
  'er',
  'as',
  'es',
  'at',
  'an',
  'az',
  'ash',
  'ech',
  'l',
]);

/** "Son/daughter of": what follows is the father's (or mother's) name. */
export const FILIATION = new Set([
  'ould',
  'wuld',
  'uld',
  'old',
  'walad',
  'wld',
  'mint',
  'bint',
  'ben',
  'bin',
  'ibn',
  'ibnu',
  'bn',
  'ag',
  'w',
]);

/**
 * Honorifics that some lists write and others leave out: absent on one side, they cost nothing;
 * present on both, they agree. (Cheikh and Sidi are also given names: they stay name parts.)
 */
export const HONORIFICS = new Set([
  'elhadji',
  'elhadj',
  'elhaj',
  'alhaji',
  'alhadji',
  'alhaj',
  'alhajji',
  'hadji',
  'hadj',
  'haji',
  'hajji',
  'hajj',
  'hadja',
  'hadjia',
  'hajja',
  'hajia',
  'hajiya',
  'sheikh',
  'shaykh',
  'shaikh',
  'sheik',
  'cheikh',
  'cheick',
  'serigne',
  'shekh',
  'sayyid',
  // Sayed before an Afghan or Iraqi name marks descent from the Prophet, like Sayyid.
  'sayed',
  'sayyed',
  'seyed',
  'seyyed',
  'syed',
  'imam',
  // Hausa and Wolof forms: Mallam (teacher), Adja (Hadja).
  'mallam',
  'malam',
  'adja',
  'alhadja',
  // Somali, Afghan and Pakistani religious titles written before the name.
  'sheekh',
  'mullah',
  'mulla',
  'mawlawi',
  'maulvi',
  'molvi',
  'mowlawi',
  'maulana',
  'qari',
  'ustad',
  'ustaz',
]);

/** Two-word honorifics (El Hadji, Al Haji) read as one. */
export const HONORIFIC_HEADS = new Set(['el', 'al']);

/** Titles and forms of address: dropped without trace. */
export const TITLES = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mme',
  'mlle',
  'mister',
  'madame',
  'monsieur',
  'prof',
  'sir',
  'gen',
  'col',
  'capt',
  'eng',
  'ing',
]);
