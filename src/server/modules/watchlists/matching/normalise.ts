/**
 * First step of the matcher: one name as typed, in any script, to a list of tokens. Latin tokens
 * are folded (case, accents, apostrophes, punctuation); tokens in another script are kept with their
 * script so that `transliterate.ts` can read them.
 */
import type { NameScript } from '../../../../shared/watchlists/vocabulary.js';

export type TokenScript = Exclude<NameScript, 'other'> | 'other';

export interface Token {
  text: string;
  /** As written (for the matcher's reasons). */
  original: string;
  script: TokenScript;
  /** Written all in capitals among tokens that are not: a family name put first (`DIALLO Mamadou`). */
  upper: boolean;
  /** Followed by a full stop in the input (`Md.`, `M.`): an abbreviation or an initial. */
  abbreviated: boolean;
}

/** Latin letters that NFKD does not take apart. */
const LATIN_FOLDS: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  ß: 'ss',
  ı: 'i',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  æ: 'ae',
  œ: 'oe',
  ŋ: 'ng',
  ɗ: 'd',
  ɓ: 'b',
  ƙ: 'k',
  ƴ: 'y',
  ɛ: 'e',
  ɔ: 'o',
};

const ETHIOPIAN_PREFIXES: Record<string, string> = { g: 'Gebre', w: 'Wolde', h: 'Haile', t: 'Tekle' };

/** OCR reads of letters as digits, undone inside words that hold letters. */
const DIGIT_LETTERS: Record<string, string> = { '0': 'o', '1': 'l', '5': 's', '8': 'b' };

export function scriptOf(char: string): TokenScript {
  const code = char.codePointAt(0) ?? 0;
  if ((code >= 0x0600 && code <= 0x06ff) || (code >= 0x0750 && code <= 0x077f) || (code >= 0xfb50 && code <= 0xfeff))
    return 'arabic';
  if (code >= 0x0400 && code <= 0x052f) return 'cyrillic';
  if (code >= 0x1200 && code <= 0x139f) return 'ethiopic';
  if (/\p{Script=Latin}/u.test(char)) return 'latin';
  return 'other';
}

/** Folds a Latin token: lower case, no accents, the few letters NFKD keeps whole. */
export function foldLatin(text: string): string {
  let out = '';
  for (const char of text.normalize('NFKD').toLowerCase()) {
    if (/\p{M}/u.test(char)) continue;
    out += LATIN_FOLDS[char] ?? char;
  }
  return out.replace(/[^a-z0-9]/g, '');
}

function undoOcrDigits(text: string): string {
  if (!/[a-z]/.test(text)) return text.replace(/[0-9]/g, '');
  return (
    text
      .replace(/[0-9]/g, (digit) => DIGIT_LETTERS[digit] ?? '')
      // No name of the region begins with l or v before a consonant: a scanner read I or U
      // (llyas, 1kram, Vmarov).
      .replace(/^l(?=[bcdfghjklmnpqrstvwxz])/, 'i')
      .replace(/^v(?=[bcdfghjklmnpqrstvwxz])/, 'u')
  );
}

/**
 * Splits a name into tokens. Apostrophes join (N'Diaye → ndiaye), hyphens and other punctuation
 * split (Ben-Salah → ben salah: the aligner puts split parts back together when the other name
 * writes them as one). Arabic tatweel and harakat are dropped.
 */
export function tokenize(name: string): Token[] {
  const text = name
    .normalize('NFKC')
    // Ethiopian abbreviations of the commonest first halves of compound names (G/Mariam = Gebremariam).
    .replace(
      /(^|[\s,])([GgWwHhTt])\/(?=\p{L})/gu,
      (_, before: string, letter: string) => `${before}${ETHIOPIAN_PREFIXES[letter.toLowerCase()]}`,
    )
    .replace(/[\u0640\u064b-\u065f\u0670]/g, '')
    .replace(/['’‘`ʼʻ´]/g, '');
  const raw = [...text.matchAll(/[\p{L}\p{M}\p{N}]+(\.?)/gu)];
  const tokens: Token[] = [];
  for (const match of raw) {
    const word = match[0].replace(/\.$/, '');
    const script = scriptOf([...word].find((c) => /\p{L}/u.test(c)) ?? word);
    const latin = script === 'latin' || script === 'other' ? undoOcrDigits(foldLatin(word)) : word;
    if (!latin) continue;
    const letters = word.replace(/[^\p{L}]/gu, '');
    tokens.push({
      text: latin,
      original: word,
      script,
      upper: script === 'latin' && letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      abbreviated: match[1] === '.',
    });
  }
  // Capitals mark a family name only when other tokens are not capitals.
  if (tokens.every((t) => t.upper || t.script !== 'latin')) for (const t of tokens) t.upper = false;
  return tokens;
}
