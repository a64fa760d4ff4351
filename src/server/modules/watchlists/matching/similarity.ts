/**
 * String similarities of two folded parts: Jaro-Winkler (the baseline's measure) and a Damerau-
 * Levenshtein distance whose costs know typing and OCR errors (a transposition costs less than two
 * edits; rn/m, cl/d, vv/w, 0/o and 1/l are near-misses of a scanner, not different letters).
 */

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const matchedA = new Array<boolean>(la).fill(false);
  const matchedB = new Array<boolean>(lb).fill(false);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lb - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] || a[i] !== b[j]) continue;
      matchedA[i] = true;
      matchedB[j] = true;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!matchedA[i]) continue;
    while (!matchedB[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

const TRANSPOSITION = 0.6;
const VOWEL_TRANSPOSITION = 0.3;
/** A vowel typed or left out, or written differently by another transliteration. */
const VOWEL_INDEL = 0.6;
/** One vowel for another: transliterations disagree on vowels more than on consonants. */
const VOWEL_SWAP = 0.7;
const CLOSE_VOWELS = 0.5;
const OCR_LOOKALIKE = 0.6;
const FAR_VOWELS = 1;
/** A neighbouring key (QWERTY or AZERTY): a slip of the finger. */
const NEAR_KEY = 0.8;
/** A consonant swapped for a far one makes another name more often than a typo (Karimov/Kasimov). */
const FAR_CONSONANT = 1.5;

const isVowel = (c: string) => 'aeiouy'.includes(c);

/** Voiced and unvoiced twins, often swapped between spellings (Dupont/Dupond, Ahmed/Ahmet). */
const VOICING = ['td', 'bp', 'gk', 'vf', 'sz'];
const VOICING_COST = 0.6;

/** Costs by character code (a..z; anything else costs 1): filled once, read in the inner loop. */
const SIZE = 128;
const SUBSTITUTION = (() => {
  const table = new Float64Array(SIZE * SIZE).fill(1);
  const set = (a: string, b: string, cost: number) => {
    table[a.charCodeAt(0) * SIZE + b.charCodeAt(0)] = cost;
    table[b.charCodeAt(0) * SIZE + a.charCodeAt(0)] = cost;
  };
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (const a of letters)
    for (const b of letters) {
      if (isVowel(a) && isVowel(b)) set(a, b, VOWEL_SWAP);
      else if (!isVowel(a) && !isVowel(b)) set(a, b, FAR_CONSONANT);
    }
  for (const rows of [
    ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
    ['azertyuiop', 'qsdfghjklm', 'wxcvbn'],
  ])
    rows.forEach((row, r) => {
      const below = rows[r + 1];
      for (let i = 0; i < row.length; i++) {
        const key = row[i]!;
        for (const near of [row[i + 1], below?.[i], below?.[i - 1]]) if (near) set(key, near, NEAR_KEY);
      }
    });
  for (const [a, b] of VOICING) set(a!, b!, VOICING_COST);
  // Letters a scanner or a tired eye takes for one another (Hahiba/Habiba, Yovsuf/Yousuf, Kcita/Keita).
  for (const [a, b] of ['hb', 'uv', 'il', 'oq', 'ec', 'vy']) set(a!, b!, OCR_LOOKALIKE);
  // e/i and o/u: the same vowel heard by different clerks (Yirga/Yerga, Usmonov/Usmunov).
  set('e', 'i', CLOSE_VOWELS);
  set('o', 'u', CLOSE_VOWELS);
  // a against i or u is another name more often than another spelling (Karimi/Karami,
  // Nazarov/Nazirov, Rahmouni/Rahmani): open and closed vowels are heard apart.
  for (const closed of 'iuo') set('a', closed, FAR_VOWELS);
  set('a', 'e', 0.5);
  for (let c = 0; c < SIZE; c++) table[c * SIZE + c] = 0;
  return table;
})();
const INDEL = (() => {
  const table = new Float64Array(SIZE).fill(1);
  for (const v of 'aeiouy') table[v.charCodeAt(0)] = VOWEL_INDEL;
  return table;
})();

const IS_VOWEL = (() => {
  const table = new Uint8Array(SIZE);
  for (const v of 'aeiouy') table[v.charCodeAt(0)] = 1;
  return table;
})();

const code = (text: string, i: number) => text.charCodeAt(i) & (SIZE - 1);

let rowBefore = new Float64Array(64);
let rowPrevious = new Float64Array(64);
let rowCurrent = new Float64Array(64);

/**
 * Optimal string alignment distance (Damerau-Levenshtein without re-editing a transposed pair), with
 * costs for names: vowels in or out and neighbouring keys cost less, far consonants more.
 */
export function damerauLevenshtein(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (rowPrevious.length <= lb) {
    rowBefore = new Float64Array(lb + 1);
    rowPrevious = new Float64Array(lb + 1);
    rowCurrent = new Float64Array(lb + 1);
  }
  let before = rowBefore;
  let previous = rowPrevious;
  let current = rowCurrent;
  previous[0] = 0;
  for (let j = 1; j <= lb; j++) previous[j] = previous[j - 1]! + INDEL[code(b, j - 1)]!;
  for (let i = 1; i <= la; i++) {
    const ca = code(a, i - 1);
    const deleteA = INDEL[ca]!;
    current[0] = previous[0]! + deleteA;
    for (let j = 1; j <= lb; j++) {
      const cb = code(b, j - 1);
      const cost = SUBSTITUTION[ca * SIZE + cb]!;
      let value = previous[j]! + deleteA;
      const insert = current[j - 1]! + INDEL[cb]!;
      if (insert < value) value = insert;
      const replace = previous[j - 1]! + cost;
      if (replace < value) value = replace;
      if (cost && i > 1 && j > 1 && ca === code(b, j - 2) && code(a, i - 2) === cb) {
        // Two vowels swapped (Keita/Kieta) is a slip of the hand, not another name.
        const swap = IS_VOWEL[ca] && IS_VOWEL[cb] ? VOWEL_TRANSPOSITION : TRANSPOSITION;
        if (before[j - 2]! + swap < value) value = before[j - 2]! + swap;
      }
      current[j] = value;
    }
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return previous[lb]!;
}

/** Letter groups a scanner mistakes for one another, each read as its likelier letter. */
const OCR_GROUPS: [RegExp, string][] = [
  [/rn/g, 'm'],
  [/cl/g, 'd'],
  [/vv/g, 'w'],
  [/ii/g, 'u'],
];
const OCR_COST = 0.3;
const OCR_PRONE = /rn|cl|vv|ii/;

export function ocrRead(text: string): { text: string; changes: number } {
  let changes = 0;
  let out = text;
  for (const [pattern, letter] of OCR_GROUPS)
    out = out.replace(pattern, () => {
      changes++;
      return letter;
    });
  return { text: out, changes };
}

/** Edit distance with OCR near-misses at a reduced cost. */
export function typingDistance(a: string, b: string): number {
  const plain = damerauLevenshtein(a, b);
  if (plain === 0) return 0;
  if (!OCR_PRONE.test(a) && !OCR_PRONE.test(b)) return plain;
  const ra = ocrRead(a);
  const rb = ocrRead(b);
  if (!ra.changes && !rb.changes) return plain;
  return Math.min(plain, damerauLevenshtein(ra.text, rb.text) + OCR_COST * (ra.changes + rb.changes));
}

/**
 * 0..1 from the typing distance, strict on short parts: one letter off in Sarr/Sall or Kone/Kane
 * is another name, one letter off in Coulibaly is a typo.
 */
export function editSimilarity(a: string, b: string): number {
  const length = Math.max(a.length, b.length);
  if (!length) return 0;
  const distance = typingDistance(a, b);
  const perEdit = 1 / length + Math.max(0, 6 - length) * 0.12;
  const raw = Math.max(0, 1 - distance * perEdit);
  // Steep below 0.9: a typo keeps a part close; a part two real edits away is another name.
  return raw >= 0.9 ? raw : Math.max(0, 0.9 - (0.9 - raw) * 3.5);
}
