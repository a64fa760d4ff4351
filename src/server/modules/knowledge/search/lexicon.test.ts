import { describe, expect, it } from 'vitest';
import { editDistance, Lexicon } from './lexicon.js';

describe('editDistance (Damerau–Levenshtein, optimal string alignment)', () => {
  it.each([
    ['trafficing', 'trafficking', 1],
    ['smugling', 'smuggling', 1],
    ['returm', 'return', 1],
    ['recieve', 'receive', 1],
    ['documment', 'document', 1],
    ['passeurss', 'passeurs', 1],
    ['frontiere', 'frontiere', 0],
    ['abcd', 'badc', 2],
    ['kitten', 'sitting', 3],
  ])('%s → %s: %i', (a, b, distance) => {
    expect(editDistance(a, b, 3)).toBe(distance);
    expect(editDistance(b, a, 3)).toBe(distance);
  });

  it('stops at the bound: anything farther is max + 1', () => {
    expect(editDistance('migration', 'integration', 1)).toBe(2);
    expect(editDistance('border', 'borderland', 2)).toBe(3);
  });
});

describe('Lexicon', () => {
  const lexicon = new Lexicon(['trafficking', 'traffic', 'smuggling', 'smugglers', 'return', 'returns', 'retour', 'document']);

  it('finds the words within the distance, nearest first, never the word itself', () => {
    expect(lexicon.near('trafficing', 2)).toEqual([{ word: 'trafficking', distance: 1 }]);
    expect(lexicon.near('returm', 1)).toEqual([{ word: 'return', distance: 1 }]);
    expect(lexicon.near('returm', 2).map((c) => c.word)).toEqual(['return', 'retour', 'returns']);
    expect(lexicon.near('return', 1)).toEqual([{ word: 'returns', distance: 1 }]);
    expect(lexicon.has('return')).toBe(true);
    expect(lexicon.has('returm')).toBe(false);
  });

  it('counts a swap of two neighbours as one edit', () => {
    expect(lexicon.near('smuggilng', 1)).toEqual([{ word: 'smuggling', distance: 1 }]);
  });

  it('adds words once', () => {
    const words = new Lexicon(['a', 'b']);
    words.add(['b', 'c']);
    expect(words.size).toBe(3);
  });

  it('answers over 50,000 words, finding the one word near among look-alikes', () => {
    // Deterministic pseudo-random words of 4–14 letters, as a large library's vocabulary.
    let seed = 42;
    const next = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    };
    const words: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      const length = 4 + (next() % 11);
      let word = '';
      for (let j = 0; j < length; j++) word += String.fromCharCode(97 + (next() % 26));
      words.push(word);
    }
    words.push('recommendation');
    const large = new Lexicon(words);
    expect(large.size).toBeGreaterThan(49_000);
    for (const typo of ['recomendation', 'recommendatoin', 'recommandation']) {
      expect(large.near(typo, 2).map((c) => c.word)).toContain('recommendation');
    }
    // Each lexicon word is found from itself with one letter dropped.
    for (const word of words.slice(0, 200)) {
      expect(large.near(word.slice(1), word.length - 1 >= 8 ? 2 : 1).map((c) => c.word)).toContain(word);
    }
  });
});
