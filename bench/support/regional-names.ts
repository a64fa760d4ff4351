/**
 * Invented but realistic people of West Africa, North Africa, the Horn of Africa, the Middle East and
 * Central Asia for the screening benchmark: listed people (names, birth year, nationality, sex),
 * screening queries derived from a listed name, and unrelated names. Deterministic: the same seed
 * gives the same people on any machine, and person `i` is computed without the ones before it, so a
 * benchmark can stream a million entries and later rebuild the queries of any of them.
 */
import type { NameScript } from '../../src/shared/watchlists/vocabulary.js';
import { COUNTRY_POOLS, type CountryPool } from './regional-names-data.js';
import { ARABIC, DARI, GEEZ, SPELLING_GROUPS } from './regional-names-scripts.js';
import { hashOf, SeededRandom, streamSeed } from './seeded-random.js';

export interface GeneratedName {
  name: string;
  script: NameScript;
}

export interface GeneratedPerson {
  /** The main name in Latin letters first; sometimes the same name in another script or spelling. */
  names: GeneratedName[];
  birthYear: number;
  /** ISO 3166-1 alpha-2. */
  nationality: string;
  sex: 'female' | 'male';
}

const GIVEN_SKEW = 0.9;
const FAMILY_SKEW = 0.6;
const SALT_PERSON = 0x5eed0001;
const SALT_UNRELATED = 0x5eed0002;
const SALT_VARIANT = 0x5eed0003;

/** Running totals of the countries' weights, for a weighted draw. */
const COUNTRY_WEIGHTS: number[] = [];
for (const pool of COUNTRY_POOLS) COUNTRY_WEIGHTS.push((COUNTRY_WEIGHTS.at(-1) ?? 0) + pool.weight);

function pickCountry(random: SeededRandom): CountryPool {
  const target = random.next() * COUNTRY_WEIGHTS[COUNTRY_WEIGHTS.length - 1]!;
  return COUNTRY_POOLS[COUNTRY_WEIGHTS.findIndex((bound) => bound > target)]!;
}

/** A name other than `avoid` (a second given name, a father not named like his son). */
function givenOtherThan(random: SeededRandom, pool: readonly string[], avoid: string, exponent = GIVEN_SKEW): string {
  for (let attempt = 0; attempt < 4; attempt++) {
    const name = random.skewed(pool, exponent);
    if (name !== avoid) return name;
  }
  return random.pick(pool.filter((name) => name !== avoid));
}

function feminineFamily(family: string): string {
  return /(ov|ev)$/.test(family) ? `${family}a` : family;
}

/** The parts of a full name, in order, as the country writes it. */
function nameParts(random: SeededRandom, pool: CountryPool, sex: 'female' | 'male'): string[] {
  const givenPool = sex === 'male' ? pool.male : pool.female;
  const given = random.skewed(givenPool, GIVEN_SKEW);
  const father = () => givenOtherThan(random, pool.male, given);
  const parts: string[] = [];
  const honorifics = pool.honorifics?.[sex] ?? [];
  if (honorifics.length > 0 && random.chance(0.03)) parts.push(random.pick(honorifics));
  parts.push(given);
  switch (pool.style) {
    case 'family':
      if (pool.secondGiven && random.chance(pool.secondGiven)) parts.push(givenOtherThan(random, givenPool, given));
      parts.push(givenOtherThan(random, pool.family, parts.at(-1)!, FAMILY_SKEW));
      break;
    case 'chain': {
      const fatherName = father();
      parts.push(fatherName);
      if (pool.family.length > 0 && random.chance(0.8)) parts.push(random.skewed(pool.family, FAMILY_SKEW));
      else if (random.chance(0.65)) parts.push(givenOtherThan(random, pool.male, fatherName));
      break;
    }
    case 'ould':
      parts.push(sex === 'male' ? 'Ould' : 'Mint', random.chance(0.5) ? father() : random.skewed(pool.family, FAMILY_SKEW));
      break;
    case 'slavic': {
      const family = random.skewed(pool.family, FAMILY_SKEW);
      const fatherName = father();
      if (random.chance(0.15) && /[^aeiou]$/.test(fatherName)) parts.push(`${fatherName}${sex === 'male' ? 'ovich' : 'ovna'}`);
      parts.push(sex === 'male' ? family : feminineFamily(family));
      break;
    }
  }
  return parts;
}

