/**
 * Which part of the screened name meets which part of the listed name, and how well. Each pair of
 * parts gets a similarity and a reason; parts split on one side and written as one on the other
 * (Abdel Rahman / Abdelrahman, Mame-Diarra / Mamediarra) are compared joined; then the best
 * one-to-one assignment is taken, order-free (the score counts the order separately).
 */
import type { MatchKind } from '../../../../shared/watchlists/vocabulary.js';
import { softKeys } from './forms.js';
import {
  abdShortForm,
  endsInAin,
  feminineOfKnown,
  feminineSurname,
  genderForms,
  longerForm,
  nisba,
  otherFatherNames,
  otherStems,
  slip,
  tajikForms,
} from './other-names.js';
import { phoneticKey, skeleton } from './phonetic.js';
import type { Joined, Part, PreparedName } from './prepare.js';
import { editSimilarity } from './similarity.js';
import { abdSimilarity, otherVowels, spokenSimilarity } from './spellings.js';

export interface PartMatch {
  similarity: number;
  kind: MatchKind;
  /** Letters apart with no name family or spelling rule to say why: a typo, or another name. */
  unexplained?: boolean;
}

export interface Edge extends PartMatch {
  query: number[];
  listed: number[];
}

const frenchSoftG = (text: string) =>
  text
    .replace(/ge(?=[aou])/g, 'j')
    .replace(/g(?=[eiy])/g, 'j')
    .replace(/([^aeiou])e?s$/, '$1');

/** Parts read from scripts that do not write short vowels are compared on their consonants. */
const consonantal = (part: Part) => part.origin === 'arabic' || part.origin === 'ethiopic';

const withoutEI = (key: string) => key.replace(/[ei]/g, '').replace(/(.)\1+/g, '$1');
const ending = (key: string) => (/[aiu]$/.test(key) ? key.slice(-1) : 'C');

/** Ends with the -i of a nisba or a Latin final y (Mansouri, Hamdi): a different name from Mansour. */
const endsInI = (part: Part) => /[iy]$/.test(part.origin === 'arabic' ? part.text : part.text.replace(/ie$/, 'i'));

/**
 * A Latin final e that is spoken (Traore, Warsame, Toure), which Arabic writes with ي like the -i
 * of a nisba: neither spelling tells the two apart. (The e of -ane is mute: Ousmane, Hassane.)
 */
const soundedE = (part: Part) => part.origin === 'latin' && /[aou][^aeiouy]e$/.test(part.text) && !/ane$/.test(part.text);

/** The consonants of a part in each of its readings. */
const readings = (p: Part) =>
  [
    p.skeleton,
    p.altSkeleton,
    // ذ is d in the spoken Arabic of Egypt, Libya and the Gulf (القذافي Gaddafi, كاظم Kadim).
    p.origin === 'arabic' && p.text.includes('dh') ? skeleton(p.text.replace(/dh/g, 'd')) : undefined,
    // The French soft g and mute final s of Levantine Christian names (Georges جورج, Gilbert).
    p.origin === 'latin' && /g[eiy]/.test(p.text) ? skeleton(frenchSoftG(p.text)) : undefined,
  ].filter(Boolean) as string[];

/** An Arabic-script part met on its consonants (either reading), its final -i kept apart. */
function arabicSimilarity(q: Part, l: Part): PartMatch {
  const qs = readings(q);
  const ls = readings(l);
  const same = q.skeleton.length >= 2 && qs.some((a) => ls.includes(a));
  if (same && (endsInI(q) === endsInI(l) || soundedE(q) || soundedE(l))) return { similarity: 0.9, kind: 'transliteration' };
  let best = 0;
  for (const a of qs) for (const b of ls) best = Math.max(best, editSimilarity(a, b) * 0.95);
  return { similarity: same ? Math.min(best, 0.5) : best, kind: 'transliteration' };
}

/**
 * Ge'ez writes its vowels, except the sixth order (ə), which Latin spellings write as e, i or
 * nothing (ብርሃኑ Birhanu, ግርማ Girma): e/i are free, other vowels count, the final one most.
 */
