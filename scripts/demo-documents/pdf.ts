/**
 * A demo document as a PDF: a cover page, then the sections with bold headings in a larger font,
 * numbered paragraphs with a hanging number, and "Page n / N" in the footer of every page after the
 * cover.
 *
 * The text layer of a PDF has no blank lines between paragraphs: a reader sees one line after
 * another. So that the document reads back as it looks, every block on a page starts with a marker a
 * reader knows: a "•" before section headings (as the dialogues' own reports print them), a number
 * before paragraphs, a dash before the cover's lines; each paragraph is kept whole on one page; and
 * the footer is written first on its page, where the next line (a heading or a numbered paragraph)
 * ends it, instead of last, where it would run into the page's final paragraph.
 */
import PDFDocument from 'pdfkit';
import type { DemoDocument } from './parse.js';
import { BUILT, DEMO_LIBRARY, type Provenance } from './provenance.js';

const MARGIN = { top: 72, bottom: 72, left: 72, right: 72 };
const NUMBER_WIDTH = 26;
const BODY_SIZE = 10.5;
const HEADING_SIZE = 15;
export const INK = '#1b1b1b';
export const ACCENT = '#1f3a5f';
export const MUTED = '#5a5a5a';

export type Pdf = InstanceType<typeof PDFDocument>;

function collect(doc: Pdf): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
}

function drawCover(doc: Pdf, document: DemoDocument) {
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  doc.rect(0, 0, doc.page.width, 150).fill(ACCENT);
  doc.font('Helvetica-Bold').fontSize(24).fillColor(ACCENT);
  doc.text(document.title, MARGIN.left, 220, { width, lineGap: 4 });
  const ruleY = doc.y + 18;
  doc
    .moveTo(MARGIN.left, ruleY)
    .lineTo(MARGIN.left + 120, ruleY)
    .lineWidth(3)
    .stroke(ACCENT);
  doc.font('Helvetica').fontSize(13).fillColor(INK);
  doc.y = ruleY + 22;
  for (const line of [document.dialogue, ...document.cover]) {
    doc.text(`– ${line}`, MARGIN.left, doc.y, { width, lineGap: 3 });
    doc.moveDown(0.4);
  }
  if (document.note) {
    doc.font('Helvetica-Oblique').fontSize(9).fillColor(MUTED);
    doc.text(`– ${document.note}`, MARGIN.left, doc.page.height - MARGIN.bottom - 30, { width });
  }
}

function drawFooter(doc: Pdf, page: number, pages: number | null) {
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.font('Helvetica').fontSize(9).fillColor(MUTED);
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  doc.text(`Page ${page} / ${pages ?? '?'}`, MARGIN.left, doc.page.height - 45, { width, align: 'center', lineBreak: false });
  doc.page.margins.bottom = bottom;
  doc.x = MARGIN.left;
  doc.y = MARGIN.top;
}

/** A new A4 PDF with fixed metadata, and the promise of its bytes once `doc.end()` is called. */
export function openPdf(document: DemoDocument, provenance: Provenance, options: { bufferPages?: boolean } = {}) {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    autoFirstPage: false,
    bufferPages: options.bufferPages,
    lang: document.language === 'fr' ? 'fr-FR' : 'en-GB',
    info: {
      Title: document.title,
      Subject: `${document.dialogue} – ${document.cover.join(' – ')}`,
      Author: provenance.author,
      Creator: provenance.creator,
      Producer: 'pdfkit',
      CreationDate: BUILT,
      ModDate: BUILT,
    },
  });
  return { doc, output: collect(doc) };
}

/** Lays the document out; `pages` is the page count of a first pass, for "Page n / N". */
async function layout(document: DemoDocument, pages: number | null): Promise<{ pdf: Buffer; pages: number }> {
  const { doc, output } = openPdf(document, DEMO_LIBRARY);
  let page = 0;
  doc.on('pageAdded', () => {
    page++;
    if (page > 1) drawFooter(doc, page, pages);
  });
  doc.addPage();
  drawCover(doc, document);
  doc.addPage();

  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const bottom = () => doc.page.height - MARGIN.bottom;
  const body = () => doc.font('Helvetica').fontSize(BODY_SIZE).fillColor(INK);
  const paragraphHeight = (text: string) => {
    body();
    return doc.heightOfString(text, { width: width - NUMBER_WIDTH, lineGap: 2 }) + 8;
  };
  const headingHeight = (text: string) => {
    doc.font('Helvetica-Bold').fontSize(HEADING_SIZE);
    return doc.heightOfString(`• ${text}`, { width }) + 16;
  };

  for (const section of document.sections) {
    const paragraphs = section.blocks.map((block) => {
      if (block.kind !== 'paragraph' || block.points.length > 0) {
        throw new Error(`${document.file}: the demo library's PDF layout prints numbered paragraphs only`);
      }
      return block;
    });
    const first = paragraphs[0];
    const needed = headingHeight(section.heading) + (first ? paragraphHeight(first.text) : 0);
    if (doc.y > MARGIN.top && doc.y + needed + 14 > bottom()) doc.addPage();
    else if (doc.y > MARGIN.top) doc.y += 14;
    doc.font('Helvetica-Bold').fontSize(HEADING_SIZE).fillColor(ACCENT);
    doc.text(`• ${section.heading}`, left, doc.y, { width });
    doc.y += 8;
    for (const paragraph of paragraphs) {
      if (!paragraph.number) {
        throw new Error(`${document.file}: in a PDF every paragraph is numbered, or it would run into the heading above it`);
      }
      if (doc.y + paragraphHeight(paragraph.text) > bottom()) doc.addPage();
      const y = doc.y;
      body();
      doc.text(`${paragraph.number}.`, left, y, { width: NUMBER_WIDTH, lineBreak: false });
      doc.text(paragraph.text, left + NUMBER_WIDTH, y, { width: width - NUMBER_WIDTH, lineGap: 2, align: 'justify' });
      doc.y += 8;
    }
  }
  doc.end();
  return { pdf: await output, pages: page };
}

/** The demo library's layout; the knowledge library's fixtures use pdf-outcome.ts, on the same base. */
export async function renderPdf(document: DemoDocument): Promise<Buffer> {
  const draft = await layout(document, null);
  const final = await layout(document, draft.pages);
  if (final.pages !== draft.pages) throw new Error(`${document.file}: page count changed between passes`);
  return final.pdf;
}
