/**
 * A name made ready for comparison, once: tokens → transliterated → particles, honorifics and
 * titles set aside → joined forms (Abd al-Rahman, Nour Eddine, Abu Bakr) made one part → each part
 * with its name family, phonetic key, skeleton and weight. Prepared names are cached by string
 * (listed names are screened again and again).
 */

import { LruCache } from '../../../platform/lru-cache.js';
import {
  ABD_WORDS,
  ABU_WORDS,
  ALLAH,
  DIN_WORDS,
  diminutiveOf,
  dinStem,
  FATHER_OF,
  gambianKey,
  honorific,
  joinedAbd,
  joinedDin,
  joinedUllah,
  PATRONYMIC,
  SOMALI_SPELLING,
  softKeys,
  suffixStem,
  TITLE_ONLY,
  ullahFamily,
} from './forms.js';
import { shortFormOf } from './nicknames.js';
import { tokenize } from './normalise.js';
import { ARTICLES, FILIATION, HONORIFIC_HEADS, HONORIFICS, TITLES } from './particles.js';
import { phoneticKey, skeleton } from './phonetic.js';
import { abdStemOf, COMMON_FAMILIES, COMMON_SURNAMES, canonicalSpelling, familyOf } from './variants.js';
import { type Word, wordsOf } from './words.js';

export type PartOrigin = 'latin' | 'arabic' | 'cyrillic' | 'ethiopic' | 'other';

export interface Part {
  /** Folded Latin form (a known family's canonical spelling for an Arabic-written known name). */
  text: string;
  /** As written in the input, for reasons. */
  written: string;
  origin: PartOrigin;
  family?: string;
  /** Reached its family through a short form (Md., Abdou). */
  short: boolean;
  key: string;
  skeleton: string;
  /** Another reading of a part's consonants: Persian z for ض ذ ظ; Latin th as ت + ح. */
  altSkeleton?: string;
  /**
   * Keys of the part with g read as j and as k (Egyptian g for ج: Ragab/Rajab; Maghrebi g for ق:
   * Chergui/Cherqui), when it has a g.
   */
  soft?: readonly [string, string];
  /** The part read without its Somali c (ع): Cilmi → ilmi. */
  ain?: string;
  /**
   * The key of the part as the Gambian and Sierra Leonean English spelling writes Senegambian
   * names, when it differs: ch for thi (Cherno, Thierno), j for di (Jallow, Jobe), -ay or -eh for a
   * final é (Touray, Ceesay, Sanneh), ee for i.
   */
  gambian?: string;
  /** The part without a stuck-on article or filiation (Elfassi → fassi, Bensalah → salah). */
  bare?: string;
  bareKey?: string;
  /** A single letter (M. Lamine). */
  initial: boolean;
  /** Written with a full stop (Ch., Abd.): may stand for any name it begins. */
  abbreviated: boolean;
  /** An honorific: counted when both names have it, free when one leaves it out. */
  optional: boolean;
  weight: number;
  /** After a filiation particle (Ould, Ben, Bin, Mint): the father's side of the name. */
  paternal: boolean;
  /** The article written just before the part (ul in Shams ul Haq), set aside but remembered. */
  article?: string;
}

/** Two neighbouring parts written as one word (Abdel Rahman → abdelrahman). */
export interface Joined {
  text: string;
  key: string;
  skeleton: string;
  /** With the article written between them kept (Shams ul Haq → shamsulhaq, Zain al-Abidin). */
  spelled?: Joined;
}

export interface PreparedName {
  parts: Part[];
  /** `joined[i]`: parts i and i + 1 as one word. */
  joined: Joined[];
  /** Particles and titles set aside, as written. */
  particles: string[];
  /** The name had a filiation particle. */
  filiation: boolean;
}

