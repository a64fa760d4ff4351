/**
 * Longest-match look-up of multi-word phrases over a token stream.
 *
 * Phrases are indexed by their first word, so tagging costs one map look-up per word of the text plus
 * a short comparison for the few phrases starting with that word — no regex alternation over hundreds
 * of names. Scanning left to right and taking the longest phrase first is what keeps "Guinea-Bissau"
 * from also counting as "Guinea", and "Democratic Republic of the Congo" from also counting as
 * "Republic of the Congo".
 */
import { fold, gapBefore, isAllCaps, isCapitalised, type Tokens, tokenize } from './normalize.js';

/**
 * How the case of the text must look for a phrase to count:
 * - `initial`: the first capitalised word of the definition must be capitalised in the text
 *   ("Chad" yes, "chad" no; "la Réunion" the island, "la réunion" the meeting);
 * - `free`: any case (French adjectives "marocaine", long organisation names).
 * In both, a word written in capitals in the definition ("UN", "DRC", "G5") must be in capitals in
 * the text, so the French word "au" is never the African Union.
 */
export type CaseRule = 'initial' | 'free';

export interface PhraseDefinition<V> {
  phrase: string;
  /** `null` blocks: the words are consumed and nothing is tagged ("Gulf of Guinea"). */
  value: V | null;
  caseRule: CaseRule;
  /** Extra condition on the match (context around it). */
  accept?: (tokens: Tokens, start: number, end: number) => boolean;
}

interface CompiledPhrase<V> {
  words: string[];
  strict: boolean[];
  initialIndex: number;
  value: V | null;
  accept?: (tokens: Tokens, start: number, end: number) => boolean;
}

/** Between two words of one phrase only spaces, hyphens and apostrophes may stand ("Côte d'Ivoire"). */
const PHRASE_GAP = /^[\s\-']+$/;

export class PhraseMatcher<V> {
  private readonly index = new Map<string, CompiledPhrase<V>[]>();
  /** Words written in capitals in some definition: known acronyms. */
  readonly acronyms = new Set<string>();

  constructor(definitions: Iterable<PhraseDefinition<V>>) {
    for (const definition of definitions) this.add(definition);
    for (const list of this.index.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  private add(definition: PhraseDefinition<V>): void {
    const tokens = tokenize(fold(definition.phrase));
    if (tokens.words.length === 0) throw new Error(`empty phrase: "${definition.phrase}"`);
    const strict = tokens.words.map((w) => isAllCaps(w) && /\p{L}/u.test(w) && (w.length > 1 || /\d/.test(w)));
    for (const [i, w] of tokens.words.entries()) if (strict[i]) this.acronyms.add(w.toLowerCase());
    const initialIndex =
      definition.caseRule === 'initial' ? tokens.words.findIndex((w, i) => !strict[i] && isCapitalised(w)) : -1;
    const compiled: CompiledPhrase<V> = {
      words: tokens.lower,
      strict,
      initialIndex,
      value: definition.value,
      accept: definition.accept,
    };
    const list = this.index.get(tokens.lower[0]);
    if (list) list.push(compiled);
    else this.index.set(tokens.lower[0], [compiled]);
  }

  /** Values found in the text, in order of appearance (with repeats). */
  match(tokens: Tokens): V[] {
    const found: V[] = [];
    const { lower } = tokens;
    for (let i = 0; i < lower.length; i++) {
      const candidates = this.index.get(lower[i]);
      if (!candidates) continue;
      for (const phrase of candidates) {
        if (!this.fits(phrase, tokens, i)) continue;
        if (phrase.value !== null) found.push(phrase.value);
        i += phrase.words.length - 1;
        break;
      }
    }
    return found;
  }

  /** Whether some phrase starts with this (lower-case) word. */
  starts(word: string): boolean {
    return this.index.has(word);
  }

  private fits(phrase: CompiledPhrase<V>, tokens: Tokens, start: number): boolean {
    const n = phrase.words.length;
    if (start + n > tokens.lower.length) return false;
    for (let k = 0; k < n; k++) {
      const i = start + k;
      if (tokens.lower[i] !== phrase.words[k]) return false;
      if (k > 0 && !PHRASE_GAP.test(gapBefore(tokens, i))) return false;
      if (phrase.strict[k] && !isAllCaps(tokens.words[i])) return false;
      if (k === phrase.initialIndex && !isCapitalised(tokens.words[i])) return false;
    }
    return phrase.accept ? phrase.accept(tokens, start, start + n) : true;
  }
}

/** Sorted, unique. */
export const sortedUnique = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/**
 * A short all-capitals word ("AU", "UN", "US", "BIT") inside a heading written in capitals ("RETOUR
 * AU PAYS", "LET US") is an ordinary word. True when a neighbouring word on the same line is written
 * in capitals and is not itself a known acronym.
 */
export function inCapitalsHeading(tokens: Tokens, start: number, end: number, acronyms: ReadonlySet<string>): boolean {
  const neighbour = (i: number, gap: string): boolean =>
    i >= 0 &&
    i < tokens.words.length &&
    !gap.includes('\n') &&
    tokens.words[i].length > 1 &&
    /^\p{L}+$/u.test(tokens.words[i]) &&
    isAllCaps(tokens.words[i]) &&
    !acronyms.has(tokens.lower[i]);
  const before = start > 0 ? gapBefore(tokens, start) : '';
  const after = end < tokens.words.length ? gapBefore(tokens, end) : '';
  return neighbour(start - 1, before) || neighbour(end, after);
}
