/**
 * Word forms the name preparation reads: Abd-, Abu- and al-Din compounds written joined or apart,
 * "… of God" names, Central Asian suffixes and patronymics, honorifics, and the marks of a
 * spelling (French gu/qu, Somali c). Pure functions of folded Latin text.
 */
import { phoneticKey, skeleton } from './phonetic.js';
import { abdStemOf, familyOf } from './variants.js';

const ABD_HEADS = [
  'cabdi',
  'cabd',
  'abdoul',
  'abdul',
  'abdel',
  'abdal',
  'abdil',
  'abdur',
  'abdar',
  'abder',
  'abdou',
  'abdu',
  'abdi',
  'abde',
  'abda',
  'abdo',
  // Kyrgyz and Kazakh: Abdykadyr, Abdyrakhman.
  'abdy',
  'abd',
];
export const ABD_WORDS = new Set(ABD_HEADS);
export const ABU_WORDS = new Set(['abu', 'abou', 'abo', 'abuu']);
const DIN_SUFFIX =
  /^(.{3,}?)(eddine|eddin|edine|edin|uddine|uddin|udin|iddine|iddin|addine|addin|adin|aldin|eldin|uddeen|ideen|oudine|ouddine)$/;
export const DIN_WORDS = new Set([
  'din',
  'dine',
  'deen',
  'eddine',
  'eddin',
  'uddin',
  'iddin',
  'addin',
  'edine',
  'dinne',
  // Egyptian spellings keep the article unassimilated: Gamal Eldin, Saad Eldine.
  'eldin',
  'eldine',
  'aldin',
  'aldine',
  'uldin',
]);

/** `abdelrahman` → `abd:rahman`; undefined when the word is not an Abd-name. */
export function joinedAbd(text: string): string | undefined {
  for (const head of ABD_HEADS) {
    if (!text.startsWith(head) || text.length - head.length < 3) continue;
    const rest = text.slice(head.length);
    // Abdillahi, Abdilahi, Abdoulahi: "of God" however its l's and vowels are written (but
    // Abdelilah, "of the god", is a name of its own).
    if (/^(a|e|i|u|ou)?(llaa?hi?|laa?hi)$/.test(rest)) return 'abdullah';
    const stem = abdStemOf(rest) ?? abdStemOf(rest.replace(/^(.)\1/, '$1')) ?? abdStemOf(rest.replace(/^(al|el|ul|l)/, ''));
    if (stem) return stem;
  }
  return undefined;
}

export function joinedDin(text: string): string | undefined {
  const match = DIN_SUFFIX.exec(text);
  if (!match) return undefined;
  const stem = match[1]!.replace(/[aeiou]$/, (v) => (match[1]!.length > 3 ? '' : v));
  return `din:${familyOf(stem) ?? familyOf(match[1]!) ?? dinStem(stem)}`;
}

/** An unknown name before al-Din, its e and i one vowel (Ezzeddine = Izz al-Din). */
export const dinStem = (text: string) => phoneticKey(text).replace(/e/g, 'i');

/**
 * Azizjon, Dilshodbek: the endearing -jon and the honouring -bek of Central Asia on a given name;
 * Cyrillic writes the -jon -джон or -жон (Умиджон, read umidzhon).
 */
const CENTRAL_ASIAN_SUFFIX = /^(.{4,}?)(dzhon|zhon|jon|bek)$/;

export function diminutiveOf(text: string): string | undefined {
  const match = CENTRAL_ASIAN_SUFFIX.exec(text);
  return match ? familyOf(match[1]!) : undefined;
}

/** The given name inside an unknown -jon or -bek form (Dilshodbek → dilshod), read as a short form. */
export const suffixStem = (text: string) => CENTRAL_ASIAN_SUFFIX.exec(text)?.[1];

/** French gu and qu before e or i are a hard g and k (Meguid, Chergui, Cherqui). */
export const softKeys = (text: string) => {
  const hard = text.replace(/([gq])u(?=[eiy])/g, '$1');
  return [phoneticKey(hard.replace(/g(?!h)/g, 'j')), phoneticKey(hard.replace(/g(?!h)/g, 'k'))] as const;
};

/** Central Asian "daughter of" and "son of", and the family-name ending that says the same. */
export const FATHER_OF: Record<string, string> = {
  qizi: 'ova',
  kizi: 'ova',
  qyzy: 'ova',
  kyzy: 'ova',
  ogli: 'ov',
  ugli: 'ov',
  oghli: 'ov',
  ughli: 'ov',
  uly: 'ov',
  uulu: 'ov',
};

/** Marks of Somali Latin spelling: x for ḥ, doubled long vowels, c before a consonant (Cabdi). */
export const SOMALI_SPELLING = /x|aa|ii|uu|oo|c[^aeiouh]/;

export const ALLAH = /^(allah|ullah|ulla|ullo|ollah|lah|lh|llh)$/;
const ULLAH_SUFFIX = /^(.{3,}?)(ullah|ulla|ullo|ollah|allah|illah)$/;

/**
 * The family of a "… of God" name from the name before Allah. A tā' marbūṭa there is read t in
 * Latin (Hebatallah, Rahmatullah), written ة and read a in Arabic (هبة الله), ت in Dari (رحمت الله):
 * the t is dropped, and the family keeps that the stem ended in it or in a, which its consonants
 * alone do not tell (Rahmatullah and Rahimullah are two names on one skeleton).
 */
export function ullahFamily(stem: string) {
  const bare = stem.replace(/t$/, '');
  return `ullah:${skeleton(bare)}${bare !== stem || stem.endsWith('a') ? ':a' : ''}`;
}

export function joinedUllah(text: string): string | undefined {
  const match = ULLAH_SUFFIX.exec(text);
  return match ? ullahFamily(match[1]!) : undefined;
}

/** One family per honorific, however written (El Hadji = Alhaji = Hadj). */
export const honorific = (text: string) =>
  /ha[dj]/.test(text)
    ? 'hon:hajj'
    : /^(sh|ch)[aeiy]+k/.test(text)
      ? 'hon:sheikh'
      : /^s[aey]+y*[ie]d$/.test(text)
        ? 'hon:sayyid'
        : `hon:${text}`;

/** Titles that are never a person's own name (Cheikh and Sidi are also given names). */
export const TITLE_ONLY = /^hon:(hajj|mawlawi|maulvi|molvi|mowlawi|maulana|mullah|mulla|qari|ustad|ustaz|mallam|malam)$/;

/** Russian-style patronymics and Uzbek o'g'li/qizi forms: the father's name, often left out. */
export const PATRONYMIC = /^.{3,}(ovich|evich|ovna|evna|ogli|ugli|qizi|kizi)$/;

const GAMBIAN = /[td]h?i[aeou]|ee|.{3}(ay|eh)$/;

/**
 * The key of a part as the Gambian and Sierra Leonean English spelling writes Senegambian names,
 * when it differs: ch for thi (Cherno), j for di (Jallow), -ay or -eh for a final é (Touray), ee for i.
 */
export function gambianKey(text: string): string | undefined {
  if (!GAMBIAN.test(text)) return undefined;
  const read = text
    .replace(/th?i(?=[aeou])/g, 'ch')
    .replace(/di(?=[aeou])/g, 'j')
    .replace(/ee/g, 'i')
    .replace(/(?<=.{3})(ay|eh)$/, 'e');
  return read === text ? undefined : phoneticKey(read);
}
