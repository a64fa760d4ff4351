import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadTranslationFiles, type Tree, translationsOf } from './resources.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const webRoot = path.resolve(here, '..');
const LANGUAGES = ['en', 'fr', 'ar'] as const;
// What the app loads, every language (English bundled, French and Arabic fetched on demand).
const TRANSLATION_FILES = await loadTranslationFiles();
const translationsFor = (language: (typeof LANGUAGES)[number]) => translationsOf(TRANSLATION_FILES, language);
// i18next picks one of these suffixes by the language's plural rules (Arabic has six forms, English two).
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
/** The shell's own strings; every other translation file belongs to a module and holds one namespace. */
const APP_FOLDER = 'app/i18n';

/** Every `i18n/*.json` on disk under src/web, relative to it: what the loader's pattern must find. */
function translationFilesOnDisk(dir = webRoot): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return translationFilesOnDisk(full);
    const isTranslation = entry.name.endsWith('.json') && path.basename(dir) === 'i18n';
    return isTranslation ? [path.relative(webRoot, full).split(path.sep).join('/')] : [];
  });
}

const folderOf = (file: string) => path.posix.dirname(file);

/** Every leaf as "a.b.c" → value. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of flatten(value, full)) out.set(k, v);
    } else {
      out.set(full, value);
    }
  }
  return out;
}

/** Keys with plural variants folded into their base key, as the code refers to them. */
function baseKeys(flat: Map<string, unknown>): Set<string> {
  return new Set([...flat.keys()].map((key) => key.replace(PLURAL_SUFFIX, '')));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Literal keys of `t('…')` / `t("…")` calls, and the static prefix of template keys `t(\`roles.${x}\`)`. */
function keysUsedInCode(dir = webRoot): { literal: Set<string>; prefixes: Set<string> } {
  const literal = new Set<string>();
  const prefixes = new Set<string>();
  for (const file of sourceFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\(\s*(['"])([\w.-]+)\1/g)) literal.add(match[2]);
    for (const match of text.matchAll(/\bt\(\s*`([\w.-]*)\$\{/g)) prefixes.add(match[1]);
  }
  return { literal, prefixes };
}

const flat = Object.fromEntries(LANGUAGES.map((language) => [language, flatten(translationsFor(language))])) as Record<
  (typeof LANGUAGES)[number],
  Map<string, unknown>
>;

describe('translations', () => {
  for (const language of LANGUAGES) {
    it(`the ${language} strings are all non-empty`, () => {
      const bad = [...flat[language]].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
      expect(bad.map(([key]) => key)).toEqual([]);
    });

    for (const other of LANGUAGES) {
      if (other === language) continue;
      it(`every ${language} key is in ${other}`, () => {
        const theirs = baseKeys(flat[other]);
        const missing = [...baseKeys(flat[language])].filter((key) => !theirs.has(key));
        expect(missing).toEqual([]);
      });
    }

    it(`the ${language} strings have the "other" plural form wherever they have plurals`, () => {
      const keys = [...flat[language].keys()];
      const plural = new Set(keys.filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, '')));
      const missing = [...plural].filter((base) => !flat[language].has(`${base}_other`));
      expect(missing).toEqual([]);
    });
  }

  it('loads every translation file there is, from the shell and the modules only', () => {
    const loaded = TRANSLATION_FILES.map((file) => file.path).sort();
    expect(loaded).toEqual(translationFilesOnDisk().sort());
    expect(loaded.filter((file) => !file.startsWith(`${APP_FOLDER}/`) && !file.startsWith('modules/'))).toEqual([]);
    expect(loaded).toContain(`${APP_FOLDER}/en.json`);
  });

  it('has every language, and only those, in each translation folder', () => {
    const byFolder = new Map<string, string[]>();
    for (const file of TRANSLATION_FILES)
      byFolder.set(folderOf(file.path), [...(byFolder.get(folderOf(file.path)) ?? []), file.language]);
    for (const [folder, languages] of byFolder) expect(languages.sort(), folder).toEqual([...LANGUAGES].sort());
  });

  it("gives each module's file one namespace of its own, never one another file has", () => {
    for (const language of LANGUAGES) {
      const owner = new Map<string, string>();
      for (const file of TRANSLATION_FILES.filter((each) => each.language === language)) {
        const namespaces = Object.keys(file.tree);
        if (folderOf(file.path) !== APP_FOLDER) expect(namespaces, file.path).toHaveLength(1);
        for (const namespace of namespaces) {
          expect(owner.get(namespace), `${file.path}: ${namespace}`).toBeUndefined();
          owner.set(namespace, file.path);
        }
      }
    }
  });

  it('French and Arabic are translated, not copies of English', () => {
    // Single words may be spelt the same in French ("Description", "Organisation"); sentences may not.
    // Placeholders and punctuation alone ("{{name}}, {{unit}}") are no sentence.
    const sentence = (value: unknown) => typeof value === 'string' && /\p{L}+\s+\p{L}/u.test(value.replace(/\{\{\w+\}\}/g, ''));
    for (const language of ['fr', 'ar'] as const) {
      const same = [...flat.en].filter(([key, value]) => sentence(value) && flat[language].get(key) === value);
      expect(
        same.map(([key]) => key),
        language,
      ).toEqual([]);
    }
  });

  it('every key used in the code exists in English', () => {
    const { literal, prefixes } = keysUsedInCode();
    expect(literal.size).toBeGreaterThan(50);
    const known = baseKeys(flat.en);
    expect([...literal].filter((key) => !known.has(key)).sort()).toEqual([]);
    // For keys built at run time (`roles.${role}`), at least their group must exist.
    const groups = [...prefixes].filter((prefix) => ![...known].some((key) => key.startsWith(prefix)));
    expect(groups).toEqual([]);
  });

  it("the shell uses only its own strings, never a module's", () => {
    const shell = TRANSLATION_FILES.find((file) => file.path === `${APP_FOLDER}/en.json`);
    const known = baseKeys(flatten(shell?.tree ?? {}));
    const { literal, prefixes } = keysUsedInCode(path.join(webRoot, 'app'));
    expect(literal.size).toBeGreaterThan(10);
    expect([...literal].filter((key) => !known.has(key)).sort()).toEqual([]);
    expect([...prefixes].filter((prefix) => ![...known].some((key) => key.startsWith(prefix)))).toEqual([]);
  });

  it('has a name for every role and organisation kind', async () => {
    const { ROLES, ORGANISATION_KINDS } = await import('../api/types.js');
    for (const language of LANGUAGES) {
      for (const role of ROLES) expect(flat[language].get(`roles.${role}`), `${language} roles.${role}`).toBeTruthy();
      for (const kind of ORGANISATION_KINDS) {
        expect(flat[language].get(`organisationKinds.${kind}`), `${language} ${kind}`).toBeTruthy();
      }
    }
  });
});