/** Abd with its article joined to it (Abdel, Abdoul): never a name alone. */
const ABD_JOINED = /^(abd|abdel|abdal|abdil|abdul|abdoul|abdur|abder|abdar)$/;
function makePart(word: Word, family: string | undefined, short: boolean, text = word.text): Part {
  // Benali, Elfassi: a particle stuck to a name (three letters are enough when the name is known).
  // Lamrani, Lakhdar: the Maghreb writes al- before a vowel as a bare l (five letters after it).
  // Attayeb, Errahmane, Ashshami: the article's l written as the sun letter after it (five letters on).
  const stuck =
    /^(al|el|ben|bin|bel|ould)(.{3,})$/.exec(text) ??
    /^(l)([aeiou].{4,})$/.exec(text) ??
    /^[ae](sh|[tdnrsz])(\1.{4,})$/.exec(text);
  const bareMatch = stuck && (stuck[2]!.length >= 4 || familyOf(stuck[2]!)) ? stuck : null;
  return {
    text,
    written: word.written,
    origin: word.origin,
    family,
    short,
    key: phoneticKey(text),
    skeleton: skeleton(text),
    altSkeleton:
      word.alt && text === word.text
        ? skeleton(word.alt)
        : // Latin th is also ت then ح (Fathi فتحي, Fathallah), not only ث.
          word.origin === 'latin' && text.includes('th')
          ? skeleton(text.replace(/th/g, 'tah'))
          : undefined,
    soft: word.origin === 'latin' && /[gq]/.test(text) ? softKeys(text) : undefined,
    gambian: word.origin === 'latin' ? gambianKey(text) : undefined,
    bare: bareMatch && !family ? bareMatch[2] : undefined,
    bareKey: bareMatch && !family ? phoneticKey(bareMatch[2]!) : undefined,
    initial: text.length === 1,
    abbreviated: word.abbreviated && text.length <= 4,
    optional: false,
    weight: 1,
    paternal: false,
  };
}

