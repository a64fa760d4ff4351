import { describe, expect, it } from 'vitest';
import { nameTokens } from './blind-index.js';

describe('name tokens of the blind index', () => {
  it('folds case and accents, splits on spaces, hyphens and apostrophes, and keeps joined forms', () => {
    expect(nameTokens('Élodie Marie-Claire', "N'Diaye")).toEqual(['elodie', 'marie', 'claire', 'marieclaire', 'diaye', 'ndiaye']);
    expect(nameTokens('ÉLODIE')).toEqual(nameTokens('elodie'));
    expect(nameTokens('N’Diaye')).toEqual(nameTokens("n'diaye"));
  });

  it('drops one-letter words and empty input', () => {
    expect(nameTokens('J. R. Tolkien', null, undefined, '')).toEqual(['tolkien']);
    expect(nameTokens('a b c')).toEqual([]);
  });

  it('strips Arabic short vowels so a vocalised name matches the plain one', () => {
    expect(nameTokens('مُحَمَّد')).toEqual(nameTokens('محمد'));
    expect(nameTokens('محمد')).toEqual(['محمد']);
  });
});
