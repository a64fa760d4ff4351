import { describe, expect, it } from 'vitest';
import { anyOf } from './repository.js';
import { COMMON_SHARE, distinctiveLexemes } from './similar.js';

const lexeme = (word: string, occurrences = 1) => ({ lexeme: word, occurrences });

describe('distinctiveLexemes', () => {
  it('takes the rarest first, then the most repeated, then the longest, and drops common ones', () => {
    const shares = new Map([
      ['border', 0.4],
      ['migrant', COMMON_SHARE + 0.01],
      ['smuggl', 0.02],
      ['frontex', 0.001],
    ]);
    const words = [
      lexeme('border', 5),
      lexeme('migrant'),
      lexeme('smuggl'),
      lexeme('frontex'),
      lexeme('zorblax'),
      lexeme('sea', 3),
    ];
    expect(distinctiveLexemes(words, shares, 10)).toEqual(['sea', 'zorblax', 'frontex', 'smuggl']);
    expect(distinctiveLexemes(words, shares, 2)).toEqual(['sea', 'zorblax']);
    expect(distinctiveLexemes([lexeme('border')], shares, 5)).toEqual([]);
  });
});

describe('anyOf', () => {
  it('quotes each lexeme so that quotes, backslashes and operators stay letters', () => {
    expect(anyOf(['smuggl', "o'brien", 'a\\b', '&|!'])).toBe("'smuggl' | 'o''brien' | 'a\\\\b' | '&|!'");
  });
});
