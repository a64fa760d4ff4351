/**
 * Query translation for the library search: finds the glossary's terms and the countries' names in
 * a query (English, French or Arabic; several words; accents, case, hyphens and a final -s/-x
 * ignored) and writes the query again in English and in French, each term replaced by its
 * equivalents. The search ORs these with the query as typed.
 */
import countryNames from 'i18n-iso-countries';
import { THEMES } from '../../../../shared/knowledge/vocabulary/themes-data.js';
import { arabicForms } from './arabic.js';
import { DROPPED_LIBRARY_NAMES, EXTRA_NAMES } from './countries-data.js';
import { CONCEPTS } from './glossary-concepts-data.js';
import { ACTORS, type GlossaryKind, type GlossaryRow, INSTITUTIONS, THEME_SYNONYMS } from './glossary-data.js';
import { PRACTICES } from './glossary-practices-data.js';
import { fold, tokenize } from './normalize.js';

export const GLOSSARY_LANGUAGES = ['en', 'fr', 'ar'] as const;
export type GlossaryLanguage = (typeof GLOSSARY_LANGUAGES)[number];

export interface GlossaryEntry {
  kind: GlossaryKind | 'country';
  /** The theme id or the country code. */
  id?: string;
  forms: Readonly<Record<GlossaryLanguage, readonly string[]>>;
  /** Other spellings that recognise the entry in a query but are never written into one. */
  aliases?: readonly string[];
}

const split = (forms: string | undefined) => (forms ?? '').split('|').flatMap((form) => (form.trim() ? [form.trim()] : []));
const unique = (forms: string[]) => [...new Set(forms)];

function entryOf(kind: GlossaryKind, [en, fr, ar]: GlossaryRow): GlossaryEntry {
  return { kind, forms: { en: split(en), fr: split(fr), ar: split(ar) } };
}

/** The glossary: themes (their labels and synonyms), actors, institutions, practices and concepts. */
export const GLOSSARY: readonly GlossaryEntry[] = [
  ...THEMES.map((theme): GlossaryEntry => {
    const [en, fr, ar] = THEME_SYNONYMS[theme.id];
    return {
      kind: 'theme',
      id: theme.id,
      forms: {
        en: unique([theme.label.en, ...split(en)]),
        fr: unique([theme.label.fr, ...split(fr)]),
        ar: unique([theme.label.ar, ...split(ar)]),
      },
    };
  }),
  ...ACTORS.map((row) => entryOf('actor', row)),
  ...INSTITUTIONS.map((row) => entryOf('institution', row)),
  ...PRACTICES.map((row) => entryOf('practice', row)),
  ...CONCEPTS.map((row) => entryOf('concept', row)),
];

/** Names written in running text: no "Korea, Republic of", no acronyms ("US" is also a word). */
const usableName = (name: string) => !/[,.()]/.test(name) && !DROPPED_LIBRARY_NAMES.has(name) && name !== name.toUpperCase();

/** Arabic country names that are also everyday words, never looked up: مالي (Mali) is "financial". */
const ARABIC_WORDS = new Set(['مالي']);

/** Every country's names in English, French and Arabic, and the extra names of `countries-data.ts`. */
export const COUNTRY_ENTRIES: readonly GlossaryEntry[] = Object.keys(countryNames.getAlpha2Codes()).map((code) => {
  const names = (language: GlossaryLanguage) => countryNames.getNames(language, { select: 'all' })[code] ?? [];
  // "Cocos (Keeling) Islands" has no other name: it is used without its parenthesis.
  const usable = (language: GlossaryLanguage) => {
    const all = names(language);
    const usable = all.filter(usableName);
    if (usable.length > 0) return usable;
    const cleaned = all
      .map((name) =>
        name
          .replace(/\s*\([^)]*\)/g, '')
          .split(',')[0]
          .trim(),
      )
      .filter(usableName);
    // "Reunion" is a meeting: la Réunion is only named as the extra names name it.
    return cleaned.length > 0 ? cleaned : [...(EXTRA_NAMES[code] ?? [])];
  };
  return {
    kind: 'country',
    id: code,
    forms: { en: usable('en'), fr: usable('fr'), ar: names('ar') },
    aliases: EXTRA_NAMES[code] ?? [],
  };
});

/** A word's look-up form: a final -s or -x dropped from longer Latin words (plural and singular alike). */
const singular = (word: string) =>
  word.length > 3 && /[a-z][sx]$/.test(word) && !word.endsWith('ss') ? word.slice(0, -1) : word;

/** A phrase's look-up key: folded, lower-case words, each in its singular look-up form. */
export const termKey = (phrase: string): string => tokenize(fold(phrase)).lower.map(singular).join(' ');

interface Hit {
  entry: GlossaryEntry;
  /** Languages whose forms hold the key (none for an alias). */
  languages: GlossaryLanguage[];
}

