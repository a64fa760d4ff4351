/**
 * When two spellings are two names: the nisba, the feminine form, a Central Asian family name built on
 * another father's name, another stem, a vowel that makes another name. The aligner asks these before
 * it reads a difference as a variant or a slip.
 */
import { joinedAbd } from './forms.js';
import { phoneticKey, skeleton } from './phonetic.js';
import type { Part } from './prepare.js';
import { typingDistance } from './similarity.js';
import { familyOf } from './variants.js';

/**
 * Mansour/Mansouri, Hassan/Hassani, Chaouch/Chaouachi: the adjective of a name (its nisba, which
 * may also lengthen a vowel) is another family name.
 */
export function nisba(a: string, b: string) {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (short.length < 4 || /[aeiouy]$/.test(short) || !/[^aeiouy][iy]$/.test(long)) return false;
  const stem = long.slice(0, -1);
  return (
    stem === short ||
    (stem.length === short.length + 1 && skeleton(stem) === skeleton(short) && stem.startsWith(short.slice(0, 3)))
  );
}

export const RUSSIAN_SURNAME = /^(.{3,}?)(ov|ev|yev|iev)$/;
export const TAJIK_SURNAME = /^(.{3,}?)(zoda|zade|zada|zodah)$/;

/** The stem of a Central Asian family name (Rahimov, Rahimzoda → rahim), if it is one. */
export function surnameStem(text: string): string | undefined {
  const match = RUSSIAN_SURNAME.exec(text) ?? TAJIK_SURNAME.exec(text);
  return match ? phoneticKey(match[1]!) : undefined;
}

/**
 * Dzhumabaev/Dzhumaev, Yunusov/Yusupov: Central Asian family names made of two fathers' names a
 * syllable apart (a consonant and a vowel more), which no typo makes.
 */
export function otherFatherNames(a: string, b: string) {
  if (!a.endsWith('v') || !b.endsWith('v')) return false;
  const ma = RUSSIAN_SURNAME.exec(a);
  const mb = ma && RUSSIAN_SURNAME.exec(b);
  if (!ma || !mb) return false;
  const [sa, sb] = [skeleton(ma[1]!), skeleton(mb[1]!)];
  return sa !== sb && Math.abs(ma[1]!.length - mb[1]!.length) >= 2 && (sa.startsWith(sb) || sb.startsWith(sa));
}

/** Rahimov / Rahimzoda: a Tajik family name rewritten from the Russian ending to the Persian one. */
export function tajikForms(a: string, b: string) {
  const russian = RUSSIAN_SURNAME.exec(a) ?? RUSSIAN_SURNAME.exec(b);
  const tajik = TAJIK_SURNAME.exec(a) ?? TAJIK_SURNAME.exec(b);
  return Boolean(russian && tajik && phoneticKey(russian[1]!) === phoneticKey(tajik[1]!));
}

/** A final ع (جامع Jama, جمعة Jumaa) is written a in Latin: no feminine ending there. */
export const endsInAin = (part: Part) => part.origin === 'arabic' && part.written.endsWith('ع');

/** Said/Saida, Karim/Karima, Yusupov/Yusupova: the feminine form of a name is another name. */
export function genderForms(a: string, b: string) {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return (
    long === `${short}a` ||
    long === `${short}ah` ||
    (long.length > 5 && long === `${short.replace(/a$/, '')}ova`) ||
    // Aminou/Aminatou, Aminu/Aminatu: the Hausa and Fula feminine -atou on a man's name in -ou.
    (long.length === short.length + 2 && /[^aeiou](ou|u)$/.test(short) && long === short.replace(/(ou|u)$/, 'at$1'))
  );
}

/**
 * Hassane/Hassana, Kamel/Kamila: a known man's name against a name no table knows that is a spelling
 * of it with a feminine -a added, its feminine form rather than another spelling (a spelling of a
 * known name is known too).
 */
export function feminineOfKnown(known: Part, other: Part) {
  if (!known.family || other.family || known.origin !== 'latin' || other.origin !== 'latin') return false;
  if (!/ah?$/.test(other.text)) return false;
  const stem = other.text.replace(/a+h?$/, '');
  return stem !== other.text && stem.length >= 3 && (familyOf(stem) === known.family || stem === known.text.replace(/e$/, ''));
}

/**
 * A slip of the hand or the scanner, which makes no other name: two neighbouring letters swapped
 * (Kieta/Keita), a letter doubled or not (Bary/Barry), letters a scanner confuses (Marnadou).
 */
export function vowelDropped(a: string, b: string) {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return 'aeiouy'.includes(long[i]!) && long.slice(i + 1) === short.slice(i);
}

/** Letters a scanner misreads (1/l, h/b, rn/m) or vowels spellings trade (e/i, o/u), not a neighbouring key. */
export const SCANNER_SLIP = 0.6;

export function slip(a: string, b: string) {
  if (a.replace(/(.)\1/g, '$1') === b.replace(/(.)\1/g, '$1')) return true;
  // A vowel more or less is a slip as often as another name (Said/Saida): it is not read as one.
  if (Math.abs(a.length - b.length) === 1 && vowelDropped(a, b)) return false;
  if (typingDistance(a, b) <= SCANNER_SLIP) return true;
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** Рахимов/Rahimova: the -ova form compared on the keys, which also differ in kh/h or o/u. */
export function feminineSurname(a: string, b: string) {
  if (Math.abs(a.length - b.length) !== 1) return false;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.endsWith('va') && long.startsWith(short) && /[ue]v$/.test(short);
}

export const longerForm = (short: Part, long: Part) =>
  long.family === `abd:${short.family}` || long.family === `din:${short.family}`;
export const abdShortForm = (short: Part, long: Part) =>
  short.short && short.family === 'abdullah' && long.family!.startsWith('abd:');

/** A family name made of a known given name: Nazarov (Nazar), Karimi (Karim), Rahimova (Rahim). */
export const STEM = /^(.{3,}?)(ova|eva|ov|ev|i|y)$/;

/** Nazarov/Nazirov, Karimi/Karami: family names built on two different known names. */
export function otherStems(a: string, b: string) {
  const sa = STEM.exec(a);
  const sb = STEM.exec(b);
  if (!sa || !sb || sa[2]!.replace(/a$/, '') !== sb[2]!.replace(/a$/, '')) return false;
  // Abdyrakhmanov/Abdyrakhimov: Abd-names the table knows by their stem.
  const fa = joinedAbd(sa[1]!) ?? familyOf(sa[1]!);
  const fb = joinedAbd(sb[1]!) ?? familyOf(sb[1]!);
  return Boolean(fa && fb && fa !== fb);
}
