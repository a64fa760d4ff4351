/**
 * Spelling correction of library queries: pure functions. The words a query may be corrected to, and
 * which of them a viewer may be offered, come from `correction.ts`; here are which words of a query
 * are corrected, how far, how candidates are ranked and how the query is written again.
 *
 * Words are corrected before stemming, as typed (accents folded, lower case): a misspelling stems to
 * a lexeme no item holds ("trafficing" → traffic, not traffick), so correcting stems would compare the
 * wrong things.
 */
import { COUNTRY_ENTRIES, GLOSSARY } from '../vocabulary/glossary.js';
import { fold, tokenize } from '../vocabulary/normalize.js';
import { Lexicon } from './lexicon.js';

/** Shorter words are left alone: one edit away from a four-letter word lie too many other words. */
export const MIN_CORRECTED_LENGTH = 4;

/** One edit for most words, two from eight letters: longer words hold more typos and fewer neighbours. */
export const maxEdits = (word: string) => (word.length >= 8 ? 2 : 1);

/** A word of the query that may be corrected: its lower-case, accent-folded form and where it stands. */
export interface Term {
  word: string;
  start: number;
  end: number;
}

/** Only Latin letters are corrected: the library holds no Arabic document to correct Arabic against. */
const LATIN_WORD = /^[a-z]+$/;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The words of `q` that may be corrected: not inside a quoted phrase (a phrase is asked for as
 * written), not excluded with a leading `-`, not a code (written in capitals, like TLP, UNHCR or a
 * country code, or holding a digit), at least four letters, in Latin letters.
 */
export function correctableTerms(q: string): Term[] {
  const terms: Term[] = [];
  const seen = new Set<string>();
  for (const match of q.matchAll(WORD)) {
    const start = match.index;
    const text = match[0];
    const quotesBefore = (q.slice(0, start).match(/"/g) ?? []).length;
    if (quotesBefore % 2 === 1) continue;
    if (q[start - 1] === '-' && (start === 1 || /\s/.test(q[start - 2]))) continue;
    if (/\p{N}/u.test(text) || (text.length > 1 && text === text.toUpperCase())) continue;
    const word = fold(text).toLowerCase();
    if (word.length < MIN_CORRECTED_LENGTH || !LATIN_WORD.test(word) || seen.has(word)) continue;
    seen.add(word);
    terms.push({ word, start, end: start + text.length });
  }
  return terms;
}

/** A word a term may be corrected to, with how many items the viewer may see hold it (capped). */
export interface Choice {
  word: string;
  distance: number;
  items: number;
  /** A word of the glossary: offered even when no item holds it, as its translation may find some. */
  glossary: boolean;
}

/**
 * The best correction of a term among its candidates: fewest edits, then the most items, then the
 * glossary's word, then alphabetical; null when none is worth offering (a word no visible item holds
 * and that the glossary does not know).
 */
export function bestChoice(choices: readonly Choice[]): Choice | null {
  const usable = choices.filter((choice) => choice.items > 0 || choice.glossary);
  usable.sort(
    (a, b) =>
      a.distance - b.distance ||
      b.items - a.items ||
      Number(b.glossary) - Number(a.glossary) ||
      (a.word < b.word ? -1 : a.word > b.word ? 1 : 0),
  );
  return usable[0] ?? null;
}

/** `q` with each corrected term replaced, keeping a capital first letter and everything else as typed. */
export function rewriteQuery(q: string, corrections: ReadonlyMap<Term, string>): string {
  let rewritten = '';
  let from = 0;
  for (const [term, word] of [...corrections].sort(([a], [b]) => a.start - b.start)) {
    const typed = q.slice(term.start, term.end);
    const capital = typed[0] !== typed[0].toLowerCase();
    rewritten += q.slice(from, term.start) + (capital ? word[0].toUpperCase() + word.slice(1) : word);
    from = term.end;
  }
  return rewritten + q.slice(from);
}

let glossaryLexicon: Lexicon | null = null;

/**
 * The English and French words of the glossary's terms and of country names. They are the
 * library's vocabulary, public by nature (they are in the code, not in any document), so they may
 * be offered to anyone; a query corrected to them is also translated through the glossary.
 */
export function glossaryWords(): Lexicon {
  if (glossaryLexicon) return glossaryLexicon;
  const words = new Set<string>();
  for (const entry of [...GLOSSARY, ...COUNTRY_ENTRIES]) {
    for (const form of [...entry.forms.en, ...entry.forms.fr]) {
      for (const word of tokenize(fold(form)).lower) {
        if (word.length >= MIN_CORRECTED_LENGTH && LATIN_WORD.test(word)) words.add(word);
      }
    }
  }
  glossaryLexicon = new Lexicon(words);
  return glossaryLexicon;
}