function geezSimilarity(q: Part, l: Part): PartMatch {
  const reread = (text: string) => ({ key: phoneticKey(text), skeleton: skeleton(text) });
  // Latin spellings of Ethiopian names write d+h as dh (Medhin), not the Arabic ذ.
  // Ethiopian Latin writes ኘ (ñ) as gn (Dagnachew, Tegegne), which the Ge'ez side reads ny.
  const forGeez = (p: Part) =>
    p.origin !== 'ethiopic' && /dh|gn/.test(p.text) ? reread(p.text.replace(/dh/g, 'd').replace(/gn/g, 'ny')) : p;
  const plain = geezForms(forGeez(q), forGeez(l));
  // A sixth-order consonant before h may be spoken with its vowel (ኣብርሃ Abraha): then the h is a
  // letter of its own, not the mute h of kh or rh.
  const [geez, latin] = q.origin === 'ethiopic' ? [q, forGeez(l)] : [l, forGeez(q)];
  let best = plain;
  // A final ሀ or ሐ is Latin -ha (Fisseha) or -he (Berhe): its first order sounds between the two.
  if (/ha$/.test(geez.text)) {
    const closing = geezForms(reread(geez.text.replace(/ha$/, 'he')), latin);
    if (closing.similarity > best.similarity) best = closing;
  }
  if (!/[bflmnrw]h/.test(geez.text)) return best;
  const voiced = geezForms(reread(geez.text.replace(/([bflmnrw])h/g, '$1eh')), latin);
  return voiced.similarity > best.similarity ? voiced : best;
}

function geezForms(a: { key: string; skeleton: string }, b: { key: string; skeleton: string }): PartMatch {
  if (withoutEI(a.key) === withoutEI(b.key)) return { similarity: 0.9, kind: 'transliteration' };
  const sameEnd = ending(a.key) === ending(b.key);
  if (sameEnd && a.skeleton === b.skeleton) return { similarity: 0.86, kind: 'transliteration' };
  return { similarity: editSimilarity(a.key, b.key) * 0.95, kind: 'transliteration' };
}

const noMatch: PartMatch = { similarity: 0, kind: 'edit_distance' };

const softAgainst = (a: Part, b: Part) => a.soft !== undefined && (b.text.includes('j') || b.text.includes('q'));

/** Ragab/Rajab, Hegazy/Hijazi, Chergui/Cherqui: g read as the j or the q it stands for. */
function softSimilarity(q: Part, l: Part): number {
  // Only a g against a j or a q: the other part pairs (most of them) are spared two edit distances.
  if (!softAgainst(q, l) && !softAgainst(l, q)) return 0;
  let best = 0;
  // g is read as k only against a q (Gasim/Qasim), not against any k (Gane/Kane are two names).
  const readings = q.text.includes('q') || l.text.includes('q') ? [0, 1] : [0];
  for (const reading of readings) {
    const a = q.soft?.[reading] ?? q.key;
    const b = l.soft?.[reading] ?? l.key;
    best = Math.max(best, a === b ? 0.88 : editSimilarity(a, b) - 0.05);
  }
  return best;
}

/**
 * Kalthoum/Kalsoum, Othman/Osman: th for ث, which the Maghreb and Egypt say s. (West African thi is
 * a t: Thiam, Bathily, Thierno.)
 */
function thSimilarity(q: Part, l: Part): number {
  const [th, other] = q.text.includes('th') ? [q, l] : [l, q];
  if (!/th(?!i)/.test(th.text) || other.text.includes('th') || !other.text.includes('s')) return 0;
  const read = phoneticKey(th.text.replace(/th(?!i)/g, 's'));
  return read === other.key ? 0.88 : editSimilarity(read, other.key) - 0.05;
}

/** Cilmi/Elmi: a Somali c (ع) before a vowel whose quality the other spelling hears otherwise. */
function ainSimilarity(q: Part, l: Part): number {
  const [somali, other] = q.ain !== undefined ? [q, l] : [l, q];
  if (somali.ain === undefined || other.ain !== undefined) return 0;
  const read = phoneticKey(somali.ain);
  if (read === other.key) return 0.88;
  return /^[aeiou]/.test(read) && withoutEI(read) === withoutEI(other.key) ? 0.86 : 0;
}

/**
 * Uzbek and Tajik Cyrillic о is the long a of the Arabic and Persian name (Икром Ikram, Нодир
 * Nadir): a Cyrillic part is also read with a for its o (its -ov ending kept).
 */
function uzbekSimilarity(q: Part, l: Part): number {
  if ((q.origin === 'cyrillic') === (l.origin === 'cyrillic')) return 0;
  const [cyrillic, other] = q.origin === 'cyrillic' ? [q, l] : [l, q];
  if (!cyrillic.text.includes('o')) return 0;
  const read = phoneticKey(cyrillic.text.replace(/o(?!va?$)/g, 'a'));
  return read === other.key ? 0.88 : editSimilarity(read, other.key) - 0.05;
}

/**
 * Amat al-Rahman, Hibat Allah: before the name it governs, the ة of the Arabic word is spoken and
 * written t in Latin (أمة/Amat), where the Arabic reading gives a.
 */
const marbutaSimilarity = (arabic: Part, latin: Part) =>
  arabic.origin === 'arabic' &&
  latin.origin === 'latin' &&
  arabic.written.endsWith('ة') &&
  /[ae]t$/.test(latin.text) &&
  skeleton(latin.text.slice(0, -1)) === arabic.skeleton
    ? 0.88
    : 0;