const CYRILLIC_DIGRAPHS: [string, string][] = [
  ["o'", 'ў'],
  ["g'", 'ғ'],
  ['sh', 'ш'],
  ['ch', 'ч'],
  ['kh', 'х'],
  ['zh', 'ж'],
  ['yo', 'ё'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ['ye', 'е'],
];
const CYRILLIC_CYR = 'абкдефгҳижклмнопқрстуввхйз';
const CYRILLIC_LETTERS = new Map([...'abcdefghijklmnopqrstuvwxyz'].map((letter, at) => [letter, CYRILLIC_CYR[at]!]));

/** Uzbek and Tajik names in Cyrillic, by the usual letter correspondences (Bakhtiyor → Бахтиёр). */
export function toCyrillic(latin: string): string {
  return latin
    .split(' ')
    .map((word) => {
      const lower = word.toLowerCase();
      let out = '';
      for (let at = 0; at < lower.length; ) {
        const digraph = CYRILLIC_DIGRAPHS.find(([from]) => lower.startsWith(from, at));
        if (digraph) {
          out += digraph[1];
          at += digraph[0].length;
        } else {
          const letter = lower[at]!;
          out += at === 0 && letter === 'e' ? 'э' : (CYRILLIC_LETTERS.get(letter) ?? letter);
          at += 1;
        }
      }
      return out.charAt(0).toUpperCase() + out.slice(1);
    })
    .join(' ');
}

/** The name in the country's other script, when every part of it is known there. */
function otherScriptName(pool: CountryPool, parts: string[]): GeneratedName | null {
  if (pool.otherScript === 'cyrillic') return { name: toCyrillic(parts.join(' ')), script: 'cyrillic' };
  const table = pool.otherScript === 'arabic' ? ARABIC : pool.otherScript === 'dari' ? DARI : GEEZ;
  const written = parts.map((part) => table.get(part));
  if (written.some((part) => part === undefined)) return null;
  return { name: written.join(' '), script: pool.otherScript === 'ethiopic' ? 'ethiopic' : 'arabic' };
}

function personFrom(random: SeededRandom): GeneratedPerson {
  const pool = pickCountry(random);
  const sex = random.chance(0.72) ? 'male' : 'female';
  const parts = nameParts(random, pool, sex);
  const main = parts.join(' ');
  const names: GeneratedName[] = [{ name: main, script: 'latin' }];
  if (pool.otherScript && random.chance(0.35)) {
    const other = otherScriptName(pool, parts);
    if (other) names.push(other);
  }
  if (random.chance(0.12)) {
    const alias = swapSpelling(main, random);
    if (alias !== main) names.push({ name: alias, script: 'latin' });
  }
  // Born 1955–2004, most around 1980 (the mean of two uniform draws).
  const birthYear = 1955 + Math.floor(((random.next() + random.next()) / 2) * 50);
  return { names, birthYear, nationality: pool.code, sex };
}

/** Person number `index` (0-based) of the population of `seed`. */
export function personAt(index: number, seed: number): GeneratedPerson {
  return personFrom(new SeededRandom(streamSeed(seed, index, SALT_PERSON)));
}

/** The population of `seed`, one person at a time (for building large lists without holding them). */
export function* peopleOf(count: number, seed: number): Generator<GeneratedPerson> {
  for (let index = 0; index < count; index++) yield personAt(index, seed);
}

/** `count` invented people; the same (count, seed) always gives the same people. */
export function generatePeople(count: number, seed: number): GeneratedPerson[] {
  return [...peopleOf(count, seed)];
}

/**
 * An invented Latin full name drawn apart from any population (for queries that should find nobody
 * in particular). With common names it may still resemble a listed person, as in real screening.
 */
export function unrelatedName(seed: number): string {
  return personFrom(new SeededRandom(streamSeed(seed, 0, SALT_UNRELATED))).names[0]!.name;
}

const SPELLINGS = new Map<string, string[]>();
for (const group of SPELLING_GROUPS) for (const spelling of group) SPELLINGS.set(spelling.toLowerCase(), group);

/** Another transliteration of one part of the name (Mohamed → Muhammad), or the name unchanged. */
function swapSpelling(name: string, random: SeededRandom): string {
  const words = name.split(' ');
  const spans: { at: number; length: number; group: string[] }[] = [];
  for (let at = 0; at < words.length; at++) {
    for (const length of [2, 1]) {
      if (at + length > words.length) continue;
      const group = SPELLINGS.get(
        words
          .slice(at, at + length)
          .join(' ')
          .toLowerCase(),
      );
      if (group) spans.push({ at, length, group });
    }
  }
  if (spans.length === 0) return name;
  const span = random.pick(spans);
  const current = words
    .slice(span.at, span.at + span.length)
    .join(' ')
    .toLowerCase();
  const others = span.group.filter((spelling) => spelling.toLowerCase() !== current);
  words.splice(span.at, span.length, random.pick(others));
  return words.join(' ');
}

const OCR_CONFUSIONS: [string, string][] = [
  ['m', 'rn'],
  ['rn', 'm'],
  ['l', '1'],
  ['i', 'l'],
  ['o', '0'],
  ['d', 'cl'],
  ['e', 'c'],
  ['c', 'e'],
  ['h', 'b'],
];

/** One slip in one word: an OCR confusion, a dropped, doubled or swapped letter. */
function typo(name: string, random: SeededRandom): string {
  const chars = [...name];
  // Not a word's first letter: a slip there is rarer, and swapping it would move the capital.
  const isLetter = (char: string | undefined) => char !== undefined && /\p{L}/u.test(char);
  const letters = chars.flatMap((char, at) => (at > 0 && isLetter(char) && isLetter(chars[at - 1]) ? [at] : []));
  if (letters.length === 0) return doubleLetter(name);
  const at = random.pick(letters);
  const kind = random.int(4);
  if (kind === 0) {
    const rest = chars.slice(at).join('');
    const confusion = OCR_CONFUSIONS.find(([from]) => rest.startsWith(from));
    if (confusion) return chars.slice(0, at).join('') + confusion[1] + rest.slice(confusion[0].length);
  }
  if (kind === 1 && chars.length > 4) return chars.filter((_, index) => index !== at).join('');
  if (kind === 2 && isLetter(chars[at + 1]) && chars[at + 1] !== chars[at]) {
    [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
    return chars.join('');
  }
  chars.splice(at, 0, chars[at]!);
  return chars.join('');
}

const PARTICLE = /^(al-|el-|al |el )/i;
const PARTICLE_WORD = /^(ould|mint|ben|bin|ibn|el|al|abdel|abdul|abd|ait)$/i;

/** Drops an article or a filiation particle (Al-Jubouri → Jubouri, Ould Ahmed → Ahmed). */
function dropParticle(name: string): string {
  const words = name.split(' ');
  const at = words.findIndex((word, index) => index > 0 && PARTICLE_WORD.test(word) && !/^abd/i.test(word));
  if (at > 0 && at < words.length - 1) return words.filter((_, index) => index !== at).join(' ');
  return words.map((word) => word.replace(PARTICLE, '')).join(' ');
}

/** Words often written joined to the next one (Abdel Rahman / Abdelrahman, Gebre Mariam / Gebremariam). */
const JOINABLE = /^(abd|abdel|abdul|abdou|abdoul|abdi|abou|abu|ben|bin|el|al|gebre|ghebre|wolde|welde|habib|sidi|nour)$/i;

/** Joins a prefix word to the next (Abdel Rahman → Abdelrahman) or drops a hyphen (Al-Rawi → Alrawi). */
function joinWords(name: string, random: SeededRandom): string {
  const words = name.split(' ');
  const joinable = words.flatMap((word, at) => (at + 1 < words.length && JOINABLE.test(word) ? [at] : []));
  if (joinable.length === 0) return name.replace('-', '');
  const at = random.pick(joinable);
  const next = words[at + 1]!;
  const joined = words[at]! + (next === next.toUpperCase() ? next : next.toLowerCase());
  return [...words.slice(0, at), joined, ...words.slice(at + 2)].join(' ');
}

type Variation = (name: string, random: SeededRandom) => string;

const ANY_SCRIPT: Variation[] = [
  // Family name first (with its particle: El Sayed, Ould Ahmed), in capitals as on many forms.
  (name) => {
    const words = name.split(' ');
    const take = words.length > 2 && PARTICLE_WORD.test(words.at(-2)!) ? 2 : 1;
    if (words.length <= take) return name;
    const family = words.splice(words.length - take, take);
    return [...family.map((word) => word.toUpperCase()), ...words].join(' ');
  },
  // A middle name left out (never half of "Abdel Moneim" or "Ould Ahmed").
  (name, random) => {
    const words = name.split(' ');
    const prefix = (word: string) => PARTICLE_WORD.test(word) || /^(عبد|بن|ولد|منت|أبو|ابو)$/.test(word);
    const middles = words.flatMap((word, at) =>
      at > 0 && at < words.length - 1 && !prefix(word) && !prefix(words[at - 1]!) ? [at] : [],
    );
    if (middles.length === 0) return name;
    const at = random.pick(middles);
    return words.filter((_, index) => index !== at).join(' ');
  },
  typo,
];
const LATIN_ONLY: Variation[] = [
  swapSpelling,
  swapSpelling,
  dropParticle,
  joinWords,
  (name) => name.toUpperCase(),
  (name) => name.normalize('NFD').replace(/\p{M}/gu, ''),
];

/**
 * A screening query for a listed name, as an officer might type it: another transliteration, the
 * family name first, a middle name left out, a typo, a particle dropped, words joined, capitals.
 * One or two changes; never the name itself.
 */
export function variantOf(name: string, seed: number): string {
  const random = new SeededRandom(streamSeed(seed, hashOf(name), SALT_VARIANT));
  const latin = !/[^\p{Script=Latin}\p{M}\s'’.\-0-9]/u.test(name);
  const variations = latin ? [...ANY_SCRIPT, ...LATIN_ONLY] : ANY_SCRIPT;
  let result = name;
  const changes = random.chance(0.3) ? 2 : 1;
  for (let made = 0, attempts = 0; made < changes && attempts < 12; attempts++) {
    const changed = random.pick(variations)(result, random);
    if (changed !== result && changed.trim() !== '') {
      result = changed;
      made++;
    }
  }
  return result === name ? doubleLetter(name) : result;
}

/** The last resort of `variantOf`: the last letter written twice. */
function doubleLetter(name: string): string {
  return `${name}${[...name].at(-1) ?? 'a'}`;
}
