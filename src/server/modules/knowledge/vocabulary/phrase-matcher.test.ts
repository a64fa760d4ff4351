import { describe, expect, it } from 'vitest';
import { fold, foldedTokens, tokenize } from './normalize.js';
import { PhraseMatcher } from './phrase-matcher.js';

describe('fold', () => {
  it.each([
    ['Sénégal', 'Senegal'],
    ['Côte d’Ivoire', "Cote d'Ivoire"],
    ['Guinée–Bissau', 'Guinee-Bissau'],
    ['Türkiye', 'Turkiye'],
    ['mis en œuvre', 'mis en oeuvre'],
    ['12\u00a0pays', '12 pays'],
    ['Cote d`Ivoire', "Cote d'Ivoire"],
    ['plain ASCII', 'plain ASCII'],
  ])('%s → %s', (text, folded) => {
    expect(fold(text)).toBe(folded);
  });
});

describe('tokenize', () => {
  it('splits words and keeps their positions', () => {
    const tokens = tokenize("Côte d'Ivoire, G5");
    expect(tokens.words).toEqual(['Côte', 'd', 'Ivoire', 'G5']);
    expect(tokens.lower).toEqual(['côte', 'd', 'ivoire', 'g5']);
    expect(tokens.starts).toEqual([0, 5, 7, 15]);
  });

  it('remembers the last text so the four taggers fold it once', () => {
    expect(foldedTokens('Le Sénégal')).toBe(foldedTokens('Le Sénégal'));
  });
});

describe('PhraseMatcher', () => {
  const matcher = new PhraseMatcher<string>([
    { phrase: 'Guinea', value: 'GN', caseRule: 'initial' },
    { phrase: 'Guinea-Bissau', value: 'GW', caseRule: 'initial' },
    { phrase: 'Gulf of Guinea', value: null, caseRule: 'free' },
    { phrase: 'UN', value: 'UN', caseRule: 'free' },
    { phrase: 'la Réunion', value: 'RE', caseRule: 'initial' },
  ]);
  const match = (text: string) => matcher.match(tokenize(fold(text)));

  it.each([
    ['the longest phrase wins', 'Guinea-Bissau and Guinea', ['GW', 'GN']],
    ['a blocking phrase consumes its words', 'the Gulf of Guinea', []],
    ['capitals are required where the definition has them', 'guinea, un, UN', ['UN']],
    ['only the first capitalised word of the definition is checked', 'la Réunion, La réunion', ['RE']],
    ['words of a phrase are separated by spaces, hyphens or apostrophes only', 'Guinea. Bissau', ['GN']],
  ])('%s', (_name, text, expected) => {
    expect(match(text)).toEqual(expected);
  });

  it('knows the acronyms of its definitions', () => {
    expect(matcher.acronyms.has('un')).toBe(true);
  });
});
