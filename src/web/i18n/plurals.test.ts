import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';

/**
 * Reads the translation files from disk (not through the app's loader) so the check holds however
 * the languages are loaded: every plural family must have each form the language's CLDR rules
 * (`Intl.PluralRules`) can pick, or i18next shows a wrong or missing string for some counts.
 */
const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LANGUAGES = ['en', 'fr', 'ar'] as const;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
type Tree = { [key: string]: string | Tree };

function translationFolders(dir = webRoot): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (!entry.isDirectory()) return [];
    return entry.name === 'i18n' ? [full] : translationFolders(full);
  });
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object') for (const [k, v] of flatten(value, full)) out.set(k, v);
    else out.set(full, value);
  }
  return out;
}

const read = (folder: string, language: string) =>
  JSON.parse(readFileSync(path.join(folder, `${language}.json`), 'utf8')) as Tree;

const folders = translationFolders().filter((folder) => readdirSync(folder).includes('en.json'));

/** For each base key with plural forms, the forms present. */
function pluralFamilies(flat: Map<string, string>): Map<string, Set<string>> {
  const families = new Map<string, Set<string>>();
  for (const key of flat.keys()) {
    const match = PLURAL_SUFFIX.exec(key);
    if (!match) continue;
    const base = key.replace(PLURAL_SUFFIX, '');
    families.set(base, (families.get(base) ?? new Set()).add(match[1]));
  }
  return families;
}

describe('plural forms', () => {
  it('finds the translation folders', () => {
    expect(folders.length).toBeGreaterThan(10);
  });

  for (const folder of folders) {
    const name = path.relative(webRoot, folder);
    const flat = Object.fromEntries(LANGUAGES.map((language) => [language, flatten(read(folder, language))]));

    for (const language of LANGUAGES) {
      it(`${name}/${language}.json has every plural form ${language} needs`, () => {
        const required = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
        const missing: string[] = [];
        for (const [base, forms] of pluralFamilies(flat[language])) {
          for (const category of required) if (!forms.has(category)) missing.push(`${base}_${category}`);
        }
        expect(missing).toEqual([]);
      });

      it(`${name}/${language}.json: a count string is a plural family, never a lone key`, () => {
        // A lone "{{count}} items" reads wrong for 1 (and for 2, 3, 11 in Arabic).
        const lone = [...flat[language]]
          .filter(([key, value]) => !PLURAL_SUFFIX.test(key) && /\{\{count[,}]/.test(value))
          .map(([key]) => key);
        // "{{verdict}}: {{count}}" shows a number beside a label, no noun to agree.
        expect(lone.filter((key) => !key.endsWith('summaryPart'))).toEqual([]);
      });
    }

    for (const language of LANGUAGES) {
      for (const other of LANGUAGES) {
        if (other === language) continue;
        it(`every key of ${name}/${language}.json is in ${other}.json`, () => {
          const theirs = new Set([...flat[other].keys()].map((key) => key.replace(PLURAL_SUFFIX, '')));
          const missing = [...flat[language].keys()]
            .map((key) => key.replace(PLURAL_SUFFIX, ''))
            .filter((key) => !theirs.has(key));
          expect([...new Set(missing)]).toEqual([]);
        });
      }
    }
  }

  it('renders the Arabic forms of a count as CLDR wants them, with the number formatted for the locale', async () => {
    const messages = path.join(webRoot, 'modules/exchange/messages/i18n');
    const instance = i18next.createInstance();
    await instance.init({
      lng: 'ar',
      resources: Object.fromEntries(LANGUAGES.map((language) => [language, { translation: read(messages, language) }])),
      interpolation: { escapeValue: false },
    });
    const count = (n: number, lng: string) => instance.t('messages.list.count', { count: n, lng });
    const number = (n: number) => new Intl.NumberFormat('ar').format(n);
    expect(count(1, 'ar')).toBe('رسالة واحدة');
    expect(count(2, 'ar')).toBe('رسالتان');
    expect(count(3, 'ar')).toBe(`${number(3)} رسائل`);
    expect(count(11, 'ar')).toBe(`${number(11)} رسالة`);
    expect(count(100, 'ar')).toBe(`${number(100)} رسالة`);
    expect(count(1, 'fr')).toBe('1 message');
    expect(count(1000000, 'fr')).toBe(`${new Intl.NumberFormat('fr').format(1000000)} messages`);
    expect(count(1, 'en')).toBe('1 message');
    expect(count(1200, 'en')).toBe('1,200 messages');
  });
});
