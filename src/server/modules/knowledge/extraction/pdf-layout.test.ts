import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { extractFromText } from './extract.js';
import { readPdfLayout } from './pdf-layout.js';
import type { PdfDocument } from './pdf-page.js';
import { readDocument } from './read-document.js';

/**
 * PDFs laid out as outcome documents are (running header and footer, justified numbered paragraphs,
 * bold headings, two columns), read back through readDocument: the text must come out as the block
 * splitter expects it, with the page of each line.
 */
type Pdf = InstanceType<typeof PDFDocument>;

function makePdf(draw: (doc: Pdf) => void, options: ConstructorParameters<typeof PDFDocument>[0] = {}): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 72, right: 72 }, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    draw(doc);
    doc.end();
  });
}

const COUNTRIES = [
  'Senegal',
  'Mauritania',
  'Niger',
  'Mali',
  'Morocco',
  'Spain',
  'Belgium',
  'Nigeria',
  'Ghana',
  'Gambia',
  'Guinea',
  'France',
];
const TOPICS = [
  'the identification of victims of trafficking at border posts',
  'the exchange of information between border units',
  'the return of stranded migrants from transit towns',
  'the registration of births in remote districts',
  'the protection of unaccompanied children on the move',
  'the investigation of smuggling networks using social media',
  'the reintegration of returnees through local employment',
  'the use of biometric data at land crossings',
  'the training of consular staff in countries of origin',
  'the financing of community reception centres',
  'the coordination of search and rescue at sea',
  'the recognition of diplomas obtained abroad',
];

/** A numbered paragraph of about sixty words, different for each number. */
function paragraph(n: number): string {
  const country = COUNTRIES[n % COUNTRIES.length];
  const topic = TOPICS[n % TOPICS.length];
  return `${n}. Delegates from ${country} described ${topic}, which remains uneven across the region because procedures differ from one ministry to another and because trained staff change posts frequently. They asked that the experience of earlier projects be written down, translated and shared with every partner administration before the next meeting of the dialogue.`;
}

const SECTIONS: [string, number][] = [
  ['Key challenges', 4],
  ['Promising practices', 4],
  ['Recommendations to partners', 4],
  ['Closing remarks by the Chair', 2],
];
const TITLE = 'Thematic meeting on border management and the fight against trafficking';
const HEADER = 'Rabat Process – Report of the thematic meeting, Dakar';

/** The two-page meeting report: bold title, larger bold section headings, justified paragraphs. */
function report(): Promise<Buffer> {
  return makePdf(
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(18).text(TITLE, { align: 'center' });
      doc.moveDown(0.5);
      doc.font('Helvetica').fontSize(11).text('Dakar, Senegal, 12-13 March 2024', { align: 'center' });
      let n = 0;
      for (const [heading, count] of SECTIONS) {
        doc.moveDown(1);
        doc.font('Helvetica-Bold').fontSize(13).text(heading, 72);
        doc.moveDown(0.4);
        for (let i = 0; i < count; i++) {
          n++;
          doc.font('Helvetica').fontSize(10.5).text(paragraph(n), { align: 'justify', paragraphGap: 6, lineGap: 1 });
        }
      }
      // Running header and footer, written once the page count is known.
      const range = doc.bufferedPageRange();
      for (let page = 0; page < range.count; page++) {
        doc.switchToPage(page);
        doc.page.margins.bottom = 0;
        doc.font('Helvetica').fontSize(8).text(HEADER, 72, 36, { width: 451, align: 'right', lineBreak: false });
        doc.text(`Page ${page + 1} of ${range.count}`, 72, 800, { width: 451, align: 'center', lineBreak: false });
      }
    },
    { bufferPages: true },
  );
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

/** A document as pdf.js hands it over, for layouts pdfkit cannot make: the text items of each page. */
function fakePdf(pages: { str: string; dir: string; width: number; transform: number[]; fontName: string }[][]): PdfDocument {
  const page = (items: (typeof pages)[number]) => ({
    view: [0, 0, 595, 842],
    getTextContent: async () => ({ items, styles: { f1: { fontFamily: 'sans-serif' } } }),
    getOperatorList: async () => ({}),
    commonObjs: { get: () => ({ name: 'Regular' }) },
    cleanup: () => {},
  });
  return { numPages: pages.length, getPage: async (n: number) => page(pages[n - 1]) } as unknown as PdfDocument;
}

