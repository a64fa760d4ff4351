/**
 * Reading speed of the library's ingestion: a 200-page PDF and a 200-page Word file, generated here,
 * read and split into items through the same functions ingestion uses (readDocument, then
 * extractFromText). Target: ≥ 20 pages a second for each. `BENCH_ONLY=reading npm run bench:knowledge`
 * measures this part alone.
 */
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import { extractFromText } from '../src/server/modules/knowledge/extraction/extract.js';
import { readDocument } from '../src/server/modules/knowledge/extraction/read-document.js';

export const READING_PAGES = 200;
const PARAGRAPHS_PER_PAGE = 6;

/** One page of a meeting report: a heading, then numbered recommendations of about 60 words. */
function page(number: number): { heading: string; paragraphs: string[] } {
  const paragraphs = Array.from({ length: PARAGRAPHS_PER_PAGE }, (_, index) => {
    const n = (number - 1) * PARAGRAPHS_PER_PAGE + index + 1;
    return (
      `${n}. Participants recommended that partner countries strengthen cooperation on border management ` +
      `and the fight against migrant smuggling along route ${n % 23}, through joint training of border guards, ` +
      `exchange of information on document fraud between focal points, and support from IOM and UNODC to ` +
      `national authorities for the protection of victims of trafficking in human beings.`
    );
  });
  return { heading: `${number}. Recommendations of working group ${number}`, paragraphs };
}

const pages = () => Array.from({ length: READING_PAGES }, (_, index) => page(index + 1));

function generatePdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.info.Title = 'Reading benchmark';
    for (const { heading, paragraphs } of pages()) {
      doc.addPage();
      doc.font('Helvetica-Bold').fontSize(14).text(heading, { paragraphGap: 8 });
      doc.font('Helvetica').fontSize(10.5);
      for (const paragraph of paragraphs) doc.text(paragraph, { paragraphGap: 6, align: 'justify' });
    }
    doc.end();
  });
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraphXml = (text: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;

/** The least a Word file holds: content types, the package's relationship, the body (pages end in page breaks). */
async function generateDocx(): Promise<Buffer> {
  const body = pages()
    .map(({ heading, paragraphs }, index) =>
      [
        index > 0 ? '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' : '',
        paragraphXml(heading, 'Heading2'),
        ...paragraphs.map((paragraph) => paragraphXml(paragraph)),
      ].join(''),
    )
    .join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The best of `runs` readings (the machine is shared: the best is the least disturbed), in ms. */
async function timeReading(fileName: string, data: Buffer, runs: number) {
  let best = Number.POSITIVE_INFINITY;
  let items = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const read = await readDocument(fileName, data);
    const extraction = extractFromText(read.text, read.pageOfLine);
    const lastPage = read.pageOfLine(read.text.split('\n').length);
    if (lastPage !== null && lastPage !== READING_PAGES) throw new Error(`${fileName}: ${lastPage} pages, not ${READING_PAGES}`);
    best = Math.min(best, performance.now() - started);
    items = extraction.items.length;
  }
  return { ms: best, items };
}

export async function measureReading(runs = 3) {
  const pdf = await timeReading('reading-benchmark.pdf', await generatePdf(), runs);
  const docx = await timeReading('reading-benchmark.docx', await generateDocx(), runs);
  const perSecond = (ms: number) => Math.round((READING_PAGES / (ms / 1000)) * 10) / 10;
  console.log('reading', { pages: READING_PAGES, pdf, docx });
  return {
    pdf_pages_per_s: perSecond(pdf.ms),
    docx_pages_per_s: perSecond(docx.ms),
    pdf_items: pdf.items,
    docx_items: docx.items,
  };
}
