import { toCsvDocument } from '../../../platform/csv.js';
import { citationOf } from '../items/service.js';
import type { Export, ExportedItem } from './service.js';

const referenceIds = (references: unknown): string[] =>
  Array.isArray(references) ? references.map((reference: { id?: unknown }) => String(reference?.id ?? '')).filter(Boolean) : [];

const list = (values: string[]) => values.join('; ');

/** The columns of the CSV export, in order: header → value of an item. */
const COLUMNS: [string, (item: ExportedItem, data: Export) => string][] = [
  ['id', (item) => item.id],
  ['type', (item) => item.type],
  ['text', (item) => item.text],
  ['countries', (item) => list(item.countries)],
  ['organisations', (item) => list(item.organisations)],
  ['themes', (item) => list(item.themes)],
  ['references', (item) => list(referenceIds(item.references))],
  ['document_title', (item) => item.title],
  ['process', (item) => item.process],
  ['city', (item) => item.city ?? ''],
  ['country', (item) => item.country ?? ''],
  ['date', (item) => item.dates[0] ?? ''],
  ['citation', (item, data) => citationOf(item, data.language)],
  ['item_url', (item) => item.url],
  ['handling_code', (item) => item.handlingCode],
];

/** One row per item, in the order of the search. */
export const toCsv = (data: Export): string =>
  toCsvDocument(
    COLUMNS.map(([header, value]) => [header, (item: ExportedItem) => value(item, data)] as const),
    data.items,
  );
