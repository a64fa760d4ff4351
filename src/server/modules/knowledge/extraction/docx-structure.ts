import path from 'node:path';
import JSZip from 'jszip';
import { ListCounters, type NumberingDefinitions, parseNumbering } from './docx-numbering.js';
import { outlineToHeading, parseStyles, type Styles } from './docx-styles.js';
import { attribute, decodePart, scanXml } from './docx-xml.js';

/**
 * Reads a Word document by its structure into the text the block splitter expects (blocks.ts):
 * paragraphs separated by a blank line, headings (from paragraph styles and outline levels) as
 * `#`…`######` lines, Word's list numbers materialised in front of their paragraph ("4. …",
 * "(b) …", "- …" for bullets), and each table row on one line with its cells joined by " | ".
 * Only the main document is read: headers, footers, footnotes and comments are not part of the text,
 * deleted revisions are left out and inserted ones kept.
 */

// Relationship types end the same in transitional and strict packages.
const OFFICE_DOCUMENT = /\/officeDocument$/;
const STYLES = /\/styles$/;
const NUMBERING = /\/numbering$/;

// Elements left out with everything inside them: deleted or moved-away text, field instructions,
// property blocks (whose w:tab and w:del mean tab stops and deleted paragraph marks, not text), and
// the fallback copy of content that mc:AlternateContent offers twice.
const SKIP = new Set([
  'w:del',
  'w:moveFrom',
  'w:delText',
  'w:instrText',
  'w:delInstrText',
  'w:rPr',
  'w:pPrChange',
  'w:sectPr',
  'w:tblPr',
  'w:tblPrEx',
  'w:tblGrid',
  'w:trPr',
  'w:tcPr',
  'w:sdtPr',
  'w:sdtEndPr',
  'w:customXmlPr',
  'mc:Fallback',
]);

interface Paragraph {
  style: string | null;
  numId: string | null;
  ilvl: number | null;
  outline: number | null;
  parts: string[];
}

interface Table {
  cells: string[];
  /** The paragraphs of the cell being read, null between cells. */
  cell: string[] | null;
}

/** Files of the package by lower-cased name: part names are case-insensitive (OPC). */
type Parts = Map<string, JSZip.JSZipObject>;

async function readPart(parts: Parts, name: string): Promise<string | null> {
  const file = parts.get(name.replace(/^\/+/, '').toLowerCase());
  return file ? decodePart(await file.async('uint8array')) : null;
}

/** Relationship targets of a part by type, resolved to part names. */
async function relationships(parts: Parts, source: string): Promise<{ type: string; target: string }[]> {
  const folder = path.posix.dirname(source);
  const xml = await readPart(
    parts,
    path.posix.join(folder === '.' ? '' : folder, '_rels', `${path.posix.basename(source)}.rels`),
  );
  const found: { type: string; target: string }[] = [];
  if (!xml) return found;
  scanXml(xml, {
    open(name, attributes) {
      if (!name.endsWith('Relationship') || attribute(attributes, 'TargetMode') === 'External') return;
      const target = attribute(attributes, 'Target');
      const type = attribute(attributes, 'Type');
      if (!target || !type) return;
      const resolved = target.startsWith('/') ? target.slice(1) : path.posix.join(folder === '.' ? '' : folder, target);
      found.push({ type, target: path.posix.normalize(resolved) });
    },
    close() {},
    text() {},
  });
  return found;
}

