/**
 * Blocking keys: strings such that a listed name the matcher could score at or above the threshold
 * shares at least one with the query, while a common given name alone shares none.
 *
 * - a rare part (not a common given name): its name family, its consonant skeleton and the
 *   skeleton with any one consonant dropped (a typo or OCR error changes at most one);
 * - a common part (Mohamed, Fatima, Abdullah…): only PAIRED with another part of the same name;
 * - two neighbouring parts joined (Abdel Rahman / Abdelrahman): the joined skeleton.
 * Skeletons rather than spellings, so that Arabic, Cyrillic and Ge'ez names meet their Latin forms.
 */

import { surnameStem } from './other-names.js';
import { skeleton } from './phonetic.js';
import { type Part, prepareName } from './prepare.js';
import { ocrRead } from './similarity.js';
import { familyOf } from './variants.js';

/** Parts paired with one another (pairs grow as the square; real names rarely have more). */
const MAX_PAIRED = 6;

/** A part's sound for blocking: its skeleton, as a scanner may have misread it, without a stuck-on particle. */
function skeletons(part: Part): string[] {
  const out = new Set<string>([`s:${part.skeleton}`]);
  const read = ocrRead(part.text);
  if (read.changes) out.add(`s:${skeleton(read.text)}`);
  if (part.bare) out.add(`s:${skeleton(part.bare)}`);
  // An l read for the i it stands for after a consonant (Ndlaye/Ndiaye): the scanner's l/i.
  const asI = part.text.replace(/([^aeiouy])l(?=[aeiouy])/g, '$1i');
  if (asI !== part.text) out.add(`s:${skeleton(asI)}`);
  // Jatta/Diatta, Cherno/Thierno: the Gambian English spelling meets the French one.
  if (part.gambian) out.add(`s:${skeleton(part.gambian)}`);
  if (part.altSkeleton) out.add(`s:${part.altSkeleton}`);
  // Somali c for ع (Cilmi/Elmi) meets the spelling without it.
  if (part.ain) out.add(`s:${skeleton(part.ain)}`);
  // Ethiopian Latin dh is d+h (Gebremedhin), as the Ge'ez side reads it.
  if (part.text.includes('dh')) out.add(`s:${skeleton(part.text.replace(/dh/g, 'd'))}`);
  return [...out];
}

/** What identifies a part for blocking: its name family when known, else its skeletons. */
function identities(part: Part): string[] {
  const family = part.family ?? (part.bare ? familyOf(part.bare) : undefined);
  if (!family) return skeletons(part);
  // Abdou stands for any Abd-name (Abdourahmane): they meet on a key of their own.
  return family.startsWith('abd:') || (part.short && family === 'abdullah') ? [`f:${family}`, 'f:abd*'] : [`f:${family}`];
}

const product = (a: string[], b: string[]) => a.flatMap((x) => b.map((y) => `p:${[x, y].sort().join('|')}`));

/**
 * Keys robust to one consonant typed wrong, added or lost: the skeleton with any one consonant
 * dropped; for three consonants (Kamara), that would leave too common a key, so one consonant is
 * replaced by a wildcard instead (k*r, which Kanara shares).
 */
function typoVariants(text: string): string[] {
  if (text.length === 3) return Array.from({ length: 3 }, (_, i) => `${text.slice(0, i)}*${text.slice(i + 1)}`);
  if (text.length < 4) return [];
  return Array.from({ length: text.length }, (_, i) => text.slice(0, i) + text.slice(i + 1));
}

export function blockingKeys(names: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    const prepared = prepareName(name).parts;
    const all = prepared.filter((p) => !p.optional);
    const parts = all.filter((p) => !p.initial);
    // Honorifics pair up too: "Mohamed Sheikh" keeps Sheikh as a name, "Mohamed Ali Sheikh" may not.
    const paired = prepared.filter((p) => !p.initial).slice(0, MAX_PAIRED);
    const common = (p: Part) => p.weight < 0.8 || p.skeleton.length < 2 || p.optional;
    for (const part of parts) {
      if (common(part) && parts.length > 1) continue;
      // Rahimov / Rahimzoda share their stem.
      const stem = surnameStem(part.text);
      if (stem) keys.add(`u:z:${stem}`);
      for (const id of new Set([...identities(part), ...skeletons(part)])) {
        keys.add(`u:${id}`);
        if (id.startsWith('s:')) for (const variant of typoVariants(id.slice(2))) keys.add(`u:s:${variant}`);
      }
    }
    for (let i = 0; i < paired.length; i++)
      for (let j = i + 1; j < paired.length; j++) {
        const a = paired[i]!;
        const b = paired[j]!;
        if (!common(a) && !common(b) && !a.optional && !b.optional) continue;
        // Family with family (Mouhamed Lamine / محمد الأمين), sound with sound (a typo outside the table).
        for (const key of product(identities(a), identities(b))) keys.add(key);
        for (const key of product(skeletons(a), skeletons(b))) keys.add(key);
      }
    for (let i = 0; i + 1 < all.length; i++) {
      const [a, b] = [all[i]!, all[i + 1]!];
      keys.add(`u:s:${skeleton(a.text + b.text)}`);
      // Shams ul Haq / Shamsulhaq: the article kept inside the joined word.
      if (b.article) keys.add(`u:s:${skeleton(a.text + b.article + b.text)}`);
    }
  }
  return [...keys];
}
