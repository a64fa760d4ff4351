import { type ExtractedItem, extractFromText } from './extract.js';
import { ITEM_TYPES } from './item-types.js';
import type { ItemModels } from './model.js';
import { pairTexts } from './scoring.js';
import type { LabelledDocument, LabelledItem } from './training.js';

/**
 * Scores of the extraction against hand-labelled documents, for the quality tests. Items are paired
 * one to one by word overlap; detection F1 counts pairs, type macro-F1 and tag F1 are computed on the
 * pairs; each metadata field is right or wrong per document.
 */
export interface Scores {
  itemF1: number;
  typeMacroF1: number;
  countryF1: number;
  organisationF1: number;
  numberAccuracy: number;
}
type Pair = [ExtractedItem, LabelledItem];
export interface Evaluated {
  name: string;
  predicted: number;
  gold: number;
  pairs: Pair[];
  metadata: Record<MetadataField, boolean>;
}

export const METADATA_FIELDS = ['title', 'process', 'city', 'country', 'dates', 'coChairs', 'language'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

const f1 = (tp: number, fp: number, fn: number) => (tp === 0 ? (fp + fn === 0 ? 1 : 0) : (2 * tp) / (2 * tp + fp + fn));

function tagF1(pairs: Pair[], key: 'countries' | 'organisations') {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [p, g] of pairs) {
    const predicted = new Set(p[key]);
    const gold = new Set(g[key]);
    for (const code of predicted) gold.has(code) ? tp++ : fp++;
    for (const code of gold) if (!predicted.has(code)) fn++;
  }
  return f1(tp, fp, fn);
}

function typeMacroF1(pairs: Pair[]) {
  const present = ITEM_TYPES.filter((t) => pairs.some(([p, g]) => p.type === t || g.type === t));
  const scores = present.map((t) => {
    const tp = pairs.filter(([p, g]) => p.type === t && g.type === t).length;
    const fp = pairs.filter(([p, g]) => p.type === t && g.type !== t).length;
    const fn = pairs.filter(([p, g]) => p.type !== t && g.type === t).length;
    return f1(tp, fp, fn);
  });
  return scores.reduce((a, b) => a + b, 0) / Math.max(1, scores.length);
}

const titleWords = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
/** Titles are free text: right when most of the labelled title's words are there and little else. */
function sameTitle(predicted: string, gold: string): boolean {
  const p = titleWords(predicted);
  const g = titleWords(gold);
  const shared = [...g].filter((w) => p.has(w)).length;
  return shared / Math.max(1, g.size) >= 0.8 && shared / Math.max(1, p.size) >= 0.6;
}
const sameList = (a: string[], b: string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/** Extracts one labelled document (with the shipped models, or the ones given) and pairs its items. */
export function evaluate(document: LabelledDocument, models?: ItemModels): Evaluated {
  const extraction = extractFromText(document.text, () => null, models);
  const pairs = pairTexts(
    extraction.items.map((item) => item.text),
    document.items.map((item) => item.text),
  ).map(([i, j]): Pair => [extraction.items[i], document.items[j]]);
  const meta = extraction.document;
  const gold = document.document;
  return {
    name: document.name,
    predicted: extraction.items.length,
    gold: document.items.length,
    pairs,
    metadata: {
      title: sameTitle(meta.title, gold.title),
      process: meta.process === gold.process,
      city: (meta.city ?? '').toLowerCase() === (gold.city ?? '').toLowerCase(),
      country: meta.country === gold.country,
      dates: sameList(meta.dates, gold.dates),
      coChairs: sameList(meta.coChairs, gold.coChairs),
      language: meta.language === gold.language,
    },
  };
}

/** Scores of a set of documents taken together (or of one document). */
export function score(documents: Evaluated[]): Scores {
  const pairs = documents.flatMap((d) => d.pairs);
  const predicted = documents.reduce((sum, d) => sum + d.predicted, 0);
  const gold = documents.reduce((sum, d) => sum + d.gold, 0);
  const numbered = pairs.filter(([, g]) => g.number !== undefined);
  return {
    itemF1: f1(pairs.length, predicted - pairs.length, gold - pairs.length),
    typeMacroF1: typeMacroF1(pairs),
    countryF1: tagF1(pairs, 'countries'),
    organisationF1: tagF1(pairs, 'organisations'),
    numberAccuracy: numbered.length ? numbered.filter(([p, g]) => p.number === (g.number ?? null)).length / numbered.length : 1,
  };
}

/** Share of documents whose field is right, per metadata field. */
export function metadataScores(documents: Evaluated[]): Record<MetadataField, number> {
  return Object.fromEntries(
    METADATA_FIELDS.map((field) => [field, documents.filter((d) => d.metadata[field]).length / Math.max(1, documents.length)]),
  ) as Record<MetadataField, number>;
}

const rounded = (scores: object) =>
  Object.fromEntries(Object.entries(scores).map(([key, value]) => [key, Number((value as number).toFixed(3))]));

/** Prints per-document and overall figures of a set of documents and returns the overall ones. */
export function report(title: string, documents: Evaluated[]): Scores & { metadata: Record<MetadataField, number> } {
  console.log(title);
  console.table(
    documents.map((d) => ({
      document: d.name,
      gold: d.gold,
      predicted: d.predicted,
      paired: d.pairs.length,
      ...rounded(score([d])),
      metadataWrong: METADATA_FIELDS.filter((f) => !d.metadata[f]).join(' ') || '-',
    })),
  );
  const overall = { ...score(documents), metadata: metadataScores(documents) };
  console.log(`overall, ${title}`, rounded(score(documents)), rounded(overall.metadata));
  return overall;
}