const clipped = (tail: string) => tail.length >= 3 && !/^[aeiouy]|^(ov|ev)/.test(tail);

/**
 * Mht for Mahamat, Mhd for Mohamed: a clerk's abbreviation keeps the first letter, some consonants
 * in their order and the last one.
 */
function consonantAbbreviation(short: Part, full: Part) {
  if (short.text.length > 4 || short.family || short.text[0] !== full.text[0]) return false;
  if (short.origin !== 'latin' || full.origin !== 'latin' || !/^[^aeiouy]{2,4}$/.test(short.text)) return false;
  const last = /([^aeiouy])[aeiouy]*$/.exec(full.text)?.[1];
  if (short.text[0] !== full.text[0] || short.text.at(-1) !== last || full.text.length <= short.text.length) return false;
  let at = 0;
  for (const letter of short.text) {
    at = full.text.indexOf(letter, at) + 1;
    if (!at) return false;
  }
  return true;
}

export function partSimilarity(q: Part, l: Part): PartMatch {
  const crossScript = q.origin !== l.origin && (q.origin !== 'latin' || l.origin !== 'latin');
  if (q.text === l.text) return { similarity: crossScript ? 0.97 : 1, kind: crossScript ? 'transliteration' : 'exact' };
  if (q.initial || l.initial) {
    const [initial, full] = q.initial ? [q, l] : [l, q];
    return full.text.startsWith(initial.text) && !full.initial ? { similarity: 0.8, kind: 'initial' } : noMatch;
  }
  for (const [short, full] of [
    [q, l],
    [l, q],
  ] as const) {
    if (full.text.length <= short.text.length || !full.text.startsWith(short.text) || full.family === short.family) continue;
    // "Ch." for Cheikh, "Muh." for Muhammad.
    if (short.abbreviated && !short.family) return { similarity: 0.8, kind: 'initial' };
    // Nafi for Nafissatou: a known name cut short, by a syllable or more, to a form no table knows.
    // A cut that leaves off a feminine ending (Latif/Latifa, Aminat/Aminatou) is the man's name.
    if (
      !short.family &&
      full.family &&
      short.origin === 'latin' &&
      short.text.length >= 4 &&
      clipped(full.text.slice(short.text.length))
    )
      return { similarity: 0.8, kind: 'nickname' };
  }
  if (consonantAbbreviation(q, l) || consonantAbbreviation(l, q)) return { similarity: 0.8, kind: 'initial' };
  if (q.family && l.family) {
    if (q.family === l.family) {
      if (q.short || l.short) return { similarity: 0.9, kind: 'nickname' };
      return { similarity: 0.95, kind: 'transliteration' };
    }
    // Abdou, the usual short form of any Abd-name (Abdourahmane, Abdoulaye).
    if (abdShortForm(q, l) || abdShortForm(l, q)) return { similarity: 0.8, kind: 'nickname' };
    // Karim in Abdelkarim, Jamal in Jamal Eddine: the same person's name cut short, or another
    // name of its own. Low enough that agreeing birth year and nationality must confirm it.
    if (longerForm(q, l) || longerForm(l, q)) return { similarity: 0.6, kind: 'nickname' };
    // Two known names of different families are different names, however close their letters.
    return noMatch;
  }
  const gender = genderForms(q.text, l.text) || feminineSurname(q.key, l.key) || feminineOfKnown(q, l) || feminineOfKnown(l, q);
  if ((gender && !endsInAin(q) && !endsInAin(l)) || nisba(q.text, l.text)) return { similarity: 0.3, kind: 'edit_distance' };
  if (tajikForms(q.text, l.text)) return { similarity: 0.9, kind: 'transliteration' };
  // Same skeleton first: the cheap test that spares most pairs the closer look.
  if (
    q.skeleton === l.skeleton &&
    !consonantal(q) &&
    !consonantal(l) &&
    otherVowels(q.text, l.text, (q.origin === 'cyrillic') !== (l.origin === 'cyrillic'))
  )
    return { similarity: 0.3, kind: 'edit_distance' };
  if (otherStems(q.text, l.text) || otherFatherNames(q.text, l.text)) return { similarity: 0.3, kind: 'edit_distance' };
  let best: PartMatch = noMatch;
  if (q.origin === 'ethiopic' || l.origin === 'ethiopic') {
    best = geezSimilarity(q, l);
  } else if (consonantal(q) || consonantal(l)) {
    best = arabicSimilarity(q, l);
    const abd = best.similarity < 0.88 ? Math.max(abdSimilarity(q, l), marbutaSimilarity(q, l), marbutaSimilarity(l, q)) : 0;
    if (abd > best.similarity) best = { similarity: abd, kind: 'transliteration' };
  } else if (q.key === l.key) {
    best = { similarity: 0.9, kind: 'phonetic' };
  } else {
    const edit = Math.max(editSimilarity(q.text, l.text), editSimilarity(q.key, l.key) - 0.03);
    // Only a pair close enough to be aligned needs telling a slip from another name.
    const unexplained = edit >= 0.5 && !slip(q.text, l.text);
    best = { similarity: edit, kind: crossScript ? 'transliteration' : 'edit_distance', unexplained };
    // Other readings can only reach 0.88: worth trying only below that.
    const other =
      best.similarity < 0.88
        ? Math.max(
            softSimilarity(q, l),
            uzbekSimilarity(q, l),
            thSimilarity(q, l),
            ainSimilarity(q, l),
            abdSimilarity(q, l),
            spokenSimilarity(q, l),
          )
        : 0;
    if (other > best.similarity) best = { similarity: other, kind: 'transliteration' };
  }
  // Elfassi / El Fassi, Bensalah / Ben Salah: the particle stuck to the name.
  for (const [bare, bareKey, other] of [
    [q.bare, q.bareKey, l],
    [l.bare, l.bareKey, q],
  ] as const) {
    if (!bare) continue;
    const similarity =
      bare === other.text
        ? 0.92
        : bareKey === other.key || (consonantal(other) && skeleton(bare) === other.skeleton)
          ? 0.88
          : // Elsadig / Al-Sadiq: the Sudanese g for q under the article too.
            other.soft && /g/.test(bare) && softKeys(bare)[1] === other.soft[1]
            ? 0.86
            : 0;
    if (similarity > best.similarity) best = { similarity, kind: 'particle' };
  }
  return best;
}

