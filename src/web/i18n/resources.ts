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
 * English is the fallback language, so it is bundled with the app; French and Arabic are fetched
 * only by a reader who uses them (the build puts each language's files in one chunk, see
 * vite.config.ts), so nobody downloads three languages to read one.
 */
const ENGLISH = import.meta.glob<Tree>(['../app/i18n/en.json', '../modules/**/i18n/en.json'], {
  eager: true,
  import: 'default',
});
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

/** The English strings: the namespaces of all its files side by side (i18next's `translation`). */
export function englishTranslations(): Tree {
  return merge(Object.entries(ENGLISH).map(([file, tree]) => fileOf(file, tree)));
}

/** Every translation file of one language (all languages without one), English at once, others fetched. */
export async function loadTranslationFiles(language?: Locale): Promise<TranslationFile[]> {
  const english = Object.entries(ENGLISH).map(([file, tree]) => fileOf(file, tree));
  const others = await Promise.all(
    Object.entries(OTHERS)
      .filter(([file]) => !language || fileOf(file, {}).language === language)
      .map(async ([file, load]) => fileOf(file, await load())),
  );
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
