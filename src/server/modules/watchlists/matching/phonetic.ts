/**
 * Sound-alike forms of a folded Latin name part, tuned for the region's transliterations: kh/h,
 * q/k, dh/z, dj/zh/j, ch/sh/s (French and English spellings of the same sound), x/h (Somali and
 * Uzbek Latin), ph/f, th/t; doubled letters collapse (gemination is rarely written the same twice).
 *
 * - `phoneticKey`: consonants kept, each run of vowels reduced to one of four classes (a; e; i/y;
 *   o/u/ou: Hamid and Hamed are two names): Ousmane = Usman = Osman, Gebremariam = Gebremaryam, but Kone ≠ Kane, Said ≠ Saida.
 * - `skeleton`: consonants only. Arabic and Ge'ez do not write (or barely write) short vowels, so
 *   a part read from those scripts is compared to others on its skeleton.
 */

const RULES: [RegExp, string][] = [
  // French ou before a vowel is w (Oualid, Ouattara); Michael's ch is k.
  [/^ou(?=[aeiy])/, 'w'],
  [/chael/g, 'kael'],
  [/shch|tch|sch/g, 's'],
  [/dzh|dj|zh/g, 'j'],
  [/kh/g, 'h'],
  [/gh/g, 'g'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/dh/g, 'z'],
  [/sh|ch/g, 's'],
  [/ck|q/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'k'],
  [/x/g, 'h'],
  [/ou|oo/g, 'u'],
  [/ee/g, 'i'],
];

const VOWELS = /[aeiouy]/;

/** The consonant merges shared by the key and the skeleton. */
function merged(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  // h after a consonant or closing a word says nothing (Abdallah = Abdalla).
  out = out.replace(/([^aeiouyh])h/g, '$1').replace(/([aeiouy])h$/, '$1');
  out = out.replace(/(.)\1+/g, '$1');
  // A mute final e (Ousmane, Amine, Tesfaye).
  if (out.length > 3) out = out.replace(/([^aeiou])e$/, '$1').replace(/ye$/, 'y');
  return out;
}

const VOWEL_CLASS: Record<string, string> = { a: 'a', e: 'e', i: 'i', y: 'i', o: 'u', u: 'u' };

export function phoneticKey(text: string): string {
  const base = merged(text);
  let out = '';
  let inVowels = false;
  for (let i = 0; i < base.length; i++) {
    const char = base[i]!;
    const vowel = VOWELS.test(char) && !(char === 'y' && i === 0);
    if (vowel) {
      if (!inVowels) out += VOWEL_CLASS[char];
      inVowels = true;
    } else {
      out += char;
      inVowels = false;
    }
  }
  return out;
}

export function skeleton(text: string): string {
  // Arabic ق and غ, Ge'ez ቀ and ገ come out as q, k or g in Latin spellings (Qasim, Kassim, Gasim).
  const base = merged(text).replace(/g/g, 'k');
  let out = '';
  for (let i = 0; i < base.length; i++) {
    const char = base[i]!;
    if (VOWELS.test(char) && !(char === 'y' && i === 0)) continue;
    if ((char === 'w' || char === 'y') && i > 0) continue;
    if (out.endsWith(char)) continue;
    out += char;
  }
  return out;
}
