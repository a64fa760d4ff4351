import PDFDocument from 'pdfkit';
import { HANDLING_CODES } from '../../../../shared/handling-codes.js';
import { countryName, meetingDates, processName } from '../items/citation.js';
import { citationOf } from '../items/service.js';
import { ORGANISATIONS, REFERENCES, THEME_IDS, THEMES } from '../vocabulary/index.js';
import { PDF_TEXT, type PdfText, winAnsi } from './pdf-text.js';
import type { PdfLanguage } from './schemas.js';
import type { Export, ExportedItem, ExportedQuery } from './service.js';

const MARGIN = 56;
const INK = '#1a1a1a';
const MUTED = '#4d4d4d';
const THEME_LABELS = new Map(THEMES.map((theme) => [theme.id as string, theme.label]));
const ORGANISATION_LABELS = new Map(ORGANISATIONS.map((organisation) => [organisation.id, organisation.label]));

interface ThemeGroup {
  heading: string;
  items: ExportedItem[];
}

/**
 * Items by theme, in the vocabulary's order (themes outside it after, then "Other" for items with
 * none). An item with several themes appears under each; within a theme the search's order holds.
 */
export function groupByTheme(items: ExportedItem[], language: PdfLanguage): ThemeGroup[] {
  const byTheme = new Map<string, ExportedItem[]>();
  const untagged: ExportedItem[] = [];
  for (const item of items) {
    if (item.themes.length === 0) untagged.push(item);
    for (const theme of item.themes) byTheme.set(theme, [...(byTheme.get(theme) ?? []), item]);
  }
  const known = THEME_IDS.filter((id) => byTheme.has(id)) as string[];
  const unknown = [...byTheme.keys()].filter((id) => !THEME_LABELS.has(id)).sort();
  const groups = [...known, ...unknown].map((id) => ({
    heading: THEME_LABELS.get(id)?.[language] ?? id,
    items: byTheme.get(id) ?? [],
  }));
  if (untagged.length) groups.push({ heading: PDF_TEXT[language].other, items: untagged });
  return groups;
}

/** Each search parameter that was given, as "Label: value, value" with the values' names. */
function describeQuery(query: ExportedQuery, language: PdfLanguage): string[] {
  const text = PDF_TEXT[language];
  const name: Record<string, (value: string) => string> = {
    type: (value) => text.types[value] ?? value,
    country: (value) => countryName(value, language) ?? value,
    theme: (value) => THEME_LABELS.get(value)?.[language] ?? value,
    process: (value) => processName(value, language) ?? value,
    organisation: (value) => ORGANISATION_LABELS.get(value)?.[language] ?? value,
    reference: (value) => REFERENCES[value]?.[language] ?? value,
    sort: (value) => text.sorts[value] ?? value,
  };
  return Object.entries(query).map(([field, value]) => {
    const values = (Array.isArray(value) ? value : [value]).map((entry) => (name[field] ?? String)(String(entry)));
    return `${text.fields[field] ?? field}: ${values.join(', ')}`;
  });
}

/** The most restrictive handling code among the items, or null when all are TLP:CLEAR. */
function strictestCode(items: ExportedItem[]): string | null {
  const codes = new Set(items.map((item) => item.handlingCode));
  return HANDLING_CODES.find((code) => code !== 'TLP:CLEAR' && codes.has(code)) ?? null;
}

function titlePage(doc: PDFKit.PDFDocument, data: Export, language: PdfLanguage, groups: ThemeGroup[]) {
  const text = PDF_TEXT[language];
  const number = (n: number) => n.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB');
  const write = (value: string, options: PDFKit.Mixins.TextOptions = {}) => doc.text(winAnsi(value), options);
  doc.fillColor(MUTED).font('Helvetica').fontSize(11);
  write('Liaison');
  doc.moveDown(0.5).fillColor(INK).font('Helvetica-Bold').fontSize(24);
  write(text.title);
  doc.moveDown().font('Helvetica-Bold').fontSize(13);
  write(text.search);
  doc.font('Helvetica').fontSize(11);
  const lines = describeQuery(data.query, language);
  for (const line of lines.length ? lines : [text.everything]) write(line);
  doc.moveDown();
  const day = meetingDates([data.exportedAt.toISOString().slice(0, 10)], language) ?? '';
  write(text.exportedOn(day, data.exportedAt.toISOString().slice(11, 16)));
  write(
    data.capped ? text.capped(number(data.items.length), number(data.total), number(data.limit)) : text.count(number(data.total)),
  );
  const code = strictestCode(data.items);
  if (code) {
    doc.moveDown().font('Helvetica-Bold');
    write(text.handling(code));
    doc.font('Helvetica');
  }
  if (groups.length) {
    doc.moveDown().font('Helvetica-Bold').fontSize(13);
    write(text.themes);
    doc.font('Helvetica').fontSize(11);
    for (const group of groups) write(`${group.heading} (${number(group.items.length)})`);
  }
}

// Laying out text is synchronous CPU work: hand the event loop back to other requests this often.
const ITEMS_BETWEEN_PAUSES = 50;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

async function themeSection(doc: PDFKit.PDFDocument, group: ThemeGroup, language: PdfLanguage) {
  const text = PDF_TEXT[language];
  const width = doc.page.width - 2 * MARGIN;
  // A heading never ends a page alone.
  if (doc.y > doc.page.height - MARGIN - 120) doc.addPage();
  else doc.moveDown(1.5);
  doc.x = MARGIN;
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(16).text(winAnsi(group.heading), { width });
  doc.moveDown(0.5);
  for (const [index, item] of group.items.entries()) {
    if (index > 0 && index % ITEMS_BETWEEN_PAUSES === 0) await pause();
    if (doc.y > doc.page.height - MARGIN - 60) doc.addPage();
    const code = item.handlingCode === 'TLP:CLEAR' ? '' : ` (${item.handlingCode})`;
    doc
      .fillColor(INK)
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(winAnsi(`${text.types[item.type] ?? item.type}${code}`), { width });
    doc.font('Helvetica').fontSize(10).text(winAnsi(item.text), { width });
    doc
      .fillColor(MUTED)
      .font('Helvetica-Oblique')
      .fontSize(9)
      .text(winAnsi(citationOf(item, language)), { width });
    doc.moveDown(0.8);
  }
}

/** "Page 3 of 12" at the foot of every page, written once the number of pages is known. */
function pageNumbers(doc: PDFKit.PDFDocument, language: PdfLanguage) {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fillColor(MUTED)
      .font('Helvetica')
      .fontSize(9)
      .text(PDF_TEXT[language].page(index + 1, range.count), MARGIN, doc.page.height - MARGIN / 2 - 9, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

/** The digest: a title page with the search and date, then the items grouped by theme. */
export async function renderDigest(data: Export, language: PdfLanguage): Promise<Buffer> {
  const text: PdfText = PDF_TEXT[language];
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: language,
    displayTitle: true,
    info: { Title: text.title, Creator: 'Liaison', CreationDate: data.exportedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const groups = groupByTheme(data.items, language);
  titlePage(doc, data, language, groups);
  if (groups.length) doc.addPage();
  for (const group of groups) await themeSection(doc, group, language);
  pageNumbers(doc, language);
  doc.end();
  return finished;
}
