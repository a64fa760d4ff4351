import { describe, expect, it } from 'vitest';
import { type Evaluated, evaluate, report } from './quality-scores.js';
import { loadLabelledDocuments, type Split, trainModels } from './training.js';

/**
 * Extraction quality against hand-labelled documents (test/fixtures/knowledge/labels, README there).
 * Targets from the issue: items ≥ 0.85, types ≥ 0.85, countries ≥ 0.95.
 *
 * The labels are split: `tuned` documents were in view while the rules were written, `held-out`
 * ones were not. The shipped classifier is trained on every labelled document, so its figures on
 * them are in-sample; the figures asserted here are **leave-one-document-out**: each document is
 * extracted with models trained, by the training script's code, on all the other documents.
 */
const TARGETS = { itemF1: 0.85, typeMacroF1: 0.85, countryF1: 0.95 };
/**
 * The held-out documents miss the item and type targets (0.619 and 0.759 with the rules alone, when
 * labelled). These floors are what holds, so that a change cannot lower it unnoticed; raise them
 * towards TARGETS as extraction improves.
 */
const HELD_OUT_FLOORS = { itemF1: 0.6, typeMacroF1: 0.75, countryF1: TARGETS.countryF1 };
/**
 * Floors of the same documents each left out of the classifier's training: what holds today (the
 * shipped model has seen them, so HELD_OUT_FLOORS on its figures is the weaker check). Held-out
 * items rose from 0.619 (rules alone) to 0.817 as narrative paragraphs that tell practices are now
 * kept; their types, decided by the classifier where no heading types them, are the weak point
 * (0.642: it was trained mostly on listed items, not on presentation summaries).
 */
const LEFT_OUT_FLOORS = { tuned: { itemF1: 0.95, typeMacroF1: 0.9 }, heldOut: { itemF1: 0.8, typeMacroF1: 0.62 } };
/** Metadata: share of documents with the field right, on every labelled document. */
const METADATA_FLOORS = { title: 0.9, process: 0.9, city: 0.9, country: 0.9, dates: 0.9, coChairs: 0.9, language: 0.9 };

const labels = await loadLabelledDocuments();
const splitOf = (name: string) => labels.find((l) => l.name === name)?.split;
const leftOut: Evaluated[] = labels.map((document) =>
  evaluate(document, trainModels(labels.filter((other) => other !== document))),
);
const shipped: Evaluated[] = labels.map((document) => evaluate(document));
/** The fictional documents written for the quality test (sources/*.md, rendered to documents/). */
const fictional = new Set(labels.filter((l) => l.source.startsWith('fixtures/documents/')).map((l) => l.name));
const ofSplit = (evaluated: Evaluated[], split: Split) =>
  evaluated.filter((e) => splitOf(e.name) === split && !fictional.has(e.name));

describe('extraction quality on hand-labelled documents', () => {
  it('has every label file in a known split, with tuned and held-out corpus documents and a French one', () => {
    expect(labels.every((l) => l.split === 'tuned' || l.split === 'held-out')).toBe(true);
    const tuned = labels.filter((l) => l.split === 'tuned');
    const heldOut = labels.filter((l) => l.split === 'held-out');
    expect(tuned.filter((l) => l.source.startsWith('corpus/')).length).toBeGreaterThanOrEqual(3);
    expect(tuned.some((l) => l.source.startsWith('fixtures/') && /-fr\.txt$/.test(l.source))).toBe(true);
    expect(heldOut.filter((l) => l.source.startsWith('corpus/')).length).toBeGreaterThanOrEqual(2);
  });

  it('meets the item, type and country targets on the tuned documents, each left out of training', () => {
    report('shipped model (in-sample), tuned documents', ofSplit(shipped, 'tuned'));
    const overall = report('leave-one-document-out, tuned documents', ofSplit(leftOut, 'tuned'));
    expect(overall.itemF1).toBeGreaterThanOrEqual(Math.max(TARGETS.itemF1, LEFT_OUT_FLOORS.tuned.itemF1));
    expect(overall.typeMacroF1).toBeGreaterThanOrEqual(Math.max(TARGETS.typeMacroF1, LEFT_OUT_FLOORS.tuned.typeMacroF1));
    expect(overall.countryF1).toBeGreaterThanOrEqual(TARGETS.countryF1);
  });

  it('keeps the held-out documents, each left out of training, at or above their floors', () => {
    const withShipped = report('shipped model (in-sample), held-out documents', ofSplit(shipped, 'held-out'));
    expect(withShipped.itemF1).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.itemF1);
    expect(withShipped.typeMacroF1).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.typeMacroF1);
    expect(withShipped.countryF1).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.countryF1);
    const overall = report('leave-one-document-out, held-out documents', ofSplit(leftOut, 'held-out'));
    expect(overall.itemF1).toBeGreaterThanOrEqual(LEFT_OUT_FLOORS.heldOut.itemF1);
    expect(overall.typeMacroF1).toBeGreaterThanOrEqual(LEFT_OUT_FLOORS.heldOut.typeMacroF1);
    expect(overall.countryF1).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.countryF1);
    // The fictional documents (English and French) are printed on their own; their floors are set
    // once they have been measured.
    const written = leftOut.filter((e) => fictional.has(e.name));
    if (written.length) {
      report('leave-one-document-out, fictional held-out documents', written);
      report(
        'leave-one-document-out, fictional held-out documents in French',
        written.filter((e) => /-fr$/.test(e.name)),
      );
    }
  });

  it('reads the title, process, place, dates, co-chairs and language of the documents', () => {
    const { metadata } = report('metadata, every labelled document', shipped);
    for (const [field, floor] of Object.entries(METADATA_FLOORS)) {
      expect.soft(metadata[field as keyof typeof metadata], field).toBeGreaterThanOrEqual(floor);
    }
  });
});