function build(name: string): PreparedName {
  // "DIALLO, Mamadou", "Iddrisu, Mariam": the family name before a comma goes last.
  const comma = /^([^,]+),([^,]+)$/.exec(name);
  let tokens = tokenize(comma ? `${comma[2]} ${comma[1]}` : name);
  // DIALLO Mamadou: the family name written in capitals goes last, where the aligner expects it.
  if (tokens.some((t) => t.upper)) tokens = [...tokens.filter((t) => !t.upper), ...tokens.filter((t) => t.upper)];
  const words = tokens.flatMap(wordsOf);
  const parts: Part[] = [];
  const particles: string[] = [];
  let paternal = false;
  let filiation = false;
  let article: string | undefined;
  const push = (part: Part) => {
    part.paternal = paternal;
    part.article = article;
    article = undefined;
    parts.push(part);
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    const text = word.text;
    if (TITLES.has(text) && next) {
      particles.push(word.written);
      continue;
    }
    if (HONORIFIC_HEADS.has(text) && next && HONORIFICS.has(text + next.text)) {
      const part = makePart(
        { ...word, written: `${word.written} ${next.written}` },
        honorific(text + next.text),
        false,
        text + next.text,
      );
      part.optional = true;
      push(part);
      i++;
      continue;
    }
    // Oustaz, Moulana: a French clerk writes the u of a title ou.
    const title = HONORIFICS.has(text) ? text : word.origin === 'latin' ? text.replace(/ou/g, 'u') : '';
    if (HONORIFICS.has(title)) {
      const part = makePart(word, honorific(title), false);
      part.optional = true;
      push(part);
      continue;
    }
    if (ABD_WORDS.has(text) && next) {
      const after = ARTICLES.has(next.text) && words[i + 2] ? words[i + 2]! : next;
      const stem = /^(allah|ullah|illah|lah|lh|llh|allahi)$/.test(after.text)
        ? 'abdullah'
        : (abdStemOf(after.written) ?? abdStemOf(after.text) ?? (after.family && abdStemOf(after.family)));
      if (stem) {
        const written = words
          .slice(i, words.indexOf(after) + 1)
          .map((w) => w.written)
          .join(' ');
        push(makePart({ ...word, written }, stem, false, canonicalSpelling(stem)));
        i = words.indexOf(after);
        continue;
      }
      // Abd al-Mun'im, Abdel Ghaffar: an Abd-name the table does not know is still one name,
      // written joined (Abdalmunim), as the other spelling may write it (Abdelmoneim).
      // Arabic letters write no short vowel: عبد الرب leaves two letters of stem (rb).
      const stemLength = after.origin === 'arabic' ? 2 : 3;
      if ((after !== next || ABD_JOINED.test(text)) && !after.family && after.text.length >= stemLength) {
        const written = words
          .slice(i, words.indexOf(after) + 1)
          .map((w) => w.written)
          .join(' ');
        push(makePart({ ...word, written }, undefined, false, text + (after === next ? '' : next.text) + after.text));
        i = words.indexOf(after);
        continue;
      }
    }
    if (ABU_WORDS.has(text) && next && !FILIATION.has(next.text)) {
      const joined = text + next.text;
      const family = familyOf(joined) ?? familyOf(`abu${next.text}`);
      push(
        makePart(
          { ...word, written: `${word.written} ${next.written}` },
          family,
          false,
          family ? canonicalSpelling(family) : joined,
        ),
      );
      i++;
      continue;
    }
    if (FILIATION.has(text) && next && parts.length) {
      particles.push(word.written);
      paternal = true;
      filiation = true;
      continue;
    }
    // Saif Ullah, سيف الله: "… of God" names are one name (Saifullah).
    if (parts.length && ALLAH.test(text)) {
      joinUllah(parts, word.written);
      continue;
    }
    if (ARTICLES.has(text) && next && ALLAH.test(next.text) && parts.length) {
      joinUllah(parts, `${word.written} ${next.written}`);
      i++;
      continue;
    }
    if (ARTICLES.has(text) && next) {
      // al-Din after a name: Nour al-Din, Salah ad-Din.
      if (DIN_WORDS.has(next.text) && parts.length) {
        joinDin(parts, word, next);
        i++;
        continue;
      }
      particles.push(word.written);
      article = text;
      continue;
    }
    if (DIN_WORDS.has(text) && parts.length) {
      joinDin(parts, word, word);
      continue;
    }
    // Baxtiyor qizi, Akmal o'g'li: "daughter/son of" after the father's name is the Central Asian
    // patronymic, which lists also write as the family name taken from it (Baxtiyorova).
    const patronymic = next && parts.length && !word.family ? FATHER_OF[next.text] : undefined;
    if (patronymic) {
      push(makePart({ ...word, written: `${word.written} ${next!.written}` }, undefined, false, text + patronymic));
      i++;
      continue;
    }
    const din = joinedDin(text) ?? joinedUllah(text);
    const abd = din ? undefined : joinedAbd(text);
    const full = word.family ?? familyOf(text) ?? din ?? abd ?? (word.origin === 'latin' ? sahelFamily(word, text) : undefined);
    // A short form (Md., Abdou) or a Tajik/Uzbek -jon form (Azizjon) reaches its family as a
    // nickname, below a full spelling.
    const short = full ? undefined : (shortFormOf(text) ?? diminutiveOf(text));
    const stem = full || short || word.origin === 'arabic' ? undefined : suffixStem(text);
    if (stem) {
      push(makePart(word, undefined, true, stem));
      continue;
    }
    push(makePart(word, full ?? short, short !== undefined));
  }
  // An honorific is optional only beside at least two name parts (Cheikh alone is a given name).
  // A title that is never a name (Mawlawi, Hajji) stays optional even beside one name part.
  if (parts.filter((p) => !p.optional).length < 2)
    for (const p of parts) p.optional = p.optional && TITLE_ONLY.test(p.family ?? '');
  const somali = parts.some((p) => p.origin === 'latin' && SOMALI_SPELLING.test(p.text));
  // Xaawo, Sahro: Somali ends women's names in -o where Arabic has -a (Hawa, Sahra); with its x for
  // ḥ and its doubled long vowels read too, an unknown part of a Somali name may be a known name.
  if (somali)
    for (const part of parts) if (part.origin === 'latin' && !part.family) part.family = familyOf(somaliReading(part.text));
  for (const part of parts) part.weight = weightOf(part);
  // The bare l of al- marks family names (Lamrani, Lazrak); a first name is read as written
  // (Latifa is not al-Atifa).
  const first = parts[0];
  if (first?.bare && first.text.startsWith('l') && !/^(al|el)/.test(first.text)) {
    first.bare = undefined;
    first.bareKey = undefined;
  }
  // Somali Latin writes ع as c (Cabdi, Cilmi, Mucaawiye): in a name that shows Somali spelling, an
  // unknown part with c is also read without it (Cilmi = Elmi).
  if (somali)
    for (const part of parts)
      if (part.origin === 'latin' && !part.family && /c[aeiou]/.test(part.text) && !part.text.includes('ch'))
        part.ain = part.text.replace(/c/g, '');
  const joinedForm = (text: string): Joined => ({ text, key: phoneticKey(text), skeleton: skeleton(text) });
  const joined = parts.slice(1).map((part, i) => {
    const form = joinedForm(parts[i]!.text + part.text);
    if (part.article) form.spelled = joinedForm(parts[i]!.text + part.article + part.text);
    return form;
  });
  return { parts, joined, particles, filiation };
}

