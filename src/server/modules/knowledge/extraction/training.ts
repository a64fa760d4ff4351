import fs from 'node:fs';
import path from 'node:path';
import { splitBlocks } from './blocks.js';
import { type Example, textFeatures, train } from './classifier.js';
import { ITEM_TYPES, type ItemType } from './item-types.js';
import { candidates, detectorFeatures } from './items.js';
import type { ItemModels } from './model.js';
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

/**
 * A fixture source written in markdown (sources/<file>.md) opens with a `<!-- … -->` block saying
 * how to render it; the rest is the document. The block is blanked, not cut, so lines keep their
 * numbers. Until a rendered file exists, the source stands in for it.
 */
export function stripSourceHeader(text: string): string {
  return text.replace(/^\s*<!--[\s\S]*?-->/, (header) => header.replace(/[^\n]/g, ''));
}

function sourcePath(source: string): string {
  if (source.startsWith('corpus/')) return path.resolve(ROOT, '../shared', source);
  const relative = source.replace(/^fixtures\//, '');
  const direct = path.join(FIXTURES, relative);
  // Rendered PDF and Word files are read as text by the source they were rendered from, for now.
  if (/\.(txt|md)$/.test(relative) && fs.existsSync(direct)) return direct;
  const stem = path.basename(relative).replace(/\.[a-z]+$/, '');
  return path.join(FIXTURES, 'sources', `${stem}.md`);
}

export function loadLabelledDocuments(): LabelledDocument[] {
  if (!fs.existsSync(LABELS)) return [];
  return fs
    .readdirSync(LABELS)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const label = JSON.parse(fs.readFileSync(path.join(LABELS, file), 'utf8')) as Omit<LabelledDocument, 'name' | 'text'>;
      const file_ = sourcePath(label.source);
      const raw = fs.readFileSync(file_, 'utf8').normalize('NFC');
      return { ...label, name: file.replace(/\.json$/, ''), text: file_.endsWith('.md') ? stripSourceHeader(raw) : raw };
    });
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
