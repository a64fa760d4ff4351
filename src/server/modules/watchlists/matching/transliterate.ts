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
export function arabicToLatin(word: string): string {
  const letters = [...word].filter((c) => c in ARABIC);
  let out = '';
  let afterConsonant = false;
  letters.forEach((letter, index) => {
    let sound: string;
    if (index === 0) sound = ARABIC[letter] ?? '';
    else if (ARABIC_VOWEL_SEATS.has(letter)) sound = 'a';
    else if (letter === 'و') sound = afterConsonant ? 'u' : 'w';
    else if (letter === 'ي' || letter === 'ی') sound = afterConsonant ? 'i' : 'y';
    else sound = ARABIC[letter] ?? '';
    out += sound;
    const consonant = sound !== '' && !/^[aiu]$/.test(sound);
    afterConsonant = consonant;
    const next = letters[index + 1];
    const nextIsConsonant =
      next !== undefined && !ARABIC_VOWEL_SEATS.has(next) && next !== 'ة' && next !== 'ع' && next !== 'ء' &&
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

/** Ge'ez consonant rows (8 code points each from U+1200: seven vowel orders and a `-wa` form). */
const GEEZ_ROWS: Record<number, string> = {
  0x1200: 'h',
  0x1208: 'l',
  0x1210: 'h',
  0x1218: 'm',
  0x1220: 's',
  0x1228: 'r',
  0x1230: 's',
  0x1238: 'sh',
  0x1240: 'q',
  0x1248: 'q',
  0x1250: 'q',
  0x1260: 'b',
  0x1268: 'v',
  0x1270: 't',
  0x1278: 'ch',
  0x1280: 'h',
  0x1288: 'h',
  0x1290: 'n',
  0x1298: 'ny',
  0x12a0: '',
  0x12a8: 'k',
  0x12b0: 'k',
  0x12b8: 'h',
  0x12c8: 'w',
  0x12d0: '',
  0x12d8: 'z',
  0x12e0: 'zh',
  0x12e8: 'y',
  0x12f0: 'd',
  0x12f8: 'd',
  0x1300: 'j',
  0x1308: 'g',
  0x1310: 'g',
  0x1318: 'g',
  0x1320: 't',
  0x1328: 'ch',
  0x1330: 'p',
  0x1338: 'ts',
  0x1340: 'ts',
  0x1348: 'f',
  0x1350: 'p',
};
const GEEZ_ORDERS = ['e', 'u', 'i', 'a', 'e', '', 'o', 'wa'];
/** Rows whose first order sounds `a` (ሀ ሐ ኀ አ ዐ: Haile, Mehari, Abebe). */
const GEEZ_LARYNGEALS = new Set([0x1200, 0x1210, 0x1280, 0x12a0, 0x12d0]);

export function geezToLatin(word: string): string {
  let out = '';
  for (const char of word) {
    const code = char.codePointAt(0) ?? 0;
    const row = code - (code % 8);
    const consonant = GEEZ_ROWS[row];
    if (consonant === undefined) continue;
    const order = code % 8;
    const vowel = order === 0 && GEEZ_LARYNGEALS.has(row) ? 'a' : GEEZ_ORDERS[order];
    out += consonant + vowel;
  }
  return out;
}
