import type { Block } from './blocks.js';
import { isFurniture } from './furniture.js';
import { type ItemType, isNarrativeHeading, typeFromHeading, typeFromLeadIn, typeFromWording } from './item-types.js';

/**
 * Walks the blocks keeping the type that the last heading or lead-in gave ("Recommendations",
 * "the following good practices were shared:"); list items and paragraphs under it inherit it.
 * Narrative sections (opening, statements, agenda) reset it, and their paragraphs are not kept
 * unless their own wording is clearly a conclusion or recommendation.
 */
export function extractItems(blocks: Block[]): { block: Block; type: ItemType }[] {
  const items: { block: Block; type: ItemType }[] = [];
  let sectionType: ItemType | null = null;
  for (const block of blocks) {
    if (isFurniture(block.text)) continue;
    if (block.kind === 'heading') {
      const type = block.leadIn ? typeFromLeadIn(block.text) : typeFromHeading(block.text);
      if (type) sectionType = type;
      else if (block.sectionBreak || isNarrativeHeading(block.text)) sectionType = null;
      continue;
    }
    if (block.leadIn) {
      sectionType = typeFromLeadIn(block.text) ?? sectionType;
      continue;
    }
    // "The Co-Chairs concluded that…" under a "Way forward" heading is a conclusion all the same;
    // inside good-practice or challenge sections the section decides.
    const worded = typeFromWording(block.text);
    const type = sectionType === null || sectionType === 'recommendation' ? (worded ?? sectionType) : sectionType;
    if (type) items.push({ block, type });
  }
  return items;
}
