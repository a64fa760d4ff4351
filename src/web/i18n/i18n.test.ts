import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const webRoot = path.resolve(here, '..');
const LANGUAGES = ['en', 'fr', 'ar'] as const;
// i18next picks one of these suffixes by the language's plural rules (Arabic has six forms, English two).
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

/** Per-area translation files (`…/i18n/<lang>.json` beside the pages), as areas.ts merges them. */
function areaFiles(dir: string, language: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (!entry.isDirectory()) return [];
    const own = entry.name === 'i18n' ? [path.join(full, `${language}.json`)] : [];
    return [...own, ...areaFiles(full, language)];
  });
}

function load(language: string): Tree {
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Tree;
  const areas = areaFiles(path.join(webRoot, 'modules'), language).map(read);
  return Object.assign(read(path.join(here, `${language}.json`)), ...areas);
}

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
function keysUsedInCode(): { literal: Set<string>; prefixes: Set<string> } {
  const literal = new Set<string>();
  const prefixes = new Set<string>();
  for (const file of sourceFiles(webRoot)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\(\s*(['"])([\w.-]+)\1/g)) literal.add(match[2]);
    for (const match of text.matchAll(/\bt\(\s*`([\w.-]*)\$\{/g)) prefixes.add(match[1]);
  }
  return { literal, prefixes };
}

const flat = Object.fromEntries(LANGUAGES.map((language) => [language, flatten(load(language))])) as Record<
  (typeof LANGUAGES)[number],
  Map<string, unknown>
>;

describe('translations', () => {
  for (const language of LANGUAGES) {
    it(`${language}.json has only non-empty strings`, () => {
      const bad = [...flat[language]].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
      expect(bad.map(([key]) => key)).toEqual([]);
    });

    for (const other of LANGUAGES) {
      if (other === language) continue;
      it(`every key of ${language}.json is in ${other}.json`, () => {
        const theirs = baseKeys(flat[other]);
        const missing = [...baseKeys(flat[language])].filter((key) => !theirs.has(key));
        expect(missing).toEqual([]);
      });
    }

    it(`${language}.json has the "other" plural form wherever it has plurals`, () => {
      const keys = [...flat[language].keys()];
      const plural = new Set(keys.filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, '')));
      const missing = [...plural].filter((base) => !flat[language].has(`${base}_other`));
      expect(missing).toEqual([]);
    });
  }

  it('gives each area file its own namespace, never one of the shared files', () => {
    for (const language of LANGUAGES) {
      const shared = Object.keys(JSON.parse(readFileSync(path.join(here, `${language}.json`), 'utf8')));
      const seen = new Set(shared);
      for (const file of areaFiles(path.join(webRoot, 'modules'), language)) {
        for (const namespace of Object.keys(JSON.parse(readFileSync(file, 'utf8')))) {
          expect(seen.has(namespace), `${file}: ${namespace}`).toBe(false);
          seen.add(namespace);
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

  it('every key used in the code exists in en.json', () => {
    const { literal, prefixes } = keysUsedInCode();
    expect(literal.size).toBeGreaterThan(50);
    const known = baseKeys(flat.en);
    expect([...literal].filter((key) => !known.has(key)).sort()).toEqual([]);
    // For keys built at run time (`roles.${role}`), at least their group must exist.
    const groups = [...prefixes].filter((prefix) => ![...known].some((key) => key.startsWith(prefix)));
    expect(groups).toEqual([]);
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
