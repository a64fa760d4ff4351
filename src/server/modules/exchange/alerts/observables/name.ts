/**
 * Names of people and organisations.
 *
 * Names correlate by their matching key only, and a shared name is never more than a hint: two
 * alerts naming "Mohamed Ali" may be about two different men. The alerts module shows such links
 * for a person to review and never acts on them by itself (see `isWeakLink` in correlation.ts).
 * Names written in different scripts ("محمد علي" and "Mohamed Ali") do not share a key; matching
 * across transliterations is the work of a scorer, not of this exact key.
 */

import { accept, type NormaliseResult, refuse } from '../../../../../shared/exchange/alerts/observables.js';
import { fold } from '../../../knowledge/vocabulary/normalize.js';
import { cleanInput, collapseSpaces } from './text.js';

const MAX_NAME_LENGTH = 200;
const MAX_NAME_WORDS = 12;

/**
 * Arabic letters written several ways for the same name: alif wasla as alif, alif maqsura as ya,
 * ta marbuta as ha, the Persian kaf and ya as the Arabic ones. Hamza carriers and vowel marks
 * are already gone after folding (أ إ آ → ا; fatha, kasra, shadda… removed).
 */
const ARABIC_VARIANTS: Record<string, string> = { ٱ: 'ا', ى: 'ي', ة: 'ه', ک: 'ك', ی: 'ي' };
const ARABIC_VARIANT = /[ٱىةکی]/g;
/** Case folding beyond lower case: "Strauß" is "Strauss", the Turkish dotless ı an i. */
const FOLDED_LETTERS: Record<string, string> = { ß: 'ss', ẞ: 'ss', ı: 'i' };
const FOLDED_LETTER = /[ßẞı]/g;
/** The tatweel stretches a word for looks ("محـــمد"). */
const TATWEEL = /\u0640/g;

/** The words of a name, folded and lower case, in the order written. */
export function nameWords(text: string): string[] {
  return fold(text)
    .replace(TATWEEL, '')
    .replace(ARABIC_VARIANT, (letter) => ARABIC_VARIANTS[letter])
    .replace(FOLDED_LETTER, (letter) => FOLDED_LETTERS[letter])
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Key of a name: its folded words sorted, so "ALI Mohamed" and "Mohamed Ali" share one. */
export function nameKey(text: string): string {
  return nameWords(text).sort().join(' ');
}

export function normaliseName(raw: unknown): NormaliseResult {
  const input = cleanInput(raw, 'a name', MAX_NAME_LENGTH);
  if (!input.ok) return input;
  const words = nameWords(input.text);
  if (!words.some((word) => /\p{L}/u.test(word))) return refuse('name_letters', 'A name must contain letters.');
  if (words.length > MAX_NAME_WORDS)
    return refuse('name_too_many_words', `A name cannot have more than ${MAX_NAME_WORDS} words.`);
  return accept({ kind: 'name', value: words.sort().join(' '), display: collapseSpaces(input.text) });
}