/**
 * Chad and the Sahel write the Arabic final ة of women's names as é (Halimé, Fatimé) and a vowel
 * after h before a consonant (Abdourahamane, Mahamat for Mahmat): a name the tables do not know is
 * looked up as that spelling's source too.
 */
function sahelFamily(word: Word, text: string) {
  if (/é$/i.test(word.written)) return familyOf(`${text.slice(0, -1)}a`);
  const plain = text.replace(/aha(?=[^aeiouy])/, 'ah');
  return plain === text ? undefined : (familyOf(plain) ?? joinedAbd(plain));
}

const somaliReading = (text: string) =>
  text
    .replace(/x/g, 'h')
    .replace(/([aeiou])\1/g, '$1')
    .replace(/^c(?=[aeiou])/, '')
    .replace(/o$/, 'a');

function joinUllah(parts: Part[], written: string) {
  const previous = parts.pop()!;
  const word: Word = {
    text: `${previous.text}ullah`,
    written: `${previous.written} ${written}`,
    origin: previous.origin,
    abbreviated: false,
  };
  const part = makePart(word, ullahFamily(previous.text), false);
  part.paternal = previous.paternal;
  parts.push(part);
}

function joinDin(parts: Part[], article: Word, din: Word) {
  const previous = parts.pop()!;
  const stem = previous.family && !previous.family.startsWith('din:') ? previous.family : dinStem(previous.text);
  const family = `din:${stem}`;
  const word: Word = {
    text: `${previous.text}eddine`,
    written: `${previous.written} ${article === din ? din.written : `${article.written} ${din.written}`}`,
    origin: previous.origin,
    abbreviated: false,
  };
  const part = makePart(word, family, false);
  part.paternal = previous.paternal;
  parts.push(part);
}

function weightOf(part: Part): number {
  if (part.initial) return 0.3;
  if (PATRONYMIC.test(part.text)) return 0.5;
  if (part.family && COMMON_FAMILIES.has(part.family)) return 0.5;
  if (COMMON_SURNAMES.has(part.text)) return 0.8;
  if (part.text.length <= 2) return 0.6;
  return 1;
}

const preparedNames = new LruCache<string, PreparedName>(20_000);

/** The prepared form of a name, from a small LRU cache. */
export function prepareName(name: string): PreparedName {
  return preparedNames.getOrSet(name, () => build(name));
}
