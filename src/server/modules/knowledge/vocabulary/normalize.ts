/**
 * Text folding and tokenisation shared by the taggers.
 *
 * Folding removes accents (Sénégal → Senegal), unifies typographic apostrophes (’ → ') and dashes
 * (– → -) and keeps the letter case, because case carries meaning here: "Chad" is a country, "chad"
 * is not; "AU" is the African Union, "au" is French for "to the".
 */

/** Anything but printable ASCII (less the backquote, folded to an apostrophe) and line breaks. */
const NEEDS_FOLDING = /[^\t\n\r -_a-~]/;
const MARKS = /\p{M}+/gu;
const APOSTROPHES = /[\u2018\u2019\u201b\u02bc\u00b4\u0060\u2032]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACES = /[\u00a0\u2007\u202f\u2009\u200a]/g;
const LIGATURES = /[œŒæÆ]/g;
const LIGATURE_MAP: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE' };

/** Accent- and punctuation-folded text, case preserved. */
export function fold(text: string): string {
  if (!NEEDS_FOLDING.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .replace(LIGATURES, (c) => LIGATURE_MAP[c] ?? c);
}

/** Words of a folded text with their positions; `lower` is the lowercase key used for look-ups. */
export interface Tokens {
  readonly text: string;
  readonly words: string[];
  readonly lower: string[];
  readonly starts: number[];
  readonly ends: number[];
}

const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return NON_ASCII_WORD_CHAR.test(text[i]);
}

/** Words are runs of letters and digits; a hand-written scan is several times faster than a regex here. */
export function tokenize(folded: string): Tokens {
  const words: string[] = [];
  const lower: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const lowered = folded.toLowerCase();
  // Lower-casing keeps the length of folded text except for rare letters; then lower word by word.
  const sameLength = lowered.length === folded.length;
  const n = folded.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(folded, i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isWordChar(folded, i)) i++;
    const word = folded.slice(start, i);
    words.push(word);
    lower.push(sameLength ? lowered.slice(start, i) : word.toLowerCase());
    starts.push(start);
    ends.push(i);
  }
  return { text: folded, words, lower, starts, ends };
}

/** The characters between word i-1 and word i. */
export function gapBefore(tokens: Tokens, i: number): string {
  return tokens.text.slice(tokens.ends[i - 1], tokens.starts[i]);
}

export const isCapitalised = (word: string): boolean => {
  const first = word[0];
  return first !== first.toLowerCase();
};

/** All letters upper case, at least one letter ("EU", "G5"). */
export const isAllCaps = (word: string): boolean => word !== word.toLowerCase() && word === word.toUpperCase();

/*
 * The four taggers usually run on the same item text one after the other; remembering the last
 * folded form saves three foldings and tokenisations per item.
 */
let lastText: string | undefined;
let lastFolded = '';
let lastLower = '';
let lastTokens: Tokens | undefined;

function remember(text: string): void {
  if (text === lastText) return;
  lastText = text;
  lastFolded = fold(text);
  lastLower = lastFolded.toLowerCase();
  lastTokens = undefined;
}

export function foldedTokens(text: string): Tokens {
  remember(text);
  lastTokens ??= tokenize(lastFolded);
  return lastTokens;
}

/** Folded, lower-cased text for keyword patterns. */
export function foldedLower(text: string): string {
  remember(text);
  return lastLower;
}
