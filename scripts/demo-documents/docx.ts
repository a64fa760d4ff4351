/**
 * An outcome document as a Word file, written as the OOXML parts Word itself writes for a plain
 * document (docx-parts.ts) around the body built here.
 *
 * Two layouts:
 * - `library` (the demo library): Heading1 for the title, Heading2 for sections, paragraph numbers
 *   typed in the text with a hanging indent, as in the dialogues' own reports, so they survive any
 *   conversion; "Page n / N" in the footer.
 * - `outcome` (the knowledge library's fixtures): numbers and letters are Word list numbering
 *   (numbering.xml), never in the text, so a reader must take them from the list; Heading3
 *   sub-headings, tables, and the source's running header and "Page N of M" footer when it has them.
 */
import JSZip from 'jszip';
import {
  appProperties,
  contentTypes,
  coreProperties,
  documentRelationships,
  footer,
  header,
  type ListInstance,
  numbering,
  PACKAGE_RELATIONSHIPS,
  PART_TYPES,
  type Part,
  paragraph,
  R,
  run,
  styles,
  W,
} from './docx-parts.js';
import type { DemoDocument, Paragraph, Table } from './parse.js';
import { BUILT, DEMO_LIBRARY, KNOWLEDGE_FIXTURES } from './provenance.js';

export type DocxLayout = 'library' | 'outcome';

/** A4 with 2.5 cm margins: the width of the text, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * 1418;

const listParagraph = (numId: number, ilvl: number, text: string) =>
  `<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>${run(text)}</w:p>`;

/** Hands out list instances so that Word numbers each paragraph as the source does. */
class Lists {
  readonly instances: ListInstance[] = [];
  private current = 0;
  private next = 0;

  /** The numId for paragraph `number`: the running list if it follows on, else a list restarted there. */
  numbered(number: number) {
    if (this.current === 0 || number !== this.next) {
      this.instances.push({ abstract: 0, start: number });
      this.current = this.instances.length;
    }
    this.next = number + 1;
    return this.current;
  }

  /** A fresh letters-only list for the sub-points under an unnumbered lead-in. */
  letters() {
    this.instances.push({ abstract: 1, start: 1 });
    return this.instances.length;
  }
}

function listParagraphs(file: string, block: Paragraph, lists: Lists) {
  block.points.forEach((point, at) => {
    if (point.letter !== String.fromCharCode(97 + at)) {
      throw new Error(
        `${file}: sub-point (${point.letter}) should be (${String.fromCharCode(97 + at)}): Word letters them in order`,
      );
    }
  });
  if (!block.number) {
    const body = paragraph('BodyText', run(block.text));
    if (block.points.length === 0) return [body];
    const numId = lists.letters();
    return [body, ...block.points.map((point) => listParagraph(numId, 0, point.text))];
  }
  const numId = lists.numbered(Number(block.number));
  return [listParagraph(numId, 0, block.text), ...block.points.map((point) => listParagraph(numId, 1, point.text))];
}

/**
 * Column widths, counted in characters: each column at least as wide as its longest word, the rest
 * of the text width shared in proportion to how much more its cells would need to fit on one line.
 */
