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
  ['handling_code', (item) => item.handling_code],
];

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as
 * a formula; a leading apostrophe makes it text (OWASP "CSV injection").
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: a field holding a comma, quote or line break is quoted, with its quotes doubled. */
export function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** UTF-8 with a byte-order mark (so that spreadsheets read the accents), CRLF line ends. */
export function toCsv(data: Export): string {
  const lines = [COLUMNS.map(([header]) => header).join(',')];
  for (const item of data.items) lines.push(COLUMNS.map(([, value]) => csvField(value(item, data))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
