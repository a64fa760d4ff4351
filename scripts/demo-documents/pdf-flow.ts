/**
 * The body of an outcome PDF as a flow of boxes (one per printed line, heading or table row), laid
 * out for a given width; pdf-outcome.ts places them on pages and in columns. A paragraph is several
 * boxes, so it breaks across pages as in a word processor.
 */

import type { Block, Paragraph, Table } from './parse.js';
import { ACCENT, INK, type Pdf } from './pdf.js';
import { breakLines } from './pdf-lines.js';

export interface Box {
  /** White space above the box, dropped at the top of a page or column. */
  before: number;
  height: number;
  /** How many of the following boxes must share its page (a heading is not left alone at a page's foot). */
  keep: number;
  draw: (doc: Pdf, x: number, y: number) => void;
}

export const BODY = { font: 'Helvetica', size: 10.5, leading: 14.5 };
const TABLE = { font: 'Helvetica', bold: 'Helvetica-Bold', size: 9.5, leading: 12.5, padding: 4 };
const NUMBER_INDENT = 24;
const LETTER_INDENT = 22;
const PARAGRAPH_GAP = 7;
const POINT_GAP = 3;

const measurer = (doc: Pdf, font: string, size: number) => (text: string) => doc.font(font).fontSize(size).widthOfString(text);

/** One justified line, its words spread by pdfkit's word spacing (no space glyphs in the text layer then). */
function drawLine(doc: Pdf, text: string, x: number, y: number, width: number, justify: boolean) {
  const gaps = text.split(' ').length - 1;
  const spare = width - doc.widthOfString(text);
  const wordSpacing = justify && gaps > 0 && spare > 0 ? spare / gaps : 0;
  doc.text(text, x, y, { lineBreak: false, wordSpacing });
}

/** The lines of a text printed at `indent` in a `width`-wide column, `marker` ("4.", "(a)") hanging before it. */
function textBoxes(
  doc: Pdf,
  text: string,
  width: number,
  indent: number,
  marker: { text: string; at: number } | null,
  before: number,
): Box[] {
  const lineWidth = width - indent;
  const lines = breakLines(text, lineWidth, measurer(doc, BODY.font, BODY.size));
  return lines.map((line, at) => ({
    before: at === 0 ? before : 0,
    height: BODY.leading,
    // No widow or orphan control: a paragraph breaks wherever the page ends, so that readers of the
    // fixtures meet paragraphs cut by the page furniture, as in many real reports.
    keep: 0,
    draw: (doc, x, y) => {
      doc.font(BODY.font).fontSize(BODY.size).fillColor(INK);
      if (at === 0 && marker) doc.text(marker.text, x + marker.at, y, { lineBreak: false });
      drawLine(doc, line.text, x + indent, y, lineWidth, !line.last);
    },
  }));
}

function paragraphBoxes(doc: Pdf, paragraph: Paragraph, width: number): Box[] {
  const indent = paragraph.number ? NUMBER_INDENT : 0;
  const marker = paragraph.number ? { text: `${paragraph.number}.`, at: 0 } : null;
  const boxes = textBoxes(doc, paragraph.text, width, indent, marker, PARAGRAPH_GAP);
  for (const point of paragraph.points) {
    const at = NUMBER_INDENT;
    boxes.push(...textBoxes(doc, point.text, width, at + LETTER_INDENT, { text: `(${point.letter})`, at }, POINT_GAP));
  }
  return boxes;
}

export function headingBoxes(doc: Pdf, text: string, width: number, level: 2 | 3): Box[] {
  const size = level === 2 ? 13 : 11;
  const leading = size * 1.3;
  const lines = breakLines(text, width, measurer(doc, 'Helvetica-Bold', size), false);
  return lines.map((line, at) => ({
    before: at === 0 ? (level === 2 ? 16 : 10) : 0,
    height: leading + (line.last ? 2 : 0),
    keep: lines.length - at + 1,
    draw: (doc, x, y) => {
      doc
        .font('Helvetica-Bold')
        .fontSize(size)
        .fillColor(level === 2 ? ACCENT : INK);
      doc.text(line.text, x, y, { lineBreak: false });
    },
  }));
}

/**
 * Column widths: each column at least as wide as its longest word, the rest of the width shared in
 * proportion to how much more its cells would need to fit on one line.
 */
function columnWidths(doc: Pdf, table: Table, width: number): number[] {
  const count = Math.max(...table.rows.map((row) => row.length));
  const measure = (at: number) => measurer(doc, at === 0 ? TABLE.bold : TABLE.font, TABLE.size);
  const widest = (column: number, part: (cell: string) => string[]) =>
    2 * TABLE.padding + Math.max(0, ...table.rows.flatMap((row, at) => part(row[column] ?? '').map(measure(at))));
  const least = Array.from({ length: count }, (_, column) => widest(column, (cell) => cell.split(' ')));
  const natural = Array.from({ length: count }, (_, column) => widest(column, (cell) => [cell]));
  const sum = (widths: number[]) => widths.reduce((total, w) => total + w, 0);
  if (sum(least) >= width) return least.map((w) => (w * width) / sum(least));
  const spare = (width - sum(least)) / Math.max(1, sum(natural) - sum(least));
  const widths = least.map((w, column) => w + (natural[column] - w) * Math.min(1, spare));
  // A table narrower than the text is stretched to its width, as a word processor's autofit does.
  return widths.map((w) => (w * width) / sum(widths));
}

function tableBoxes(doc: Pdf, table: Table, width: number): Box[] {
  const widths = columnWidths(doc, table, width);
  return table.rows.map((row, at) => {
    const font = at === 0 ? TABLE.bold : TABLE.font;
    const cells = widths.map((w, column) =>
      breakLines(row[column] ?? '', w - 2 * TABLE.padding, measurer(doc, font, TABLE.size), false),
    );
    const height = Math.max(...cells.map((lines) => lines.length)) * TABLE.leading + 2 * TABLE.padding;
    return {
      before: at === 0 ? PARAGRAPH_GAP + 3 : 0,
      height,
      keep: at === 0 ? 1 : 0,
      draw: (doc, x, y) => {
        let left = x;
        cells.forEach((lines, column) => {
          if (at === 0) doc.rect(left, y, widths[column], height).fill('#e6ebf1');
          doc.rect(left, y, widths[column], height).lineWidth(0.5).stroke('#7d8793');
          doc.font(font).fontSize(TABLE.size).fillColor(INK);
          lines.forEach((line, n) => {
            doc.text(line.text, left + TABLE.padding, y + TABLE.padding + n * TABLE.leading, { lineBreak: false });
          });
          left += widths[column];
        });
      },
    };
  });
}

export function flow(doc: Pdf, blocks: Block[], width: number): Box[] {
  return blocks.flatMap((block) => {
    if (block.kind === 'subheading') return headingBoxes(doc, block.text, width, 3);
    if (block.kind === 'table') return tableBoxes(doc, block, width);
    return paragraphBoxes(doc, block, width);
  });
}
