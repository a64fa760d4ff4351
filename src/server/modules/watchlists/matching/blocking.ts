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

import { skeleton } from './phonetic.js';
import { type Part, prepareName } from './prepare.js';
import { ocrRead } from './similarity.js';
import { familyOf } from './variants.js';

const MAX_KEYS = 40;

/** What identifies a part for blocking: its family, its skeleton, as a scanner may have misread it, without a stuck-on particle. */
function ids(part: Part): string[] {
  const out = new Set<string>();
  if (part.family) out.add(`f:${part.family}`);
  out.add(`s:${part.skeleton}`);
  const read = ocrRead(part.text);
  if (read.changes) out.add(`s:${skeleton(read.text)}`);
  if (part.bare) {
    out.add(`s:${skeleton(part.bare)}`);
    const family = familyOf(part.bare);
    if (family) out.add(`f:${family}`);
  }
  return [...out];
}

function dropOne(text: string): string[] {
  if (text.length < 4) return [];
  return Array.from({ length: text.length }, (_, i) => text.slice(0, i) + text.slice(i + 1));
}

export function blockingKeys(names: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    const all = prepareName(name).parts.filter((p) => !p.optional);
    const parts = all.filter((p) => !p.initial);
    const common = (p: Part) => p.weight < 0.8 || p.skeleton.length < 2;
    for (const part of parts) {
      if (common(part) && parts.length > 1) continue;
      for (const id of ids(part)) {
        keys.add(`u:${id}`);
        if (id.startsWith('s:')) for (const variant of dropOne(id.slice(2))) keys.add(`u:s:${variant}`);
      }
    }
    for (let i = 0; i < parts.length; i++)
      for (let j = i + 1; j < parts.length; j++) {
        const a = parts[i]!;
        const b = parts[j]!;
        if (!common(a) && !common(b)) continue;
        for (const x of ids(a)) for (const y of ids(b)) keys.add(`p:${[x, y].sort().join('|')}`);
      }
    for (let i = 0; i + 1 < all.length; i++) keys.add(`u:s:${skeleton(all[i]!.text + all[i + 1]!.text)}`);
  }
  return [...keys].slice(0, MAX_KEYS);
}
