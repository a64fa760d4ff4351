import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES, readDocument } from './read-document.js';

/** A real PDF made with pdfkit: one page per text, optionally encrypted or with no text at all. */
function makePdf(pages: string[], options: { userPassword?: string; drawingOnly?: boolean } = {}): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ userPassword: options.userPassword, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    for (const page of pages) {
      doc.addPage();
      if (options.drawingOnly) doc.rect(50, 50, 200, 100).fill('#336699');
      else doc.fontSize(11).text(page);
    }
    doc.end();
  });
}

/** A minimal Word document: the content types, the package relationships and the body. */
async function makeDocx(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

const RECOMMENDATIONS =
  'Recommendations\n\n- Strengthen the exchange of information between border units of Senegal and Mauritania;';

describe('reading documents', () => {
  it('reads plain text and markdown, with its sha256', async () => {
    const read = await readDocument('outcome.md', Buffer.from(RECOMMENDATIONS));
    expect(read.text).toContain('Senegal and Mauritania');
    expect(read.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(read.pageOfLine(1)).toBeNull();
  });

  it('reads the text layer of a PDF and knows the page of each line', async () => {
    const pdf = await makePdf(['Conclusions of the meeting held in Dakar.', RECOMMENDATIONS]);
    const read = await readDocument('outcome.pdf', pdf);
    expect(read.text).toContain('Conclusions of the meeting');
    const lines = read.text.split('\n');
    const line = lines.findIndex((l) => l.includes('Strengthen the exchange')) + 1;
    expect(read.pageOfLine(line)).toBe(2);
    expect(read.pageOfLine(1)).toBe(1);
  });

  it('reads a Word document', async () => {
    const read = await readDocument('outcome.docx', await makeDocx(['Recommendations', 'Strengthen joint patrols with Niger.']));
    expect(read.text).toMatch(/Recommendations\s+Strengthen joint patrols with Niger\./);
  });

  it.each([
    ['notes.xlsx', Buffer.from('x'), 'unsupported-format', /only \.txt, \.md, \.pdf, \.docx/],
    ['empty.txt', Buffer.alloc(0), 'empty-document', /empty/],
    ['blank.txt', Buffer.from('  \n\n  '), 'empty-document', /no text/],
    ['fake.pdf', Buffer.from('this is not a pdf at all'), 'corrupt-document', /not a PDF/],
    ['broken.docx', Buffer.from('PK not really a zip'), 'corrupt-document', /Word document/],
  ])('refuses %s', async (name, data, slug, message) => {
    await expect(readDocument(name, data)).rejects.toMatchObject({ slug, message: expect.stringMatching(message) });
  });

  it('refuses a damaged PDF, an encrypted PDF and a scan with no text layer', async () => {
    const pdf = await makePdf([RECOMMENDATIONS]);
    await expect(readDocument('cut.pdf', pdf.subarray(0, Math.floor(pdf.length / 3)))).rejects.toMatchObject({
      slug: 'corrupt-document',
    });
    const encrypted = await makePdf([RECOMMENDATIONS], { userPassword: 'secret-password' });
    await expect(readDocument('locked.pdf', encrypted)).rejects.toMatchObject({ slug: 'encrypted-pdf' });
    const scan = await makePdf(['', ''], { drawingOnly: true });
    await expect(readDocument('scan.pdf', scan)).rejects.toMatchObject({
      slug: 'no-text-layer',
      message: expect.stringMatching(/OCR/),
    });
  });

  it('refuses a file over the size limit', async () => {
    await expect(readDocument('huge.txt', Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 97))).rejects.toMatchObject({ slug: 'too-large' });
  });
});
