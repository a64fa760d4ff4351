import type { Block } from './blocks.js';
import { probabilities, textFeatures } from './classifier.js';
import { isFurniture } from './furniture.js';
import { type ItemType, isNarrativeHeading, typeFromHeading, typeFromLeadIn, typeFromWording } from './item-types.js';
import { type ItemModels, shippedModels } from './model.js';
import { isNarrativeParagraph } from './narrative.js';

/** A block that could be an item, with what the headings and lead-ins above it say. */
export interface Candidate {
  block: Block;
  /** Type given by the last typed heading of the section ("Recommendations"), if any. */
  sectionType: ItemType | null;
  /** Type given by the lead-in of the list the block belongs to ("…recommended that partners:"). */
  listType: ItemType | null;
  /** "4", "11(b)", "(b)" — the number the document gives the item; null when it has none. */
  number: string | null;
  /** Type its own wording states ("The participants agreed…"), if clear. */
  worded: ItemType | null;
}

/**
 * Walks the blocks keeping the type that the last heading gave ("Recommendations", "Bonnes
 * pratiques") and, for the list that follows it, the type a lead-in gave ("the following good
 * practices were shared:"). A lead-in's type lasts as long as its list: up to the next heading, or
 * the first plain paragraph after its bullets. Numbered paragraphs give their number to the
 * lettered sub-points below them ("11(b)").
 */
export function candidates(blocks: Block[]): Candidate[] {
  const found: Candidate[] = [];
  let sectionType: ItemType | null = null;
  let listType: ItemType | null = null;
  let listHasBullets = false;
  let paragraphNumber: string | null = null;
  let openingSection = true;
  for (const block of blocks) {
    if (isFurniture(block.text)) continue;
    if (block.kind === 'heading' && block.leadIn && block.level === null && block.text.split(' ').length > 6) {
      // A sentence set as a title that announces a list ("…, several recommendations were made to
      // improve communication:"): its type lasts for its list, not for the rest of the section.
      listType = typeFromLeadIn(block.text) ?? typeFromWording(block.text);
      listHasBullets = false;
      paragraphNumber = null;
      continue;
    }
    if (block.kind === 'heading') {
      const type = block.leadIn ? typeFromLeadIn(block.text) : typeFromHeading(block.text);
      if (type) sectionType = type;
      else if (block.sectionBreak || isNarrativeHeading(block.text)) sectionType = null;
      listType = null;
      paragraphNumber = null;
      openingSection = true;
      continue;
    }
    const lettered = block.marker !== null && /^[a-z]$/.test(block.marker);
    if (block.marker !== null && !lettered) paragraphNumber = block.marker;
    else if (block.kind === 'paragraph') paragraphNumber = null;
    if (block.kind === 'paragraph' && listHasBullets) listType = null;
    if (block.leadIn) {
      const type = typeFromLeadIn(block.text) ?? typeFromWording(block.text);
      // A paragraph opening its section ("…adopted the following recommendations:") types the whole
      // section, sub-headings included; a lead-in further down types its own list only.
      if (openingSection && block.kind === 'paragraph' && type) sectionType = type;
      else listType = type ?? (block.marker ? null : listType);
      listHasBullets = false;
      openingSection = false;
      continue;
    }
    openingSection = false;
    if (block.kind === 'bullet') listHasBullets = true;
    let number: string | null = null;
    if (lettered) number = paragraphNumber ? `${paragraphNumber}(${block.marker})` : `(${block.marker})`;
    else if (block.marker !== null) number = block.marker;
    found.push({ block, sectionType, listType, number, worded: typeFromWording(block.text) });
  }
  return found;
}

const lengthBucket = (text: string) => {
  const n = text.split(' ').length;
  return n < 8 ? 'tiny' : n < 20 ? 'short' : n < 50 ? 'medium' : 'long';
};

/**
 * What the item-or-not detector sees: the words, and the shape of the block. Not the section it
 * stands in: trained with it, the detector learnt that paragraphs of narrative sections are not
 * items, which is true of most documents and wrong for narrative reports that tell practices inside
 * presentation summaries (item F1 of the Oporto report left out of training: 0.45 with it, 0.75
 * without, for 0.983 against 0.976 on the tuned documents).
 */
export function detectorFeatures(candidate: Candidate): string[] {
  const { block } = candidate;
  const marker = block.marker === null ? 'none' : /^[a-z]$/.test(block.marker) ? 'letter' : 'number';
  return [
    ...textFeatures(block.text),
    `§kind:${block.kind}`,
    `§marker:${marker}`,
    `§list:${candidate.listType ? 'typed' : 'none'}`,
    `§worded:${candidate.worded ?? 'none'}`,
    `§length:${lengthBucket(block.text)}`,
  ];
}

/** How sure the classifier must be to retype a paragraph that no list lead-in types. */
const OVERRULE_FAR_CUE = 0.9;
/** Outside typed sections, a block is kept from this probability on (or when its wording says so). */
const KEEP_UNTYPED = 0.5;

export function decideType(candidate: Candidate, models: ItemModels): ItemType {
  const cue = candidate.listType ?? candidate.sectionType;
  // "The Co-Chairs concluded that…" under a "Way forward" heading is a conclusion all the same.
  if (candidate.worded && (cue === null || cue === 'recommendation')) return candidate.worded;
  // Otherwise the heading or lead-in wins over the wording (imperatives under "Good practices" stay
  // good practices): letting a confident classifier overrule it everywhere lowered type macro-F1 on
  // documents left out of its training, at every threshold tried (0.97 to 0.999).
  const p = probabilities(models.type, textFeatures(candidate.block.text));
  const best = models.type.classes[p.indexOf(Math.max(...p))] as ItemType;
  // A plain paragraph far from its heading (no list lead-in above it) is where a section's type most
  // often no longer applies: there a confident classifier decides.
  const far = candidate.listType === null && candidate.block.kind === 'paragraph';
  if (cue && far && Math.max(...p) >= OVERRULE_FAR_CUE) return best;
  return cue ?? best;
}

export function isItem(candidate: Candidate, models: ItemModels): boolean {
  if (isNarrativeParagraph(candidate.block.text)) return false;
  // Under a typed heading or lead-in every block is an item: the narrative rules above drop the rest.
  if (candidate.listType || candidate.sectionType) return true;
  if (candidate.worded !== null) return true;
  const p = probabilities(models.item, detectorFeatures(candidate));
  return p[models.item.classes.indexOf('item')] >= KEEP_UNTYPED;
}

export interface FoundItem {
  block: Block;
  type: ItemType;
  number: string | null;
}

export function extractItems(blocks: Block[], models: ItemModels = shippedModels()): FoundItem[] {
  return candidates(blocks)
    .filter((candidate) => isItem(candidate, models))
    .map((candidate) => ({ block: candidate.block, type: decideType(candidate, models), number: candidate.number }));
}
