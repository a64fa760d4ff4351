import { describe, expect, it } from 'vitest';
import { bestChoice, correctableTerms, glossaryWords, maxEdits, rewriteQuery, type Term } from './spelling.js';

const words = (q: string) => correctableTerms(q).map((term) => term.word);

describe('correctableTerms', () => {
  it('takes words of four letters or more, folded and in lower case', () => {
    expect(words('Trafficing of migrants')).toEqual(['trafficing', 'migrants']);
    expect(words('Sécurité aux frontiéres')).toEqual(['securite', 'frontieres']);
  });

  it('leaves quoted phrases, excluded words and codes as typed', () => {
    expect(words('"smugling networks" returm')).toEqual(['returm']);
    expect(words('smugling -returm')).toEqual(['smugling']);
    expect(words('TLP:AMBER UNHCR recomendation 2024 covid19')).toEqual(['recomendation']);
    expect(words('MA SN de la')).toEqual([]);
  });

  it('leaves words in other scripts alone', () => {
    expect(words('إعادة القبول')).toEqual([]);
  });

  it('knows where each word stands in the query', () => {
    const [term] = correctableTerms('  documment!');
    expect(term).toEqual({ word: 'documment', start: 2, end: 11 });
  });
});

describe('maxEdits', () => {
  it('allows one edit below eight letters, two from eight', () => {
    expect(maxEdits('returm')).toBe(1);
    expect(maxEdits('smugling')).toBe(2);
  });
});

describe('bestChoice', () => {
  it('prefers fewer edits, then more items, then the glossary, then the alphabet', () => {
    expect(
      bestChoice([
        { word: 'returns', distance: 2, items: 40, glossary: false },
        { word: 'return', distance: 1, items: 3, glossary: false },
        { word: 'retour', distance: 1, items: 9, glossary: false },
      ])?.word,
    ).toBe('retour');
    expect(
      bestChoice([
        { word: 'bbbb', distance: 1, items: 0, glossary: true },
        { word: 'aaaa', distance: 1, items: 0, glossary: true },
      ])?.word,
    ).toBe('aaaa');
  });

  it('offers no word that no visible item holds, unless the glossary knows it', () => {
    expect(bestChoice([{ word: 'zorblax', distance: 1, items: 0, glossary: false }])).toBeNull();
    expect(bestChoice([{ word: 'passeur', distance: 1, items: 0, glossary: true }])?.word).toBe('passeur');
  });
});

describe('rewriteQuery', () => {
  it('replaces the corrected words only, keeping a capital and everything else', () => {
    const q = 'Trafficing "of" migrants, documment';
    const [first, , third] = correctableTerms(q);
    const corrections = new Map<Term, string>([
      [third, 'document'],
      [first, 'trafficking'],
    ]);
    expect(rewriteQuery(q, corrections)).toBe('Trafficking "of" migrants, document');
  });
});

describe('glossaryWords', () => {
  it('holds the English and French words of the glossary and of country names', () => {
    const glossary = glossaryWords();
    expect(glossary.has('smuggling')).toBe(true);
    expect(glossary.has('passeurs') || glossary.has('passeur')).toBe(true);
    expect(glossary.has('morocco')).toBe(true);
    expect(glossary.has('maroc')).toBe(true);
  });
});
