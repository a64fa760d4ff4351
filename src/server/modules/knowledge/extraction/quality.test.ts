import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromText } from './extract.js';
import { ITEM_TYPES, type ItemType } from './item-types.js';

/**
 * Extraction quality against hand-labelled documents (test/fixtures/knowledge/labels). Items are
 * paired one to one by word overlap; detection F1 counts pairs, type macro-F1 and tag F1 are
 * computed on the pairs. Targets from the issue: items ≥ 0.85, types ≥ 0.85, countries ≥ 0.95.
 *
 * The labels are split (README there): `tuned` documents were in view while the rules were written,
 * `held-out` ones were labelled afterwards without looking at the extractor's output. Figures are
 * printed per split, and the held-out ones are what the rules can be expected to do on new documents.
 */
const ROOT = path.resolve(import.meta.dirname, '../../../../..');
const LABELS = path.join(ROOT, 'test/fixtures/knowledge/labels');

type Split = 'tuned' | 'held-out';
interface LabelledItem {
  type: ItemType;
  text: string;
  countries: string[];
  organisations: string[];
}
interface LabelFile {
  source: string;
  split: Split;
  items: LabelledItem[];
}
interface Scores {
  itemF1: number;
  typeMacroF1: number;
  countryF1: number;
  organisationF1: number;
}
type Extracted = ReturnType<typeof extractFromText>['items'][number];
type Pair = [Extracted, LabelledItem];

const TARGETS = { itemF1: 0.85, typeMacroF1: 0.85, countryF1: 0.95 };
/**
 * The held-out documents miss the item and type targets (0.619 and 0.759 when labelled; the README's
 * "Held-out results" says why). These floors are what holds, so that a change to the rules cannot
 * lower it unnoticed; raise them towards TARGETS as the rules improve.
 */
const HELD_OUT_FLOORS = { itemF1: 0.6, typeMacroF1: 0.75, countryF1: TARGETS.countryF1 };

const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .normalize('NFC')
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  );
function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (shared / Math.max(1, Math.min(a.size, b.size))) * (Math.min(a.size, b.size) / Math.max(a.size, b.size)) ** 0.5;
}
const f1 = (tp: number, fp: number, fn: number) => (tp === 0 ? (fp + fn === 0 ? 1 : 0) : (2 * tp) / (2 * tp + fp + fn));

function pair(predicted: Extracted[], gold: LabelledItem[]): Pair[] {
  const candidates: [number, number, number][] = [];
  const goldWords = gold.map((g) => words(g.text));
  predicted.forEach((p, i) => {
    const pw = words(p.text);
    goldWords.forEach((gw, j) => {
      const score = overlap(pw, gw);
      if (score >= 0.6) candidates.push([score, i, j]);
    });
  });
  candidates.sort((a, b) => b[0] - a[0]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const pairs: Pair[] = [];
  for (const [, i, j] of candidates) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    pairs.push([predicted[i], gold[j]]);
  }
  return pairs;
}

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

/** Scores of a set of documents taken together (or of one document). */
function score(documents: { predicted: number; gold: number; pairs: Pair[] }[]): Scores {
  const pairs = documents.flatMap((d) => d.pairs);
  const predicted = documents.reduce((sum, d) => sum + d.predicted, 0);
  const gold = documents.reduce((sum, d) => sum + d.gold, 0);
  return {
    itemF1: f1(pairs.length, predicted - pairs.length, gold - pairs.length),
    typeMacroF1: typeMacroF1(pairs),
    countryF1: tagF1(pairs, 'countries'),
    organisationF1: tagF1(pairs, 'organisations'),
  };
}

const rounded = (scores: Scores) =>
  Object.fromEntries(Object.entries(scores).map(([key, value]) => [key, Number(value.toFixed(3))]));

const labelFiles = fs.existsSync(LABELS) ? fs.readdirSync(LABELS).filter((f) => f.endsWith('.json')) : [];
const labels = labelFiles.sort().map((file) => ({
  name: file.replace(/\.json$/, ''),
  ...(JSON.parse(fs.readFileSync(path.join(LABELS, file), 'utf8')) as LabelFile),
}));

function evaluate(label: LabelFile) {
  const sourcePath = label.source.startsWith('corpus/')
    ? path.resolve(ROOT, '../shared', label.source)
    : path.join(ROOT, 'test/fixtures/knowledge', label.source.replace(/^fixtures\//, ''));
  const { items } = extractFromText(fs.readFileSync(sourcePath, 'utf8'));
  return { predicted: items.length, gold: label.items.length, pairs: pair(items, label.items) };
}

/** Prints the split's per-document and overall figures and returns the overall ones. */
function report(split: Split): Scores {
  const documents = labels.filter((l) => l.split === split).map((label) => ({ name: label.name, ...evaluate(label) }));
  console.log(`extraction quality, ${split} documents`);
  console.table(
    documents.map((d) => ({
      document: d.name,
      gold: d.gold,
      predicted: d.predicted,
      paired: d.pairs.length,
      ...rounded(score([d])),
    })),
  );
  const overall = score(documents);
  console.log(`overall, ${split}`, rounded(overall));
  return overall;
}

describe('extraction quality on hand-labelled documents', () => {
  it('has every label file in a known split, with tuned and held-out corpus documents and a French one', () => {
    expect(labels.every((l) => l.split === 'tuned' || l.split === 'held-out')).toBe(true);
    const tuned = labels.filter((l) => l.split === 'tuned');
    const heldOut = labels.filter((l) => l.split === 'held-out');
    expect(tuned.filter((l) => l.source.startsWith('corpus/')).length).toBeGreaterThanOrEqual(3);
    expect(tuned.some((l) => l.source.startsWith('fixtures/') && /-fr\.txt$/.test(l.source))).toBe(true);
    expect(heldOut.filter((l) => l.source.startsWith('corpus/')).length).toBeGreaterThanOrEqual(2);
  });

  it('meets the item, type and country targets on the tuned documents', () => {
    const overall = report('tuned');
    expect(overall.itemF1).toBeGreaterThanOrEqual(TARGETS.itemF1);
    expect(overall.typeMacroF1).toBeGreaterThanOrEqual(TARGETS.typeMacroF1);
    expect(overall.countryF1).toBeGreaterThanOrEqual(TARGETS.countryF1);
  });

  it('keeps the held-out documents at or above their floors (the country target is met)', () => {
    const overall = report('held-out');
    expect(overall.itemF1).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.itemF1);
    expect(overall.typeMacroF1).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.typeMacroF1);
    expect(overall.countryF1).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.countryF1);
  });
});
