/**
 * A token of a name read as words: an Arabic-script token split at its article, its particles (بن,
 * ولد, منت) and joined Abd-names, then transliterated; other scripts transliterated as they stand.
 */

import type { Token } from './normalise.js';
import type { PartOrigin } from './prepare.js';
import { arabicToLatin, arabicToLatinPersian, cyrillicToLatin, geezToLatin } from './transliterate.js';
import { canonicalSpelling, familyOf } from './variants.js';

export interface Word {
  text: string;
  /** Another reading (an Arabic-script word read the Persian way). */
  alt?: string;
  written: string;
  origin: PartOrigin;
  abbreviated: boolean;
  family?: string;
}

const ARABIC_PARTICLES: Record<string, string> = {
  بن: 'bin',
  ابن: 'ibn',
  بنت: 'bint',
  ولد: 'ould',
  // The Hassaniya "daughter of", as Mauritanian papers write it (Mint, not Bint).
  منت: 'mint',
  أبو: 'abu',
  ابو: 'abu',
  عبد: 'abd',
};

export function wordsOf(token: Token): Word[] {
  if (token.script === 'arabic') {
    const raw = token.text;
    // Stems of Abd-names (كريم, عزيز) are given names of their own: read here as names, and as
    // stems only after عبد (below, in `build`).
    const known = familyOf(raw);
    if (known) {
      const word: Word = { text: canonicalSpelling(known), written: raw, origin: 'arabic', abbreviated: false, family: known };
      // الزهراء, الأمين: the article stays visible (Fatima al-Zahra is one compound given name).
      return raw.startsWith('ال') ? [{ text: 'al', written: 'ال', origin: 'arabic', abbreviated: false }, word] : [word];
    }
    if (ARABIC_PARTICLES[raw]) return [{ text: ARABIC_PARTICLES[raw], written: raw, origin: 'arabic', abbreviated: false }];
    // The article first: the ال inside الغالية is the name's own letters, not a next name's article.
    if (raw.startsWith('ال') && raw.length > 3) {
      const rest = wordsOf({ ...token, text: raw.slice(2) });
      return [{ text: 'al', written: 'ال', origin: 'arabic', abbreviated: false }, ...rest];
    }
    // A name joined to the article of the next (نورالدين): two words.
    const inner = raw.indexOf('ال', 2);
    if (inner >= 2 && raw.length - inner > 3)
      return [...wordsOf({ ...token, text: raw.slice(0, inner) }), ...wordsOf({ ...token, text: raw.slice(inner) })];
    // Names written joined to the article of the next one (عبدالله is known; عبدالرحمن is not).
    if (raw.startsWith('عبد') && raw.length > 4)
      return [
        { text: 'abd', written: 'عبد', origin: 'arabic', abbreviated: false },
        ...wordsOf({ ...token, text: raw.slice(3) }),
      ];
    const persian = arabicToLatinPersian(raw);
    return [{ text: arabicToLatin(raw), written: raw, origin: 'arabic', abbreviated: false, alt: persian }];
  }
  if (token.script === 'cyrillic')
    return [{ text: cyrillicToLatin(token.text), written: token.text, origin: 'cyrillic', abbreviated: false }];
  if (token.script === 'ethiopic')
    return [{ text: geezToLatin(token.text), written: token.text, origin: 'ethiopic', abbreviated: false }];
  return [
    {
      text: token.text,
      written: token.original,
      origin: token.script === 'latin' ? 'latin' : 'other',
      abbreviated: token.abbreviated,
    },
  ];
}
