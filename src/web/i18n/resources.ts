import type { Locale } from '../api/types.js';

export type Tree = { [key: string]: string | Tree };

export interface TranslationFile {
  /** Relative to src/web, e.g. `modules/exchange/notices/i18n/fr.json`. */
  path: string;
  language: string;
  tree: Tree;
}

/**
 * Every translation file, found by where it lives so that a new module needs no list: the shell's
 * (`app/i18n/<lang>.json`: navigation, common words, errors shown anywhere, roles) and each
 * capability's, beside its pages (`modules/<capability>/…/i18n/<lang>.json`, one namespace each).
 *
 * English is the fallback language. The strings of the pages anyone may open (sign-in, library,
 * country profiles, public progress) are bundled with the app; the other modules' English strings
 * are one chunk fetched once someone is signed in (`loadSignedInEnglish`), so a visitor's first load
 * does not grow with every module behind the sign-in. French and Arabic are fetched only by a reader
 * who uses them (the build puts each language's files in one chunk, see vite.config.ts).
 */
const PUBLIC_ENGLISH = import.meta.glob<Tree>(
  [
    '../app/i18n/en.json',
    '../modules/auth/i18n/en.json',
    '../modules/knowledge/i18n/en.json',
    '../modules/knowledge/{items,countries,export}/i18n/en.json',
    '../modules/followup/dashboards/i18n/en.json',
  ],
  { eager: true, import: 'default' },
);
const SIGNED_IN_ENGLISH = import.meta.glob<Tree>(
  [
    '../modules/**/i18n/en.json',
    '!../modules/auth/i18n/en.json',
    '!../modules/knowledge/i18n/en.json',
    '!../modules/knowledge/{items,countries,export}/i18n/en.json',
    '!../modules/followup/dashboards/i18n/en.json',
    '!../modules/watchlists/{lists,entries,screening,review,batches}/i18n/en.json',
    '!../modules/referral/*/i18n/en.json',
    '!../modules/followup/cycles/i18n/en.json',
    '!../modules/knowledge/{review,imports}/i18n/en.json',
  ],
  { import: 'default' },
);
/**
 * English strings fetched with their module's pages (`moduleStringsReady`), not at sign-in: Home stays
 * within its byte budget however many modules there are. The module's own `i18n/en.json` (Home's card,
 * the shared purpose field) stays in the signed-in chunk.
 */
const PAGES_ENGLISH = import.meta.glob<Tree>(
  [
    '../modules/watchlists/{lists,entries,screening,review,batches}/i18n/en.json',
    '../modules/referral/*/i18n/en.json',
    '../modules/followup/cycles/i18n/en.json',
    '../modules/knowledge/{review,imports}/i18n/en.json',
  ],
  { import: 'default' },
);
const OTHERS = import.meta.glob<Tree>(
  ['../app/i18n/*.json', '../modules/**/i18n/*.json', '!../app/i18n/en.json', '!../modules/**/i18n/en.json'],
  { import: 'default' },
);

const fileOf = (file: string, tree: Tree): TranslationFile => ({
  path: file.replace(/^\.\.\//, ''),
  language: file.replace(/^.*\/|\.json$/g, ''),
  tree,
});

const merge = (files: TranslationFile[]): Tree => Object.assign({}, ...files.map((file) => file.tree));

/** The English strings of the public pages: their namespaces side by side (i18next's `translation`). */
export function englishTranslations(): Tree {
  return merge(Object.entries(PUBLIC_ENGLISH).map(([file, tree]) => fileOf(file, tree)));
}

const fetched = async (files: Record<string, () => Promise<Tree>>) =>
  Promise.all(Object.entries(files).map(async ([file, load]) => fileOf(file, await load())));

/** The English strings of the pages behind the sign-in (one chunk, fetched once). */
export async function loadSignedInEnglish(): Promise<Tree> {
  return merge(await fetched(SIGNED_IN_ENGLISH));
}

/** The English strings of one module's pages (see `PAGES_ENGLISH`), fetched once with its first page. */
export async function loadPagesEnglish(module: string): Promise<Tree> {
  const files = Object.fromEntries(Object.entries(PAGES_ENGLISH).filter(([file]) => file.startsWith(`../modules/${module}/`)));
  return merge(await fetched(files));
}

/** Every translation file of one language (all languages without one), fetched where need be. */
export async function loadTranslationFiles(language?: Locale): Promise<TranslationFile[]> {
  const english = Object.entries(PUBLIC_ENGLISH).map(([file, tree]) => fileOf(file, tree));
  const wanted = (files: Record<string, () => Promise<Tree>>) =>
    Object.fromEntries(Object.entries(files).filter(([file]) => !language || fileOf(file, {}).language === language));
  const others = await fetched({ ...wanted(SIGNED_IN_ENGLISH), ...wanted(PAGES_ENGLISH), ...wanted(OTHERS) });
  return [...english, ...others].filter((file) => !language || file.language === language);
}

/** One language's strings, fetched if need be. */
export async function loadTranslations(language: Locale): Promise<Tree> {
  return merge(await loadTranslationFiles(language));
}

/** One language's strings out of already loaded files. */
export function translationsOf(files: TranslationFile[], language: Locale): Tree {
  return merge(files.filter((file) => file.language === language));
}