/** The body of the main document as text for the block splitter. */
export function readBody(xml: string, styles: Styles, numbering: NumberingDefinitions): string {
  const lists = new ListCounters(numbering, (styleId) => styles.numbering(styleId).numId);
  const chunks: string[] = [];
  const paragraphs: Paragraph[] = [];
  const tables: Table[] = [];
  let inProperties = false;
  let inText = false;

  /** A line of text goes into the table cell being read, or is a paragraph of its own. */
  const emit = (line: string) => {
    const table = tables.at(-1);
    if (table?.cell) table.cell.push(line.replace(/\s*\n\s*/g, ' '));
    else chunks.push(line);
  };

  const finish = (paragraph: Paragraph) => {
    const style = paragraph.style ?? styles.defaultStyle;
    const styled = styles.numbering(style);
    const numId = paragraph.numId ?? styled.numId;
    // The counters advance even for an empty numbered paragraph, as Word shows its number.
    const marker = numId === null ? null : lists.next(numId, paragraph.ilvl ?? styled.ilvl, style);
    const text = paragraph.parts
      .join('')
      .replace(/[ \t]*\n[ \t]*/g, '\n')
      .trim();
    if (!text) return;
    const line = marker ? `${marker} ${text}` : text;
    const level = paragraph.outline !== null ? outlineToHeading(paragraph.outline) : styles.headingLevel(style);
    if (level && !tables.length) emit(`${'#'.repeat(level)} ${line.replace(/\s*\n\s*/g, ' ')}`);
    else emit(line);
  };

  scanXml(
    xml,
    {
      open(name, attributes, selfClosing) {
        const paragraph = paragraphs.at(-1);
        if (name === 'w:p') {
          if (!selfClosing) paragraphs.push({ style: null, numId: null, ilvl: null, outline: null, parts: [] });
        } else if (name === 'w:pPr') inProperties = !selfClosing;
        else if (inProperties) {
          if (!paragraph) return;
          if (name === 'w:pStyle') paragraph.style = attribute(attributes, 'val');
          else if (name === 'w:numId') paragraph.numId = attribute(attributes, 'val');
          else if (name === 'w:ilvl') paragraph.ilvl = Number(attribute(attributes, 'val') ?? 0) || 0;
          else if (name === 'w:outlineLvl') paragraph.outline = Number(attribute(attributes, 'val') ?? 9);
        } else if (name === 'w:t') inText = !selfClosing;
        else if (!paragraph) {
          if (name === 'w:tbl') tables.push({ cells: [], cell: null });
          else if (name === 'w:tr' && tables.length) tables[tables.length - 1].cells = [];
          else if (name === 'w:tc' && tables.length) tables[tables.length - 1].cell = [];
        } else if (name === 'w:tab' || name === 'w:ptab') paragraph.parts.push('\t');
        else if (name === 'w:br' || name === 'w:cr') paragraph.parts.push('\n');
        else if (name === 'w:noBreakHyphen') paragraph.parts.push('-');
      },
      close(name) {
        if (name === 'w:t') inText = false;
        else if (name === 'w:pPr') inProperties = false;
        else if (name === 'w:p') {
          const paragraph = paragraphs.pop();
          if (paragraph) finish(paragraph);
        } else if (paragraphs.length) return;
        else if (name === 'w:tc') {
          const table = tables.at(-1);
          if (table?.cell) table.cells.push(table.cell.join(' '));
          if (table) table.cell = null;
        } else if (name === 'w:tr') {
          const table = tables.at(-1);
          if (!table?.cells.some((cell) => cell.trim())) return;
          const row = table.cells.join(' | ');
          table.cells = [];
          // A table nested in a cell gives its rows to that cell.
          const parent = tables.at(-2);
          if (parent?.cell) parent.cell.push(row);
          else if (!parent) chunks.push(row);
        } else if (name === 'w:tbl') tables.pop();
      },
      text(text) {
        if (inText) paragraphs.at(-1)?.parts.push(text);
      },
    },
    SKIP,
  );
  return chunks.join('\n\n');
}

/** The text of a Word document (.docx); throws on anything that is not a readable Word package. */
export async function readDocxStructure(data: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const parts: Parts = new Map();
  zip.forEach((name, file) => {
    if (!file.dir) parts.set(name.toLowerCase(), file);
  });
  const main = (await relationships(parts, '')).find((r) => OFFICE_DOCUMENT.test(r.type))?.target ?? 'word/document.xml';
  const document = await readPart(parts, main);
  if (document === null) throw new Error(`the package has no main document (${main})`);
  const related = await relationships(parts, main);
  const partOf = async (type: RegExp, fallback: string) =>
    (await readPart(parts, related.find((r) => type.test(r.type))?.target ?? fallback)) ?? '';
  const styles = parseStyles(await partOf(STYLES, 'word/styles.xml'));
  const numbering = parseNumbering(await partOf(NUMBERING, 'word/numbering.xml'));
  return readBody(document, styles, numbering);
}
