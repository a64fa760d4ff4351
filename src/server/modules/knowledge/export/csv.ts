import { toCsvDocument } from '../../../platform/csv.js';
import { type CitationLanguage, countryName, processName, typeName } from '../items/citation.js';
import { citationOf } from '../items/service.js';
import { ORGANISATIONS, REFERENCES, THEMES } from '../vocabulary/index.js';
import type { Export, ExportedItem } from './service.js';

const referenceIds = (references: unknown): string[] =>
  Array.isArray(references) ? references.map((reference: { id?: unknown }) => String(reference?.id ?? '')).filter(Boolean) : [];

const list = (values: string[]) => values.join('; ');

const THEME_LABELS = new Map(THEMES.map((theme) => [theme.id as string, theme.label]));
const ORGANISATION_LABELS = new Map(ORGANISATIONS.map((organisation) => [organisation.id as string, organisation.label]));

/** "Good practice", "Bonne pratique": a label at the start of a cell reads as a capitalised word. */
const capitalised = (text: string, language: CitationLanguage) => text.charAt(0).toLocaleUpperCase(language) + text.slice(1);

/**
 * The words of each coded value in the export's language; a code the vocabularies do not know is
 * written as it is, so nothing is lost.
 */
const labels = (language: CitationLanguage) => ({
  type: (code: string) => capitalised(typeName(code, language), language),
  process: (code: string) => processName(code, language) ?? code,
  country: (code: string | null) => (code ? (countryName(code, language) ?? code) : ''),
  theme: (code: string) => THEME_LABELS.get(code)?.[language] ?? code,
  organisation: (code: string) => ORGANISATION_LABELS.get(code)?.[language] ?? code,
  reference: (code: string) => REFERENCES[code]?.[language] ?? code,
});
type Labels = ReturnType<typeof labels>;

/**
 * The columns of the CSV export, in order: header → value of an item. Readers get words in the
 * language asked for (`lang`); programs get the codes in the `*_code(s)` columns at the end.
 * Headers stay the same in every language, so a program reads any export the same way.
 */
const COLUMNS: [string, (item: ExportedItem, data: Export, words: Labels) => string][] = [
  ['id', (item) => item.id],
  ['type', (item, _data, words) => words.type(item.type)],
  ['text', (item) => item.text],
  ['countries', (item, _data, words) => list(item.countries.map(words.country))],
  ['organisations', (item, _data, words) => list(item.organisations.map(words.organisation))],
  ['themes', (item, _data, words) => list(item.themes.map(words.theme))],
  ['references', (item, _data, words) => list(referenceIds(item.references).map(words.reference))],
  ['document_title', (item) => item.title],
  ['process', (item, _data, words) => words.process(item.process)],
  ['city', (item) => item.city ?? ''],
  ['country', (item, _data, words) => words.country(item.country)],
  ['date', (item) => item.dates[0] ?? ''],
  ['citation', (item, data) => citationOf(item, data.language)],
  ['item_url', (item) => item.url],
  ['handling_code', (item) => item.handlingCode],
  ['type_code', (item) => item.type],
  ['country_codes', (item) => list(item.countries)],
  ['organisation_codes', (item) => list(item.organisations)],
  ['theme_codes', (item) => list(item.themes)],
  ['reference_codes', (item) => list(referenceIds(item.references))],
  ['process_code', (item) => item.process],
  ['country_code', (item) => item.country ?? ''],
];

/** One row per item, in the order of the search. */
export function toCsv(data: Export): string {
  const words = labels(data.language);
  return toCsvDocument(
    COLUMNS.map(([header, value]) => [header, (item: ExportedItem) => value(item, data, words)] as const),
    data.items,
  );
}