function table(block: Table) {
  const count = Math.max(...block.rows.map((row) => row.length));
  const widest = (column: number, part: (cell: string) => string[]) =>
    Math.max(3, ...block.rows.flatMap((row) => part(row[column] ?? '').map((text) => text.length + 3)));
  const least = Array.from({ length: count }, (_, column) => widest(column, (cell) => cell.split(' ')));
  const natural = Array.from({ length: count }, (_, column) => widest(column, (cell) => [cell]));
  const sum = (values: number[]) => values.reduce((total, n) => total + n, 0);
  // About 80 characters of 11-point Calibri (cell margins included) fit across the text width.
  const spare = Math.max(0, 80 - sum(least)) / Math.max(1, sum(natural) - sum(least));
  const characters = least.map((n, column) => n + (natural[column] - n) * Math.min(1, spare));
  const widths = characters.map((n) => Math.round((n * TEXT_WIDTH) / sum(characters)));
  const rows = block.rows.map((row, at) => {
    const cells = widths.map((width, column) => {
      const shade = at === 0 ? '<w:shd w:val="clear" w:color="auto" w:fill="E6EBF1"/>' : '';
      return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shade}</w:tcPr>${paragraph(null, run(row[column] ?? '', at === 0 ? '<w:b/>' : ''))}</w:tc>`;
    });
    return `<w:tr>${at === 0 ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells.join('')}</w:tr>`;
  });
  const grid = widths.map((width) => `<w:gridCol w:w="${width}"/>`).join('');
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

function body(document: DemoDocument, layout: DocxLayout, lists: Lists, references: string) {
  const parts = [paragraph('Subtitle', run(document.dialogue)), paragraph('Heading1', run(document.title))];
  for (const line of document.cover) parts.push(paragraph('Cover', run(line)));
  if (document.note) parts.push(paragraph('Note', run(document.note)));
  for (const section of document.sections) {
    parts.push(paragraph('Heading2', run(section.heading)));
    for (const block of section.blocks) {
      if (layout === 'outcome') {
        if (block.kind === 'subheading') parts.push(paragraph('Heading3', run(block.text)));
        else if (block.kind === 'table') parts.push(table(block));
        else parts.push(...listParagraphs(document.file, block, lists));
        continue;
      }
      if (block.kind !== 'paragraph' || block.points.length > 0) {
        throw new Error(`${document.file}: the demo library's Word layout prints paragraphs only`);
      }
      parts.push(
        block.number
          ? paragraph('NumberedParagraph', `<w:r><w:t>${block.number}.</w:t><w:tab/></w:r>${run(block.text)}`)
          : paragraph(null, run(block.text)),
      );
    }
  }
  // A4 with 2.5 cm margins, the running header and footer on every page.
  const section = `<w:sectPr>${references}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${parts.join('\n')}${section}</w:body></w:document>`;
}

/** The parts besides document.xml, in relationship order, and the section's references to header and footer. */
function wordParts(document: DemoDocument, layout: DocxLayout) {
  const language = document.language === 'fr' ? 'fr-FR' : 'en-GB';
  const parts: Part[] = [{ name: 'styles.xml', ...PART_TYPES.styles, content: styles(language, layout === 'outcome') }];
  const references: string[] = [];
  const add = (part: Part, reference?: string) => {
    parts.push(part);
    if (reference) references.push(`<w:${reference}Reference w:type="default" r:id="rId${parts.length}"/>`);
  };
  if (layout === 'library') {
    add({ name: 'footer1.xml', ...PART_TYPES.footer, content: footer(['Page ', ' / ']) }, 'footer');
    return { parts, references: references.join('') };
  }
  if (document.header) add({ name: 'header1.xml', ...PART_TYPES.header, content: header(document.header) }, 'header');
  if (document.pageOf) {
    const words: [string, string] = document.language === 'fr' ? ['Page ', ' sur '] : ['Page ', ' of '];
    add({ name: 'footer1.xml', ...PART_TYPES.footer, content: footer(words) }, 'footer');
  }
  // Written once the body has handed out its list instances (see renderDocx).
  add({ name: 'numbering.xml', ...PART_TYPES.numbering, content: '' });
  return { parts, references: references.join('') };
}

export async function renderDocx(document: DemoDocument, layout: DocxLayout = 'library'): Promise<Buffer> {
  const provenance = layout === 'library' ? DEMO_LIBRARY : KNOWLEDGE_FIXTURES;
  const lists = new Lists();
  const { parts, references } = wordParts(document, layout);
  const main = body(document, layout, lists, references);
  const numberingPart = parts.find((part) => part.name === 'numbering.xml');
  if (numberingPart) numberingPart.content = numbering(lists.instances);

  const zip = new JSZip();
  const add = (name: string, content: string) => zip.file(name, content, { date: BUILT, createFolders: false });
  add('[Content_Types].xml', contentTypes(parts));
  add('_rels/.rels', PACKAGE_RELATIONSHIPS);
  add('docProps/core.xml', coreProperties(document, provenance));
  add('docProps/app.xml', appProperties(provenance));
  add('word/_rels/document.xml.rels', documentRelationships(parts));
  for (const part of parts) add(`word/${part.name}`, part.content);
  add('word/document.xml', main);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}
