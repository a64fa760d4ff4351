import { describe, expect, it } from 'vitest';
import { THEME_IDS } from '../../../../shared/knowledge/vocabulary/themes-data.js';
import {
  COUNTRY_ENTRIES,
  GLOSSARY,
  GLOSSARY_LANGUAGES,
  lookUpTerm,
  termKey,
  translateQuery as translations,
} from './glossary.js';

const translateQuery = (q: string) => translations(q).map((translation) => translation.text);

describe('the glossary', () => {
  it('holds at least 300 terms, each with English and French forms', () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(300);
    for (const entry of GLOSSARY) {
      expect(entry.forms.en.length, JSON.stringify(entry.forms)).toBeGreaterThan(0);
      expect(entry.forms.fr.length, JSON.stringify(entry.forms)).toBeGreaterThan(0);
    }
  });

  it('gives every form to one term only, in every language', () => {
    const owner = new Map<string, number>();
    const clashes: string[] = [];
    GLOSSARY.forEach((entry, index) => {
      for (const language of GLOSSARY_LANGUAGES) {
        for (const form of entry.forms[language]) {
          const key = termKey(form);
          const previous = owner.get(key);
          if (previous !== undefined && previous !== index)
            clashes.push(`${form} (${GLOSSARY[previous].forms.en[0]} / ${entry.forms.en[0]})`);
          owner.set(key, index);
        }
      }
    });
    expect(clashes).toEqual([]);
  });

  it('labels every theme in English, French and Arabic', () => {
    const themes = GLOSSARY.filter((entry) => entry.kind === 'theme');
    expect(themes.map((entry) => entry.id).sort()).toEqual([...THEME_IDS].sort());
    for (const entry of themes)
      for (const language of GLOSSARY_LANGUAGES) expect(entry.forms[language].length).toBeGreaterThan(0);
  });

  it('names every country in English, French and Arabic', () => {
    expect(COUNTRY_ENTRIES.length).toBeGreaterThan(240);
    for (const entry of COUNTRY_ENTRIES) {
      for (const language of GLOSSARY_LANGUAGES)
        expect(entry.forms[language].length, `${entry.id} ${language}`).toBeGreaterThan(0);
    }
  });

  it('finds a term whatever its accents, case, hyphens and number', () => {
    expect(lookUpTerm('MINEURS NON ACCOMPAGNES')).toBe(lookUpTerm('mineur non accompagné'));
    expect(lookUpTerm('garde-frontières')?.forms.en).toContain('border guards');
    expect(lookUpTerm('Border guard')?.forms.fr).toContain('gardes-frontières');
    expect(lookUpTerm('والمنظمة الدولية للهجرة')?.forms.en).toContain('IOM');
  });
});

describe('translateQuery', () => {
  it('writes an English query in French and a French one in English', () => {
    expect(translateQuery('smuggling of migrants')).toContain('trafic de migrants');
    expect(translateQuery('return and reintegration')).toContain('Retour et réintégration');
    expect(translateQuery('gestion des frontières')).toContain('Border management');
    expect(translateQuery('unaccompanied minors')).toContain('mineurs non accompagnés');
    expect(translateQuery('fraude documentaire')).toContain('document fraud');
    expect(translateQuery('point focal')).toContain('focal point');
    expect(translateQuery('capacity building')).toContain('Renforcement des capacités');
    expect(translations('capacity building').every((translation) => translation.language === 'fr')).toBe(true);
  });

  it('leaves out a translation that holds all the words of another: it would find nothing more', () => {
    // "trafficking" alone is one of the English forms of "traite des êtres humains".
    expect(translateQuery('Traite des êtres humains')).toEqual(['trafficking']);
    expect(translateQuery('smuggling of migrants')).not.toContain('trafic illicite de migrants');
  });

  it('writes an Arabic theme or country name in both languages', () => {
    expect(translations('تهريب المهاجرين')).toEqual(
      expect.arrayContaining([
        { text: 'smuggling', language: 'en' },
        { text: 'trafic de migrants', language: 'fr' },
      ]),
    );
    expect(translateQuery('المغرب')).toEqual(['Morocco', 'Maroc']);
    expect(translateQuery('والمغرب')).toEqual(['Morocco', 'Maroc']);
  });

  it('keeps the words it does not know and drops the small words of the other language', () => {
    expect(translateQuery('unaccompanied minors in Djibouti')).toContain('mineurs non accompagnés Djibouti');
    expect(translateQuery('passeurs hawala')).toEqual(['smugglers hawala']);
  });

  it('leaves queries without terms and queries in search syntax alone', () => {
    expect(translateQuery('zorblax quokka')).toEqual([]);
    expect(translateQuery('"border management"')).toEqual([]);
    expect(translateQuery('smuggling -Libya')).toEqual([]);
  });
});
