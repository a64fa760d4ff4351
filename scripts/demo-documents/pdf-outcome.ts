/**
 * An outcome document as a PDF laid out like the dialogues' real ones, for the knowledge library's
 * test fixtures: a title block on the first page, justified body text with hyphenated line ends,
 * numbered paragraphs with a hanging number and indented lettered sub-points, bold headings, tables
 * drawn as rows of cells, optionally one section in two columns, a running header on every page and
 * "Page N of M" at the foot.
 *
 * Unlike the demo library's layout (pdf.ts), nothing here helps a reader: paragraphs are told apart
 * only by white space and indentation (the text layer has no blank lines), a paragraph runs on from
 * one page to the next, and the page furniture sits between its halves. That is what the reader of
 * real outcome documents must cope with, and what the fixtures test it on.
 */

import type { DemoDocument } from './parse.js';
import { ACCENT, INK, MUTED, openPdf, type Pdf } from './pdf.js';
import { BODY, type Box, flow, headingBoxes } from './pdf-flow.js';
import { KNOWLEDGE_FIXTURES } from './provenance.js';

const A4 = { width: 595.28, height: 841.89 };
const PAGE = { top: 86, bottom: 76, left: 68, right: 68 };
const GUTTER = 20;

function drawTitleBlock(doc: Pdf, document: DemoDocument, left: number, width: number) {
  doc.font('Helvetica').fontSize(10).fillColor(MUTED);
  doc.text(document.dialogue.toUpperCase(), left, PAGE.top, { width, align: 'center', characterSpacing: 1 });
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(17).fillColor(ACCENT);
  doc.text(document.title, left, doc.y, { width, align: 'center', lineGap: 3 });
  doc.moveDown(0.6);
  doc.font('Helvetica').fontSize(11).fillColor(INK);
  for (const line of document.cover) doc.text(line, left, doc.y, { width, align: 'center', lineGap: 2 });
  if (document.note) {
    doc.moveDown(0.6);
    doc.font('Helvetica-Oblique').fontSize(8.5).fillColor(MUTED);
    doc.text(document.note, left, doc.y, { width, align: 'center' });
  }
  const rule = doc.y + 12;
  doc
    .moveTo(left + width / 3, rule)
    .lineTo(left + (2 * width) / 3, rule)
    .lineWidth(0.8)
    .stroke(ACCENT);
  return rule + 6;
}

function drawHeader(doc: Pdf, text: string, left: number, width: number) {
  doc.font('Helvetica').fontSize(8.5).fillColor(MUTED);
  doc.text(text, left, 38, { width, align: 'center', lineBreak: false, ellipsis: true });
  doc
    .moveTo(left, 54)
    .lineTo(left + width, 54)
    .lineWidth(0.4)
    .stroke(MUTED);
}

/** Written last, on every buffered page, once the page count is known. */
function drawFooters(doc: Pdf, language: 'en' | 'fr', left: number, width: number) {
  const { start, count } = doc.bufferedPageRange();
  for (let page = start; page < start + count; page++) {
    doc.switchToPage(page);
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8.5).fillColor(MUTED);
    const text = language === 'fr' ? `Page ${page + 1} sur ${count}` : `Page ${page + 1} of ${count}`;
    doc.text(text, left, doc.page.height - 48, { width, align: 'center', lineBreak: false });
  }
}

/** Places boxes on pages (and columns), keeping each box with the `keep` boxes after it. */
class Pager {
  y = PAGE.top;
  constructor(
    private readonly doc: Pdf,
    readonly bottom: number,
  ) {}

  newPage() {
    this.doc.addPage();
    this.y = PAGE.top;
  }

  private static need(boxes: Box[], at: number, first: boolean) {
    let need = (first ? 0 : boxes[at].before) + boxes[at].height;
    for (const next of boxes.slice(at + 1, at + 1 + boxes[at].keep)) need += next.before + next.height;
    return need;
  }

  /** Full-width flow from the current position, onto new pages as needed. */
  place(boxes: Box[], x: number) {
    boxes.forEach((box, at) => {
      if (this.y > PAGE.top && this.y + Pager.need(boxes, at, false) > this.bottom) this.newPage();
      const before = this.y > PAGE.top ? box.before : 0;
      box.draw(this.doc, x, this.y + before);
      this.y += before + box.height;
    });
  }

  /**
   * Two balanced columns: the first filled to about half the section (or to the foot of the page
   * when the section is longer than the page), the second with the rest, then on the next page.
   */
  placeColumns(boxes: Box[], x: number, columnWidth: number) {
    let rest = boxes;
    while (rest.length > 0) {
      if (this.bottom - this.y < 3 * BODY.leading) this.newPage();
      const available = this.bottom - this.y;
      const total = rest.reduce((sum, box) => sum + box.before + box.height, 0);
      const half = total <= 2 * available ? total / 2 + BODY.leading / 2 : available;
      const top = this.y;
      let end = top;
      for (const [column, limit] of [
        [0, Math.min(half, available)],
        [1, available],
      ]) {
        let y = top;
        while (rest.length > 0) {
          const box = rest[0];
          const before = y > top ? box.before : 0;
          if (y > top && y - top + before + box.height > limit) break;
          box.draw(this.doc, x + column * (columnWidth + GUTTER), y + before);
          y += before + box.height;
          rest = rest.slice(1);
        }
        end = Math.max(end, y);
      }
      this.y = end;
      if (rest.length > 0) this.newPage();
    }
  }
}

/** Characters the PDF standard fonts cannot print (outside Windows-1252): pdfkit would garble them. */
const UNPRINTABLE = /[^\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/u;

export async function renderOutcomePdf(document: DemoDocument): Promise<Buffer> {
  const printed = [document.header ?? '', document.dialogue, document.title, ...document.cover, document.note ?? ''];
  for (const section of document.sections) {
    printed.push(section.heading);
    for (const block of section.blocks) {
      if (block.kind === 'table') printed.push(...block.rows.flat());
      else if (block.kind === 'subheading') printed.push(block.text);
      else printed.push(block.text, ...block.points.map((point) => point.text));
    }
  }
  const unprintable = UNPRINTABLE.exec(printed.join(' '));
  if (unprintable) throw new Error(`${document.file}: "${unprintable[0]}" cannot be printed in the PDF's standard fonts`);
  const { doc, output } = openPdf(document, KNOWLEDGE_FIXTURES, { bufferPages: true });
  const width = A4.width - PAGE.left - PAGE.right;
  const header = document.header;
  if (header) doc.on('pageAdded', () => drawHeader(doc, header, PAGE.left, width));
  const pager = new Pager(doc, A4.height - PAGE.bottom);
  pager.newPage();
  pager.y = drawTitleBlock(doc, document, PAGE.left, width);

  for (const section of document.sections) {
    const heading = headingBoxes(doc, section.heading, width, 2);
    if (section.heading !== document.twoColumn) {
      pager.place([...heading, ...flow(doc, section.blocks, width)], PAGE.left);
      continue;
    }
    const columnWidth = (width - GUTTER) / 2;
    const body = flow(doc, section.blocks, columnWidth);
    const headingHeight = heading.reduce((sum, box) => sum + box.before + box.height, 0);
    if (pager.y > PAGE.top && pager.y + headingHeight + 3 * BODY.leading > pager.bottom) pager.newPage();
    pager.place(heading, PAGE.left);
    pager.y += 6;
    pager.placeColumns(body, PAGE.left, columnWidth);
  }
  if (document.pageOf) drawFooters(doc, document.language, PAGE.left, width);
  doc.end();
  return output;
}
