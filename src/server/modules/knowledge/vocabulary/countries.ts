/**
 * `tagCountries`: ISO 3166-1 alpha-2 codes of the countries a text names, by name (English or
 * French, current, former or short) or by demonym/adjective ("Moroccan", "sénégalaises").
 */
import countryNames from 'i18n-iso-countries';
import {
  INSTITUTION_WORDS,
  LANGUAGE_AFTER,
  LANGUAGE_BEFORE,
  LANGUAGE_DEMONYMS,
  NAME_LIKE,
  NOT_COUNTRIES,
  PLACE_NAMES,
  TITLES,
} from './countries-context.js';
import { DROPPED_LIBRARY_NAMES, ENGLISH_DEMONYMS, EXTRA_NAMES, FRENCH_ADJECTIVES, FRENCH_IRREGULAR } from './countries-data.js';
import { fold, foldedTokens, gapBefore, isAllCaps, isCapitalised, type Tokens, tokenize } from './normalize.js';
import { type CaseRule, inCapitalsHeading, type PhraseDefinition, PhraseMatcher, sortedUnique } from './phrase-matcher.js';

type Kind = 'name' | 'demonym';
interface Candidate {
  phrase: string;
  code: string;
  kind: Kind;
  caseRule: CaseRule;
}

/** Feminine and plural forms of a French adjective: marocain → marocaine, marocains, marocaines. */
export function frenchForms(masculine: string): string[] {
  const irregular = FRENCH_IRREGULAR[masculine];
  if (irregular) return [...irregular];
  if (/(en|on)$/.test(masculine)) return [masculine, `${masculine}ne`, `${masculine}s`, `${masculine}nes`];
  if (masculine.endsWith('e')) return [masculine, `${masculine}s`];
  if (masculine.endsWith('s')) return [masculine, `${masculine}e`, `${masculine}es`];
  return [masculine, `${masculine}e`, `${masculine}s`, `${masculine}es`];
}

function* libraryNames(): Generator<Candidate> {
  for (const lang of ['en', 'fr']) {
    for (const [code, names] of Object.entries(countryNames.getNames(lang, { select: 'all' }))) {
      for (const phrase of names) {
        // "Korea, Republic of", "Holy See (Vatican City State)", "U.S.": never written so in running text.
        if (/[,.()]/.test(phrase) || DROPPED_LIBRARY_NAMES.has(phrase)) continue;
        yield { phrase, code, kind: 'name', caseRule: 'initial' };
      }
    }
  }
}

function* vocabulary(): Generator<Candidate> {
  yield* libraryNames();
  for (const table of [EXTRA_NAMES, PLACE_NAMES]) {
    for (const [code, names] of Object.entries(table)) {
      for (const phrase of names) yield { phrase, code, kind: 'name', caseRule: 'initial' };
    }
  }
  for (const [code, demonyms] of Object.entries(ENGLISH_DEMONYMS)) {
    for (const demonym of demonyms) {
      yield { phrase: demonym, code, kind: 'demonym', caseRule: 'initial' };
      if (!/(s|sh)$/.test(demonym)) yield { phrase: `${demonym}s`, code, kind: 'demonym', caseRule: 'initial' };
    }
  }
  for (const [code, adjectives] of Object.entries(FRENCH_ADJECTIVES)) {
    for (const adjective of adjectives) {
      for (const phrase of frenchForms(adjective)) yield { phrase, code, kind: 'demonym', caseRule: 'free' };
    }
  }
}

/** A spelling's identity: folded words, lower case; an all-capitals spelling ("US") differs from "Us". */
function spellingKey(phrase: string): string {
  const tokens = tokenize(fold(phrase));
  return tokens.lower.join(' ') + (phrase === phrase.toUpperCase() ? '#caps' : '');
}

/** One entry per spelling; the same spelling may not stand for two countries (checked at load). */
function deduplicate(candidates: Iterable<Candidate>): Candidate[] {
  const bySpelling = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const key = spellingKey(candidate.phrase);
    const seen = bySpelling.get(key);
    if (seen && seen.code !== candidate.code) {
      throw new Error(`"${candidate.phrase}" names both ${seen.code} and ${candidate.code}`);
    }
    // The same spelling as an English demonym and a French adjective ("Nigerien"/"nigérien"): any case.
    if (!seen || (seen.caseRule === 'initial' && candidate.caseRule === 'free')) bySpelling.set(key, candidate);
  }
  return [...bySpelling.values()];
}

function titleAt(tokens: Tokens, t: number): boolean {
  if (t < 0 || !TITLES.has(tokens.lower[t]) || !isCapitalised(tokens.words[t])) return false;
  const gap = gapBefore(tokens, t + 1);
  return tokens.lower[t] === 'm' ? /^\. +$/.test(gap) : /^\.? +$/.test(gap);
}

/** "Mrs Palau", "Mr. Jordan", "M. Niger", "Mrs Carolina Lluich Palau": up to three given names between. */
function isAddressedPerson(tokens: Tokens, start: number): boolean {
  for (let t = start - 1; t >= 0 && t >= start - 4; t--) {
    if (titleAt(tokens, t)) return true;
    if (!isCapitalised(tokens.words[t]) || !/^ +$/.test(gapBefore(tokens, t + 1))) return false;
  }
  return false;
}

/** "Chad Smith", "Maurice Dupont": a name-like country followed by a capitalised word. */
function isPersonName(tokens: Tokens, start: number, end: number): boolean {
  if (end - start !== 1 || !NAME_LIKE.has(tokens.lower[start]) || end >= tokens.words.length) return false;
  const next = tokens.words[end];
  return (
    /^ +$/.test(gapBefore(tokens, end)) &&
    isCapitalised(next) &&
    !isAllCaps(next) &&
    !INSTITUTION_WORDS.has(tokens.lower[end]) &&
    !matcher.starts(tokens.lower[end])
  );
}

/** "in French", "en français", "French-speaking": the language, not the country. */
function isLanguage(tokens: Tokens, start: number, end: number): boolean {
  if (end < tokens.words.length && LANGUAGE_AFTER.has(tokens.lower[end])) return true;
  if (start === 0 || !LANGUAGE_BEFORE.has(tokens.lower[start - 1])) return false;
  if (end >= tokens.words.length) return true;
  return /[^\s]/.test(gapBefore(tokens, end)) || ['and', 'or', 'et', 'ou'].includes(tokens.lower[end]);
}

function definition(candidate: Candidate): PhraseDefinition<string> {
  const language = candidate.kind === 'demonym' && LANGUAGE_DEMONYMS.has(candidate.code);
  // "US" in "LET US KNOW", "la Réunion" in "LA RÉUNION DE DAKAR".
  const headingProne = candidate.phrase === 'US' || candidate.code === 'RE';
  return {
    phrase: candidate.phrase,
    value: candidate.code,
    caseRule: candidate.caseRule,
    accept: (tokens, start, end) =>
      !isAddressedPerson(tokens, start) &&
      !isPersonName(tokens, start, end) &&
      !(language && isLanguage(tokens, start, end)) &&
      !(headingProne && inCapitalsHeading(tokens, start, end, matcher.acronyms)),
  };
}

const blockers: PhraseDefinition<string>[] = NOT_COUNTRIES.map((phrase) => ({ phrase, value: null, caseRule: 'free' }));

const matcher: PhraseMatcher<string> = new PhraseMatcher([...blockers, ...deduplicate(vocabulary()).map(definition)]);

export function tagCountries(text: string): string[] {
  return sortedUnique(matcher.match(foldedTokens(text)));
}
