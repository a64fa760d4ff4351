/**
 * Reads an outcome document's Markdown source into its parts. Used for the demo library
 * (build-demo-documents.ts) and for the knowledge library's test fixtures (build-knowledge-fixtures.ts,
 * format in /test/fixtures/knowledge/README.md and the header comment of that script).
 *
 * The source is read line by line, so that a paragraph may be separated from the next by a blank
 * line or simply start on the next line: every line is a block of its own, except a lettered
 * sub-point "(a) …", which belongs to the paragraph above it, a table row "| … |", which belongs to
 * its table, and a line starting in lower case, which continues a hard-wrapped line above it.
 */

export type Format = 'pdf' | 'docx' | 'md' | 'txt';

export interface SubPoint {
  /** "b" for "(b) …". */
  letter: string;
  text: string;
}

export interface Paragraph {
  kind: 'paragraph';
  /** "4" for "4. …"; null for an unnumbered paragraph. */
  number: string | null;
  text: string;
  /** The lettered sub-points under the paragraph (its text is then their lead-in). */
  points: SubPoint[];
}

export interface SubHeading {
  kind: 'subheading';
  text: string;
}

export interface Table {
  kind: 'table';
  /** The header row first; the Markdown separator row "| --- |" is left out. */
  rows: string[][];
}

export type Block = Paragraph | SubHeading | Table;

export interface Section {
  heading: string;
  blocks: Block[];
}

export interface DemoDocument {
  file: string;
  format: Format;
  language: 'en' | 'fr';
  /** The dialogue ("Rabat Process"), printed above the title. */
  dialogue: string;
  title: string;
  /** Place, dates and co-chairs, one line each. */
  cover: string[];
  /** The cover's closing note, that the document is fictional: the cover paragraph that is a sentence. */
  note: string | null;
  sections: Section[];
  /** Running header printed at the top of every page (PDF and Word), if any. */
  header: string | null;
  /** "Page N of M" at the foot of every page. */
  pageOf: boolean;
  /** The heading of the section printed in two columns (PDF only), if any. */
  twoColumn: string | null;
  /** The source without its header: the Markdown rendering. */
  markdown: string;
}

const HEADER = /^<!--\n([\s\S]*?)\n-->\n+/;
const NUMBERED = /^(\d{1,3})\.\s+(.+)$/;
const LETTERED = /^\(([a-z])\)\s+(.+)$/;
const TABLE_ROW = /^\|.*\|$/;
const TABLE_SEPARATOR = /^\|(\s*:?-{3,}:?\s*\|)+$/;

function fail(source: string, message: string): never {
  throw new Error(`${source}: ${message}`);
}

/** Markdown emphasis is for the .md rendering; the other renderings print plain text. */
export const plain = (text: string) =>
  text
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])[*_](\S(?:[^*_]*\S)?)[*_](?=[\s.,;:)]|$)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();

export const tableCells = (row: string) =>
  row
    .slice(1, -1)
    .split('|')
    .map((cell) => plain(cell));

function readFields(header: string, name: string) {
  const fields: Record<string, string> = Object.fromEntries(
    header.split('\n').map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
    }),
  );
  if (!['pdf', 'docx', 'md', 'txt'].includes(fields.format)) fail(name, `unknown format ${fields.format}`);
  if (!['en', 'fr'].includes(fields.language)) fail(name, `unknown language ${fields.language}`);
  if (!/^[a-z0-9-]+$/.test(fields.file ?? '')) fail(name, 'file must be a lower-case slug');
  if (fields.footer !== undefined && fields.footer !== 'page-of') fail(name, `unknown footer ${fields.footer}`);
  return fields;
}

export function parseSource(source: string, name: string): DemoDocument {
  const header = HEADER.exec(source) ?? fail(name, 'no <!-- … --> header');
  const fields = readFields(header[1], name);
  const markdown = source.slice(header[0].length);
  const lines = markdown.split('\n').map((line) => line.trim());
  const first = lines.findIndex(Boolean);
  const titleAt = lines.findIndex((line, at) => at > first && line !== '');
  if (first < 0 || !lines[titleAt]?.startsWith('# ')) fail(name, 'expected the dialogue, then "# title"');
  const document: DemoDocument = {
    file: fields.file,
    format: fields.format as Format,
    language: fields.language as 'en' | 'fr',
    dialogue: plain(lines[first]),
    title: plain(lines[titleAt].slice(2)),
    cover: [],
    note: null,
    sections: [],
    header: fields.header ? plain(fields.header) : null,
    pageOf: fields.footer === 'page-of',
    twoColumn: fields['two-column'] ? plain(fields['two-column']) : null,
    markdown,
  };

  // The block a following line may continue: a paragraph (or its last sub-point) or a table.
  let open: Block | null = null;
  for (const line of lines.slice(titleAt + 1)) {
    const section = document.sections.at(-1);
    const last = section?.blocks.at(-1);
    if (!line) {
      open = null;
    } else if (line.startsWith('## ')) {
      document.sections.push({ heading: plain(line.slice(3)), blocks: [] });
      open = null;
    } else if (!section) {
      if (/[.!]$/.test(line)) document.note = plain(line);
      else document.cover.push(plain(line));
    } else if (line.startsWith('### ')) {
      section.blocks.push({ kind: 'subheading', text: plain(line.slice(4)) });
      open = null;
    } else if (TABLE_ROW.test(line)) {
      if (open?.kind !== 'table') {
        open = { kind: 'table', rows: [] };
        section.blocks.push(open);
      }
      if (!TABLE_SEPARATOR.test(line)) open.rows.push(tableCells(line));
    } else if (LETTERED.test(line) && last?.kind === 'paragraph') {
      const [, letter, text] = LETTERED.exec(line) as RegExpExecArray;
      last.points.push({ letter, text: plain(text) });
      open = last;
    } else if (open?.kind === 'paragraph' && /^[a-zà-ÿ]/.test(line)) {
      const continued = open.points.at(-1) ?? open;
      continued.text = plain(`${continued.text} ${line}`);
    } else {
      const numbered = NUMBERED.exec(line);
      open = numbered
        ? { kind: 'paragraph', number: numbered[1], text: plain(numbered[2]), points: [] }
        : { kind: 'paragraph', number: null, text: plain(line), points: [] };
      section.blocks.push(open);
    }
  }
  if (document.sections.length === 0) fail(name, 'no "## section"');
  if (document.twoColumn && !document.sections.some((section) => section.heading === document.twoColumn)) {
    fail(name, `two-column: no section "${document.twoColumn}"`);
  }
  return document;
}