/** Two neighbouring parts compared as one written word, with or without the article between them. */
function joinedSimilarity(joined: Joined, single: Part): PartMatch {
  const plain = joinedFormSimilarity(joined, single);
  if (!joined.spelled) return plain;
  const spelled = joinedFormSimilarity(joined.spelled, single);
  return spelled.similarity > plain.similarity ? spelled : plain;
}

function joinedFormSimilarity(joined: Joined, single: Part): PartMatch {
  if (joined.text === single.text) return { similarity: 0.97, kind: 'exact' };
  if (joined.key === single.key) return { similarity: 0.93, kind: 'phonetic' };
  if (consonantal(single) && joined.skeleton === single.skeleton) return { similarity: 0.9, kind: 'transliteration' };
  // Cheap bound first: lengths too far apart cannot come within one or two edits.
  if (Math.abs(joined.text.length - single.text.length) > 2) return noMatch;
  return {
    similarity: editSimilarity(joined.text, single.text),
    kind: 'edit_distance',
    unexplained: !slip(joined.text, single.text),
  };
}

/** Below this a pair of parts is not a match at all. */
const FLOOR = 0.5;

export function align(query: PreparedName, listed: PreparedName): Edge[] {
  const edges: Edge[] = [];
  const q = query.parts;
  const l = listed.parts;
  for (let i = 0; i < q.length; i++)
    for (let j = 0; j < l.length; j++) {
      const match = partSimilarity(q[i]!, l[j]!);
      if (match.similarity >= FLOOR) edges.push({ ...match, query: [i], listed: [j] });
    }
  query.joined.forEach((joined, i) => {
    for (let j = 0; j < l.length; j++) {
      const match = joinedSimilarity(joined, l[j]!);
      if (match.similarity >= 0.85) edges.push({ ...match, query: [i, i + 1], listed: [j] });
    }
  });
  listed.joined.forEach((joined, j) => {
    for (let i = 0; i < q.length; i++) {
      const match = joinedSimilarity(joined, q[i]!);
      if (match.similarity >= 0.85) edges.push({ ...match, query: [i], listed: [j, j + 1] });
    }
  });
  // Greedy best-first: with names of a handful of parts it finds the best assignment in practice,
  // and it is cheap. Ties go to a part at the same place in both names.
  edges.sort(
    (a, b) => b.similarity - a.similarity || Math.abs(a.query[0]! - a.listed[0]!) - Math.abs(b.query[0]! - b.listed[0]!),
  );
  const usedQ = new Set<number>();
  const usedL = new Set<number>();
  const chosen: Edge[] = [];
  for (const edge of edges) {
    if (edge.query.some((i) => usedQ.has(i)) || edge.listed.some((j) => usedL.has(j))) continue;
    for (const i of edge.query) usedQ.add(i);
    for (const j of edge.listed) usedL.add(j);
    chosen.push(edge);
  }
  return chosen;
}
