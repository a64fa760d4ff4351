import { tagCountries, tagOrganisations, tagReferences, tagThemes } from '../vocabulary/index.js';
import { splitBlocks } from './blocks.js';
import { blankRunningLines } from './furniture.js';
import type { ItemType } from './item-types.js';
import { extractItems } from './items.js';
import { type DocumentMetadata, readMetadata } from './metadata.js';
import type { ItemModels } from './model.js';

export interface ExtractedItem {
  type: ItemType;
  text: string;
  /** The number the document gives the item: "4", "11(b)" for a lettered sub-point; null if none. */
  number: string | null;
  /** 1-based line in the document's text, and the page when the source had pages. */
  line: number;
  page: number | null;
  countries: string[];
  organisations: string[];
  themes: string[];
  references: { id: string; kind: 'explicit' | 'suggested' }[];
}

export interface Extraction {
  document: DocumentMetadata;
  items: ExtractedItem[];
}

/** `models` replaces the shipped classifiers (the quality test passes ones trained without the document). */
export function extractFromText(
  text: string,
  pageOfLine: (line: number) => number | null = () => null,
  models?: ItemModels,
): Extraction {
  const blocks = splitBlocks(blankRunningLines(text));
  const document = readMetadata(text, blocks);
  const items = extractItems(blocks, models).map(({ block, type, number }): ExtractedItem => {
    const themes = tagThemes(block.text);
    return {
      type,
      text: block.text,
      number,
      line: block.line,
      page: pageOfLine(block.line),
      countries: tagCountries(block.text),
      organisations: tagOrganisations(block.text),
      themes,
      references: tagReferences(block.text, themes),
    };
  });
  return { document, items };
}
