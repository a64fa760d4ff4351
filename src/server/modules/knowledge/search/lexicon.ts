/**
 * A set of words that finds, for a misspelt word, the words within a small Damerau–Levenshtein
 * distance (optimal string alignment: insert, delete, substitute, swap two neighbours).
 *
 * A length-bucketed scan rather than a symmetric-delete index: a word within distance d has a length
 * within d, and each edit changes the set of letters a word holds by at most two letters, so a 32-bit
 * mask of letters discards almost every word of the right lengths with one XOR and a population
 * count before any distance is computed. Scanning 50,000 words this way takes well under a
 * millisecond, needs one mask per word (a symmetric-delete index for distance 2 would hold some fifty
 * deletions per word) and adding a word is an append.
 */

export interface Candidate {
  word: string;
  distance: number;
}

/** Bit of a character in the letter mask: a–z their own bits, anything else shares the six others. */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    mask |= 1 << (code >= 97 && code <= 122 ? code - 97 : 26 + (code % 6));
  }
  return mask;
}

function bitCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Damerau–Levenshtein distance (optimal string alignment) of `a` and `b`, or `max + 1` as soon as it
 * is known to exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let before = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[n];
}

/** Words of one length, with their letter masks. */
interface Bucket {
  words: string[];
  masks: number[];
}

export class Lexicon {
  private readonly known = new Set<string>();
  private readonly buckets: Bucket[] = [];

  constructor(words: Iterable<string> = []) {
    this.add(words);
  }

  get size(): number {
    return this.known.size;
  }

  add(words: Iterable<string>): void {
    for (const word of words) {
      if (this.known.has(word)) continue;
      this.known.add(word);
      this.buckets[word.length] ??= { words: [], masks: [] };
      const bucket = this.buckets[word.length];
      bucket.words.push(word);
      bucket.masks.push(letterMask(word));
    }
  }

  has(word: string): boolean {
    return this.known.has(word);
  }

  /** Words within `max` edits of `word` (never the word itself), nearest first, then in alphabetical order. */
  near(word: string, max: number): Candidate[] {
    const mask = letterMask(word);
    const found: Candidate[] = [];
    for (let length = Math.max(1, word.length - max); length <= word.length + max; length++) {
      const bucket = this.buckets[length];
      if (!bucket) continue;
      const { words, masks } = bucket;
      for (let i = 0; i < words.length; i++) {
        if (bitCount(masks[i] ^ mask) > 2 * max) continue;
        const distance = editDistance(word, words[i], max);
        if (distance > 0 && distance <= max) found.push({ word: words[i], distance });
      }
    }
    return found.sort((a, b) => a.distance - b.distance || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  }
}
