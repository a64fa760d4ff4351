/**
 * Spellings that tell one name from another, or join two spellings of one name, beyond the edit
 * distance: vowels that make another name (Hamdi/Hamadi), Abd-names the tables do not know, and
 * regional readings (Gambian English, Dari). Used by `align.ts`.
 */

import { phoneticKey, skeleton } from './phonetic.js';
import type { Part } from './prepare.js';
import { editSimilarity } from './similarity.js';

/** A Latin spelling with the French ou, the English ee and oo, and doubled letters read as one. */
const spoken = (text: string) =>
  text
    .replace(/ou/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/oo/g, 'u')
    .replace(/(.)\1+/g, '$1');
const CONSONANTS = /[^aeiouy]+/;
/** A consonant cluster names are made of: two letters (kh, sh… counting as one), no w or y. */
const nameCluster = (run: string) => run.replace(/([kscgtdpz])h/g, '$1').length === 2 && !/[wy]/.test(run);

/**
 * The same consonants under other vowels, where the vowels make another name rather than another
 * spelling: a syllable more between two consonants that meet in names (Hamdi/Hamadi,
 * Khalfi/Khelifi; Sembne or Warsme are typos), an a added to another vowel (Jaziri/Jazairi), a long
 * a against a vowel pair (Saadi/Saedi, Raad/Raed), a against i or u (Sharafi/Sharifi). Spellings
 * differ in e/i, o/u and ou/u, not in these; two letters swapped are a typo. Across Cyrillic and
 * Latin, i against o or a is another name too.
 */
/** The same length and one letter apart, a consonant on one side: a misread letter. */
function oneLetterOff(a: string, b: string) {
  let at = -1;
  for (let i = 0; i < a.length; i++)
    if (a[i] !== b[i]) {
      if (at >= 0) return false;
      at = i;
    }
  return at >= 0 && !(isVowelChar(a[at]!) && isVowelChar(b[at]!));
}
const isVowelChar = (c: string) => 'aeiouy'.includes(c);

export function otherVowels(a: string, b: string, cyrillic = false): boolean {
  const [sa, sb] = [spoken(a), spoken(b)];
  if (sa.replace(/[aeiouy]/g, '') !== sb.replace(/[aeiouy]/g, '')) return false;
  // Two letters swapped (Sobriova, Djamlia) or one letter misread (Ismall) are a slip, whatever
  // they do to the syllables.
  if (sa.length === sb.length && [...sa].sort().join() === [...sb].sort().join()) return false;
  if (a.length === b.length && oneLetterOff(a, b)) return false;
  const va = sa.split(CONSONANTS);
  const vb = sb.split(CONSONANTS);
  if (va.length !== vb.length) {
    // The shorter spelling holds the two consonants the longer one parts with a vowel.
    const shorter = va.length < vb.length ? sa : sb;
    const runs = shorter.match(/[^aeiouy]+/g) ?? [];
    const initial = /^[^aeiouy]{2}/.test(shorter) ? 1 : 0;
    return (
      Math.abs(va.length - vb.length) === 1 &&
      runs
        .slice(initial)
        .filter((r) => r.length > 1)
        .every(nameCluster) &&
      runs.slice(initial).some((r) => r.length > 1)
    );
  }
  for (let i = 0; i < va.length; i++) {
    const [x, y] = va[i]!.length <= vb[i]!.length ? [va[i]!, vb[i]!] : [vb[i]!, va[i]!];
    if (x === y) continue;
    if (x && !x.includes('a') && y.replace('a', '') === x) return true;
    if (x === 'a' && /^a[eio]$/.test(y)) return true;
    if ((/^a+$/.test(x) && /^[iu]+$/.test(y)) || (/^a+$/.test(y) && /^[iu]+$/.test(x))) return true;
    // Cyrillic и is i in every Latin spelling: never the o or a of another (Салимов/Salomov).
    if (cyrillic && ((x === 'i' && /^[ao]$/.test(y)) || (y === 'i' && /^[ao]$/.test(x)))) return true;
  }
  return false;
}

/**
 * Cherno/Thierno, Jobe/Diop, Touray/Touré: the Gambian English spelling (see `Part.gambian`);
 * Aqa/Agha, Qulam/Ghulam: Dari says ق as غ.
 */
export function spokenSimilarity(q: Part, l: Part): number {
  let best = 0;
  if (q.gambian || l.gambian) {
    const [a, b] = [q.gambian ?? q.key, l.gambian ?? l.key];
    best = a === b ? 0.88 : editSimilarity(a, b) - 0.05;
  }
  for (const [a, b] of [
    [q, l],
    [l, q],
  ] as const) {
    let read: string | undefined;
    if (a.text.includes('q') && b.text.includes('gh')) read = b.text.replace(/gh/g, 'q');
    if (!read) continue;
    const key = phoneticKey(read);
    best = Math.max(best, key === a.key ? 0.88 : editSimilarity(key, a.key) - 0.05);
  }
  return best;
}

const ABD_HEAD = /^(abdel|abdal|abdil|abdul|abdoul|abdur|abder|abdar|abdou|abdu|abdi|abd)(?:al|el|ul)?(.{2,})$/;

/**
 * Abdelmoneim / Abdalmunim (Abd al-Mun'im): two Abd-names the table does not know, compared
 * without the head and article, which every spelling writes its own way.
 */
export function abdSimilarity(q: Part, l: Part): number {
  if (!q.text.startsWith('abd') || !l.text.startsWith('abd')) return 0;
  const a = ABD_HEAD.exec(q.text);
  const b = a && ABD_HEAD.exec(l.text);
  if (!a || !b) return 0;
  const [ra, rb] = [a[2]!, b[2]!];
  if (Math.min(ra.length, rb.length) < (q.origin === 'arabic' || l.origin === 'arabic' ? 2 : 3)) return 0;
  // عبد الصمد / Abdul Samad: Arabic letters write no short vowel, so the stems meet on consonants.
  if (q.origin === 'arabic' || l.origin === 'arabic') return skeleton(ra) === skeleton(rb) ? 0.88 : 0;
  return ra === rb ? 0.88 : Math.max(editSimilarity(ra, rb), editSimilarity(phoneticKey(ra), phoneticKey(rb)) - 0.03) - 0.05;
}