describe('reading a PDF by its layout', () => {
  it('reads a two-page report into headed, separated paragraphs without its running header and footer', async () => {
    const read = await readDocument('report.pdf', await report());
    const lines = read.text.split('\n');
    expect(lines[0]).toBe(`# ${TITLE}`);
    for (const [heading] of SECTIONS) expect(lines).toContain(`## ${heading}`);
    expect(read.text).not.toContain('Rabat Process – Report');
    expect(read.text).not.toMatch(/Page \d of \d/);
    // Every numbered paragraph is whole, alone between blank lines.
    const blocks = read.text.split('\n\n').map(flat);
    for (let n = 1; n <= 14; n++) expect(blocks).toContain(paragraph(n));
    const lastLine = lines.findIndex((line) => line.startsWith('14. ')) + 1;
    expect(read.pageOfLine(lastLine)).toBe(2);
    expect(read.pageOfLine(1)).toBe(1);
  });

  it('finds the numbered paragraphs of the report as items, with a real title', async () => {
    const read = await readDocument('report.pdf', await report());
    const { document, items } = extractFromText(read.text, read.pageOfLine);
    expect(document.title).toBe(TITLE);
    // The first twelve are under typed sections; the Chair's closing remarks are narrative.
    const expected = Array.from({ length: 12 }, (_, i) => paragraph(i + 1).replace(/^\d+\. /, ''));
    const found = expected.filter((text) => items.some((item) => item.text === text));
    expect(found.length).toBeGreaterThanOrEqual(Math.ceil(expected.length * 0.9));
    expect(items.find((item) => item.text === expected[0])).toMatchObject({ type: 'challenge', page: 1 });
    expect(items.find((item) => item.text === expected[11])).toMatchObject({ type: 'recommendation', page: 2 });
  });

  it('rejoins hyphenated words, keeps a paragraph cut by a page whole and drops lone page numbers', async () => {
    const pdf = await makePdf((doc) => {
      const line = (text: string, y: number) => doc.text(text, 72, y, { lineBreak: false });
      doc.font('Helvetica-Bold').fontSize(11);
      line('Recommendations', 100);
      doc.font('Helvetica').fontSize(11);
      line('Participants recommended improving the identi-', 130);
      line('fication of victims and strengthening anti-', 144);
      line('smuggling units along the Atlantic route.', 158);
      line('Partners should support the exchange of', 740);
      const pageNumber = (n: number) => {
        doc.page.margins.bottom = 0;
        doc.fontSize(9).text(String(n), 72, 800, { width: 451, align: 'center', lineBreak: false });
      };
      pageNumber(1);
      doc.addPage();
      pageNumber(2);
      doc.fontSize(11);
      line('information between the border units of', 72);
      line('Senegal and Mauritania.', 86);
      line('A second paragraph starts here, after a wider gap.', 114);
    });
    const read = await readDocument('hyphens.pdf', pdf);
    const blocks = read.text.split('\n\n');
    expect(blocks[0]).toBe('## Recommendations');
    expect(flat(blocks[1])).toBe(
      'Participants recommended improving the identification of victims and strengthening anti-smuggling units along the Atlantic route.',
    );
    expect(flat(blocks[2])).toBe(
      'Partners should support the exchange of information between the border units of Senegal and Mauritania.',
    );
    expect(blocks[3]).toBe('A second paragraph starts here, after a wider gap.');
    expect(blocks).toHaveLength(4);
    const lines = read.text.split('\n');
    expect(read.pageOfLine(lines.indexOf('Partners should support the exchange of') + 1)).toBe(1);
    expect(read.pageOfLine(lines.indexOf('information between the border units of') + 1)).toBe(2);
  });

  it('tells paragraphs apart by first-line indentation and by hanging numbers, and reads past footnotes', async () => {
    const indented = [
      'The meeting opened with a round of presentations on the situation at the borders of the region, where the number of people crossing has grown every year since the pandemic ended.',
      'The second session turned to the protection of children travelling alone, whose registration at the first point of entry remains the weakest link of the whole chain of protection.',
    ];
    const numbered = [
      'Partners should set up a single contact point in each ministry for requests from the other countries of the dialogue, and publish its address.',
      'The secretariat should gather the practices shared at this meeting in a short guide for the officials who could not attend.',
    ];
    const pdf = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(11);
      doc.text(indented.join('\n'), 72, 72, { width: 451, indent: 24, align: 'justify' });
      let y = doc.y + 10;
      numbered.forEach((text, i) => {
        doc.text(`${i + 1}.`, 72, y, { width: 26, lineBreak: false });
        doc.text(text, 98, y, { width: 425, align: 'justify' });
        y = doc.y + 10;
      });
      doc.text('It was recalled that the action plan adopted in 2018 asks every partner to report', 72, 720, {
        lineBreak: false,
      });
      doc.fontSize(8).text('1 Action plan of the dialogue, domain 2.', 72, 760, { lineBreak: false });
      doc.addPage();
      doc.fontSize(11).text('on the steps taken at the following meeting.', 72, 72, { lineBreak: false });
    });
    const read = await readDocument('indents.pdf', pdf);
    expect(read.text.split('\n\n').map(flat)).toEqual([
      ...indented,
      ...numbered.map((text, i) => `${i + 1}. ${text}`),
      'It was recalled that the action plan adopted in 2018 asks every partner to report on the steps taken at the following meeting.',
      '1 Action plan of the dialogue, domain 2.',
    ]);
  });

  const WORDS = ['Premier', 'Deuxième', 'Troisième'];
  it.each(['- {n} -', 'Page {n} sur {total}', '{n}', 'Rapport final | {n}'])(
    'drops a running footer written "%s"',
    async (footer) => {
      const pdf = await makePdf((doc) => {
        for (let n = 1; n <= 3; n++) {
          if (n > 1) doc.addPage();
          doc.font('Helvetica').fontSize(9).text('Processus de Rabat – Réunion thématique', 72, 40, { lineBreak: false });
          doc.fontSize(11).text(`${WORDS[n - 1]} paragraphe du rapport.`, 72, 72, { lineBreak: false });
          doc.page.margins.bottom = 0;
          const text = footer.replace('{n}', String(n)).replace('{total}', '3');
          doc.fontSize(9).text(text, 72, 800, { width: 451, align: 'center', lineBreak: false });
        }
      });
      const read = await readDocument('rapport.pdf', pdf);
      expect(read.text).toBe(
        'Premier paragraphe du rapport.\n\nDeuxième paragraphe du rapport.\n\nTroisième paragraphe du rapport.',
      );
      expect(read.pageOfLine(5)).toBe(3);
    },
  );

  it("leaves out a table of contents' dotted entries and footnote calls", async () => {
    const pdf = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(11);
      doc.text('Key challenges .................................... 2', 72, 72, { lineBreak: false });
      doc.text('Recommendations ................................ 3', 72, 86, { lineBreak: false });
      const start = 'Delegates from Senegal';
      const end = 72 + doc.widthOfString(start);
      doc.text(start, 72, 130, { lineBreak: false });
      doc.text('and Mauritania met twice.', end + 10, 130, { lineBreak: false });
      doc.fontSize(7).text('1', end + 1, 127, { lineBreak: false });
    });
    expect((await readDocument('contents.pdf', pdf)).text).toBe('Delegates from Senegal and Mauritania met twice.');
  });

  it('reads one section in two columns running onto the next page between full-width text', async () => {
    const intro =
      'The meeting reviewed the action plan adopted in 2022 and the progress made by the partners since the last senior officials meeting held in Rabat.';
    const section = [
      '1. Senegal and Mauritania have set up joint patrols along the river, with a shared radio network and monthly meetings of the heads of the border posts on both banks.',
      '2. Morocco has opened a training centre for border guards of the region, where officers of twelve countries have followed courses on document fraud and first aid at sea.',
      '3. Niger and Nigeria exchange lists of wanted smugglers through a secure channel set up with the support of the regional police cooperation organisation and of INTERPOL.',
      '4. Spain and Gambia run a return programme for fishermen stranded abroad, which covers their travel home and a grant to repair their boats and nets once they are back.',
    ];
    const closing = 'The co-chairs thanked the host country for its hospitality and closed the meeting.';
    const pdf = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(10.5).text(intro, 72, 640, { width: 451, align: 'justify' });
      doc
        .font('Helvetica-Bold')
        .fontSize(13)
        .text('Promising practices', 72, doc.y + 12);
      doc.font('Helvetica').fontSize(10.5);
      // The columns fill the foot of the page and go on at the head of the next one.
      doc.text(section.join('\n'), 72, doc.y + 8, { columns: 2, columnGap: 20, width: 451, paragraphGap: 6, align: 'justify' });
      doc
        .font('Helvetica-Bold')
        .fontSize(13)
        .text('Closing', 72, doc.y + 16);
      doc
        .font('Helvetica')
        .fontSize(10.5)
        .text(closing, 72, doc.y + 8, { width: 451 });
    });
    const read = await readDocument('section.pdf', pdf);
    const blocks = read.text.split('\n\n').map(flat);
    // With no larger title, the section headings are the document's top level.
    expect(blocks).toEqual([intro, '# Promising practices', ...section, '# Closing', closing]);
    const lines = read.text.split('\n');
    const pageOf = (start: string) => read.pageOfLine(lines.findIndex((line) => line.startsWith(start)) + 1);
    // The third paragraph starts at the foot of page 1 and ends at the head of page 2.
    expect([pageOf('3. Niger'), pageOf('with the support'), pageOf(closing)]).toEqual([1, 2, 2]);
  });

  it('reads Arabic right to left, with letters drawn as presentation forms made plain', async () => {
    // pdfkit cannot shape Arabic with its own fonts: the page is given as pdf.js hands it over, one
    // item per word, in the order they stand from left to right (the last word first); lines are
    // aligned on the right, where they start.
    const lines = ['أوصى المشاركون بتعزيز تبادل المعلومات بين وحدات الحدود', 'في السنغال وموريتانيا.'];
    const items = lines.flatMap((line, row) => {
      const spaces = line.split(' ').length - 1;
      let x = 500 - (line.length - spaces) * 6 - spaces * 4;
      return line
        .split(' ')
        .reverse()
        .map((word) => {
          const item = {
            str: word,
            dir: 'rtl',
            width: word.length * 6,
            transform: [12, 0, 0, 12, x, 700 - row * 16],
            fontName: 'f1',
          };
          x += item.width + 4;
          return item;
        });
    });
    // The last word of the first line, "الحدود", as its letters' presentation forms.
    items[0].str = '\uFE8D\uFEDF\uFEA4\uFEAA\uFEED\uFEA9';
    expect((await readPdfLayout(fakePdf([items]))).text).toBe(lines.join('\n'));
  });

  it('reads the last lines of two columns at the head of a page as the end of the columns before', async () => {
    // Two balanced columns fill page 1 and end with one line on each side at the head of page 2,
    // above a heading: a layout pdfkit does not make, given as pdf.js hands it over.
    const item = (str: string, x: number, y: number, size = 10) => ({
      str,
      dir: 'ltr',
      width: str.length * size * 0.45,
      transform: [size, 0, 0, size, x, y],
      fontName: 'f1',
    });
    const left = (n: number) => `left column line ${n} of the report text`;
    const right = (n: number) => `right column line ${n} of the report text`;
    const page1 = Array.from({ length: 8 }, (_, i) => [
      item(left(i + 1), 72, 700 - i * 12),
      item(right(i + 1), 310, 700 - i * 12),
    ]).flat();
    const page2 = [
      item(left(9), 72, 760),
      item(right(9), 310, 760),
      item('Recommendations', 72, 730, 14),
      item('Partners should share the list of contact points of their border units before the end of the year.', 72, 710),
    ];
    const text = (await readPdfLayout(fakePdf([page1, page2]))).text;
    const order = [...Array.from({ length: 8 }, (_, i) => left(i + 1)), ...Array.from({ length: 8 }, (_, i) => right(i + 1))];
    order.push(left(9), right(9));
    expect(text.split('\n').filter((line) => line.includes('column line'))).toEqual(order);
    expect(text).toMatch(/of the report text\n\n# Recommendations\n\nPartners should share/);
  });

  it('reads a two-column page column by column, with its full-width title first', async () => {
    const paragraphs = [
      'Alpha: the participants from Ghana and Nigeria presented the joint investigation team set up in 2022, which has since brought eleven cases of trafficking before the courts of both countries.',
      'Bravo: the delegation of Morocco explained how the national observatory of migration gathers data from nine ministries and publishes a yearly report that partners use to plan their projects, and how regional offices feed it with figures collected at the borders every month.',
      'Charlie: Spain and Senegal described the circular migration scheme for seasonal agricultural work, which now includes training before departure and support for the return of workers.',
      'Delta: the Gambia presented its diaspora directorate, which helps returning professionals to find positions in hospitals and universities and follows their careers for two years.',
    ];
    const pdf = await makePdf((doc) => {
      doc.font('Helvetica-Bold').fontSize(16).text('Session reports', 72, 72, { width: 451 });
      doc.font('Helvetica').fontSize(10);
      doc.text(paragraphs.join('\n'), 72, 110, {
        columns: 2,
        columnGap: 24,
        width: 451,
        height: 160,
        paragraphGap: 8,
        align: 'justify',
      });
    });
    const read = await readDocument('columns.pdf', pdf);
    const blocks = read.text.split('\n\n').map(flat);
    expect(blocks).toEqual(['# Session reports', ...paragraphs]);
  });
});
