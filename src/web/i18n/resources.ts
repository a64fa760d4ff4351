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
 */
const FILES = import.meta.glob<Tree>(['../app/i18n/*.json', '../modules/**/i18n/*.json'], { eager: true, import: 'default' });

export const TRANSLATION_FILES: TranslationFile[] = Object.entries(FILES).map(([file, tree]) => ({
  path: file.replace(/^\.\.\//, ''),
  language: file.replace(/^.*\/|\.json$/g, ''),
  tree,
}));

/** One language's strings: the namespaces of all its files side by side (i18next's `translation`). */
export function translationsFor(language: Locale): Tree {
  return Object.assign({}, ...TRANSLATION_FILES.filter((file) => file.language === language).map((file) => file.tree));
}
