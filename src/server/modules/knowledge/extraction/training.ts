import fs from 'node:fs';
import path from 'node:path';
import { splitBlocks } from './blocks.js';
import { type Example, textFeatures, train } from './classifier.js';
import { ITEM_TYPES, type ItemType } from './item-types.js';
import { candidates, detectorFeatures } from './items.js';
import type { ItemModels } from './model.js';
import { readDocument } from './read-document.js';
import { pairTexts } from './scoring.js';

/**
 * The labelled documents (test/fixtures/knowledge/labels) and how the item classifiers are trained
 * on them: the training script and the quality test's leave-one-document-out runs share this code.
 */
export const ROOT = path.resolve(import.meta.dirname, '../../../../..');
const LABELS = path.join(ROOT, 'test/fixtures/knowledge/labels');
const FIXTURES = path.join(ROOT, 'test/fixtures/knowledge');

export type Split = 'tuned' | 'held-out';
export interface LabelledItem {
  type: ItemType;
  text: string;
  number?: string | null;
  countries: string[];
  organisations: string[];
}
export interface LabelledMetadata {
  title: string;
  process: string;
  city: string | null;
  country: string | null;
  dates: string[];
  coChairs: string[];
  language: string;
}
export interface LabelledDocument {
  name: string;
  source: string;
  split: Split;
  document: LabelledMetadata;
  items: LabelledItem[];
  /** The document's text as the extractor reads it. */
  text: string;
}

function documentPath(source: string): string {
  if (source.startsWith('corpus/')) return path.resolve(ROOT, '../shared', source);
  return path.join(FIXTURES, source.replace(/^fixtures\//, ''));
}

/**
 * Every labelled document, read the way ingestion reads it (`readDocument`): the fictional fixtures
 * as their rendered PDF, Word, Markdown or text file, so layout and list numbering are part of what
 * is measured.
 */
export async function loadLabelledDocuments(): Promise<LabelledDocument[]> {
  if (!fs.existsSync(LABELS)) return [];
  const files = fs
    .readdirSync(LABELS)
    .filter((file) => file.endsWith('.json'))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const label = JSON.parse(fs.readFileSync(path.join(LABELS, file), 'utf8')) as Omit<LabelledDocument, 'name' | 'text'>;
      const location = documentPath(label.source);
      const { text } = await readDocument(location, new Uint8Array(fs.readFileSync(location)));
      return { ...label, name: file.replace(/\.json$/, ''), text };
    }),
  );
}

/** Each labelled item is an example of its type. */
function typeExamples(documents: LabelledDocument[]): Example[] {
  return documents.flatMap((d) => d.items.map((item) => ({ features: textFeatures(item.text), label: item.type })));
}

/** Each block the extractor could keep is an item when it pairs with a labelled item, else not. */
function itemExamples(documents: LabelledDocument[]): Example[] {
  return documents.flatMap((d) => {
    const found = candidates(splitBlocks(d.text));
    const paired = new Set(
      pairTexts(
        found.map((c) => c.block.text),
        d.items.map((item) => item.text),
      ).map(([i]) => i),
    );
    return found.map((c, i) => ({ features: detectorFeatures(c), label: paired.has(i) ? 'item' : 'other' }));
  });
}

export function trainModels(documents: LabelledDocument[]): ItemModels {
  return {
    type: train(typeExamples(documents), { classes: [...ITEM_TYPES], minCount: 2 }),
    item: train(itemExamples(documents), { classes: ['item', 'other'], minCount: 2 }),
  };
}
