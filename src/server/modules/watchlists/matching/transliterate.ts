/**
 * Non-Latin scripts to Latin letters, the way names from the region are usually written in
 * passports and lists: Arabic (with vowels guessed, since they are not written), Cyrillic
 * (BGN/PCGN-like, with the Uzbek and Tajik letters) and Ge'ez (each syllable to consonant + vowel).
 * Known names never go through here letter by letter: `variants.ts` reads them whole first.
 */

const ARABIC: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ٱ: 'a',
  ء: '',
  ؤ: 'u',
  ئ: 'i',
  ب: 'b',
  ت: 't',
  ة: 'a',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ک: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ھ: 'h',
  و: 'w',
  ي: 'y',
  ی: 'y',
  ى: 'a',
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  گ: 'g',
  ڤ: 'v',
};

const ARABIC_VOWEL_SEATS = new Set(['ا', 'أ', 'آ', 'ٱ', 'ى']);

/**
 * An Arabic word in Latin letters. Short vowels are not written: an `a` is guessed between two
 * consonants (the commonest short vowel in names), `و`/`ي` after a consonant are long u/i, the
 * tā' marbūṭa is `a`, hamza seats are vowels, the shadda doubles nothing (gemination does not
 * count). The guesses only need to be close: Arabic-written parts are compared on their consonants
 * (the skeleton of `phonetic.ts`), not on these vowels.
 */
/** ض ذ ظ are d/dh/z in Arabic spellings and z in Persian, Urdu and Turkic ones (Ramadan/Ramazan, Rida/Reza). */
const PERSIAN_READINGS: Record<string, string> = { ض: 'z', ذ: 'z', ظ: 'z' };

/** The Persian/Turkic reading of an Arabic-script word, when it differs from the Arabic one. */
export function arabicToLatinPersian(word: string): string | undefined {
  if (![...word].some((c) => c in PERSIAN_READINGS)) return undefined;
  return arabicToLatin(word, PERSIAN_READINGS);
}

export function arabicToLatin(word: string, readings: Record<string, string> = {}): string {
  const letters = [...word].filter((c) => c in ARABIC);
  let out = '';
  let afterConsonant = false;
  letters.forEach((letter, index) => {
    let sound: string;
    if (index === 0) sound = ARABIC[letter] ?? '';
    else if (ARABIC_VOWEL_SEATS.has(letter)) sound = 'a';
    else if (letter === 'و') sound = afterConsonant ? 'u' : 'w';
    else if (letter === 'ي' || letter === 'ی') sound = afterConsonant ? 'i' : 'y';
    else sound = readings[letter] ?? ARABIC[letter] ?? '';
    out += sound;
    const consonant = sound !== '' && !/^[aiu]$/.test(sound);
    afterConsonant = consonant;
    const next = letters[index + 1];
    const nextIsConsonant =
      next !== undefined &&
      !ARABIC_VOWEL_SEATS.has(next) &&
      next !== 'ة' &&
      next !== 'ع' &&
      next !== 'ء' &&
      !((next === 'و' || next === 'ي' || next === 'ی') && index + 1 > 0);
    if (consonant && nextIsConsonant && index < letters.length - 2) {
      out += 'a';
      afterConsonant = false;
    }
  });
  return out;
}

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Uzbek, Tajik, Kazakh, Kyrgyz letters.
  ў: 'o',
  қ: 'q',
  ғ: 'gh',
  ҳ: 'h',
  ӣ: 'i',
  ӯ: 'u',
  ҷ: 'j',
  ә: 'a',
  ө: 'o',
  ү: 'u',
  ұ: 'u',
  ң: 'ng',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  һ: 'h',
};

/** Cyrillic in BGN/PCGN-like letters (`е` at the start of a word or after a vowel is `ye`). */
export function cyrillicToLatin(word: string): string {
  let out = '';
  let previous = '';
  for (const char of word.toLowerCase()) {
    if (char === 'е' && (previous === '' || /[aeiouy]$/.test(out))) out += 'ye';
    else out += CYRILLIC[char] ?? '';
    previous = char;
  }
  return out;
}

/**
 * Ge'ez consonant rows (ኸ, Tigrinya kh, is k: Latin spellings write Tekle for ተኽለ), one per 8 code points from U+1200 (seven vowel orders and a `-wa` form);
 * `-` for the vowel carriers አ and ዐ.
 */
const GEEZ_ROWS = 'h l h m s r s sh q q q q b v t ch h h n ny - k k k k w - z zh y d d j g g g t ch p ts ts f p'
  .split(' ')
  .map((c) => (c === '-' ? '' : c));
const GEEZ_ORDERS = ['e', 'u', 'i', 'a', 'e', '', 'o', 'wa'];
/** Rows whose first order sounds `a` (ሀ ሐ ኀ አ ዐ: Haile, Mehari, Abebe). */
const GEEZ_LARYNGEALS = new Set([0, 2, 16, 20, 26]);

export function geezToLatin(word: string): string {
  let out = '';
  for (const char of word) {
    const offset = (char.codePointAt(0) ?? 0) - 0x1200;
    const row = Math.floor(offset / 8);
    const consonant = offset >= 0 ? GEEZ_ROWS[row] : undefined;
    if (consonant === undefined) continue;
    const order = offset % 8;
    // A silent sixth order before an h would make a digraph (ፍሥሐ is Fisseha, not Fsha).
    // after d it is simply not written in Latin (ገብረመድህን is Gebremedhin, read d-h, never ذ).
    let sound = consonant;
    if (consonant.startsWith('h') && /[sckptzg]$/.test(out)) out += 'e';
    else if (consonant === 'h' && out.endsWith('d')) sound = '';
    // A word opening on the sixth order of the vowel carrier (እዮብ Eyob, እስክንድር Eskinder) is
    // spoken with its vowel.
    const vowel = order === 5 && !consonant && !out ? 'e' : GEEZ_ORDERS[order];
    out += sound + (order === 0 && GEEZ_LARYNGEALS.has(row) ? 'a' : vowel);
  }
  return out;
}