function buildIndex(): { index: Map<string, Hit>; longest: number } {
  const index = new Map<string, Hit>();
  let longest = 1;
  const add = (entry: GlossaryEntry, phrase: string, language: GlossaryLanguage | null) => {
    const key = termKey(phrase);
    if (!key) return;
    const hit = index.get(key);
    // The glossary comes first: a country never takes a term's key, nor one country another's.
    if (hit && hit.entry !== entry) return;
    if (!hit) index.set(key, { entry, languages: [] });
    const languages = (index.get(key) as Hit).languages;
    if (language && !languages.includes(language)) languages.push(language);
    longest = Math.max(longest, key.split(' ').length);
  };
  for (const entry of [...GLOSSARY, ...COUNTRY_ENTRIES]) {
    for (const language of GLOSSARY_LANGUAGES) {
      for (const form of entry.forms[language]) {
        if (ARABIC_WORDS.has(form)) continue;
        for (const variant of language === 'ar' ? arabicForms(form) : [form]) add(entry, variant, language);
      }
    }
    for (const alias of entry.aliases ?? []) add(entry, alias, null);
  }
  return { index, longest };
}

const { index: INDEX, longest: LONGEST } = buildIndex();

/** The entry a phrase names, if any (for tests and tools). */
export const lookUpTerm = (phrase: string): GlossaryEntry | undefined => INDEX.get(termKey(phrase))?.entry;

/** Forms of one term written into a translated query, at most. */
const MAX_FORMS = 6;
/** Search syntax (quotes, "or", a leading minus) is left as the user wrote it. */
const SEARCH_SYNTAX = /["]|(?:^|\s)-\S|(?:^|\s)or(?:\s|$)/i;

type Segment = { text: string; hit?: Hit };

/**
 * Small words of English and French left out of a translated query: the other language's text
 * search configuration does not know them as stop words, so they would be required words there.
 */
const FUNCTION_WORDS = new Set(
  (
    'a an the of in on at for to and or with by from as into about against between within without is are be ' +
    'le la les l de des du d un une et ou en au aux a pour par sur dans avec sans entre contre est sont'
  ).split(' '),
);

function segmentsOf(q: string): Segment[] {
  const folded = fold(q);
  const tokens = tokenize(folded);
  const keys = tokens.lower.map(singular);
  const segments: Segment[] = [];
  let i = 0;
  while (i < keys.length) {
    let found = false;
    for (let size = Math.min(LONGEST, keys.length - i); size >= 1 && !found; size--) {
      const hit = INDEX.get(keys.slice(i, i + size).join(' '));
      if (!hit) continue;
      segments.push({ text: folded.slice(tokens.starts[i], tokens.ends[i + size - 1]), hit });
      i += size;
      found = true;
    }
    if (!found) segments.push({ text: tokens.words[i++] });
  }
  return segments;
}

/** A query written again in one language, to be read with that language's text search configuration. */
export interface Translation {
  text: string;
  language: 'en' | 'fr';
}

const contentWords = (text: string) =>
  termKey(text)
    .split(' ')
    .filter((word) => word && !FUNCTION_WORDS.has(word));

/**
 * The query written again in English and in French: every glossary term or country name it holds
 * replaced by its forms in that language (a term already in that language stays as typed). A term
 * with several forms gives several queries, its k-th form in the k-th; a query that holds all the
 * words of another of the same language finds nothing more and is left out. Empty when the query
 * holds no term, or uses search syntax.
 */
export function translateQuery(q: string): Translation[] {
  if (SEARCH_SYNTAX.test(q)) return [];
  const segments = segmentsOf(q);
  if (!segments.some((segment) => segment.hit)) return [];
  // Words the glossary does not know stay (names, or words the user requires), but for function
  // words, which the other language's configuration would require too.
  const kept = segments.filter(({ text, hit }) => hit || !FUNCTION_WORDS.has(text.toLowerCase()));
  const translations: Translation[] = [];
  for (const language of ['en', 'fr'] as const) {
    // A query already in this language is matched as typed.
    if (kept.every(({ hit }) => !hit || hit.languages.includes(language))) continue;
    const choices = kept.map(({ text, hit }) => {
      if (!hit || hit.languages.includes(language)) return [text];
      const forms = hit.entry.forms[language];
      return forms.length > 0 ? forms.slice(0, MAX_FORMS) : [text];
    });
    const count = Math.max(...choices.map((forms) => forms.length));
    const variants = Array.from({ length: count }, (_, k) => choices.map((forms) => forms[k % forms.length]).join(' '));
    const words = variants.map((variant) => new Set(contentWords(variant)));
    const order = variants.map((_, index) => index).sort((a, b) => words[a].size - words[b].size || a - b);
    const chosen: number[] = [];
    for (const index of order) {
      if (chosen.some((other) => [...words[other]].every((word) => words[index].has(word)))) continue;
      chosen.push(index);
    }
    for (const index of chosen.sort((a, b) => a - b)) translations.push({ text: variants[index], language });
  }
  return translations;
}

/** The distinct content words of translated queries (folded, lower case), to rank what they find. */
export function translationWords(translations: readonly Translation[]): string[] {
  return [...new Set(translations.flatMap(({ text }) => tokenize(fold(text)).lower))].filter((word) => !FUNCTION_WORDS.has(word));
}
