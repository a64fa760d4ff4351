/**
 * The renderer of the knowledge library's test fixtures (scripts/build-knowledge-fixtures.ts), read
 * back with the readers Liaison itself uses (unpdf, mammoth): the page furniture is there on every
 * page, numbers are Word list numbering rather than text, and long words are hyphenated at line ends.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../scripts/demo-documents/docx.js';
import { parseSource } from '../../scripts/demo-documents/parse.js';
import { breakLines, splitPoints } from '../../scripts/demo-documents/pdf-lines.js';
import { renderOutcomePdf } from '../../scripts/demo-documents/pdf-outcome.js';
import { renderText } from '../../scripts/demo-documents/text.js';

const HEADER = 'Rabat Process – Thematic meeting on smuggling';
const LONG =
  'The participants underlined that cooperation between prosecutors, investigators and financial intelligence units across the region remains essential to dismantle the organisations behind the smuggling of migrants.';

const source = (format: string) => `<!--
file: 2025-06-accra-rabat-test
format: ${format}
language: en
header: ${HEADER}
footer: page-of
two-column: Key challenges
-->
Rabat Process
# Thematic meeting on migrant smuggling
Accra, Ghana
12–13 June 2025
This document is a fictional outcome document written to test Liaison.
## Key challenges
4. ${LONG}
5. The participants recommended that partners:
(a) open parallel financial investigations;
(b) make use of joint investigation teams.
An unnumbered narrative paragraph about the logistics of the meeting.
| Delegation | Representative |
| --- | --- |
| Ghana | Ministry of the Interior |
## Closing remarks by the Chair
${Array.from({ length: 14 }, (_, at) => `${at + 6}. ${LONG}`).join('\n')}
`;

describe('knowledge fixtures source', () => {
  it('reads sub-points into their paragraph, tables, unnumbered paragraphs and page furniture', () => {
    const document = parseSource(source('pdf'), 'test.md');
    expect(document).toMatchObject({ header: HEADER, pageOf: true, twoColumn: 'Key challenges' });
    const [paragraph4, paragraph5, narrative, table] = document.sections[0].blocks;
    expect(paragraph4).toMatchObject({ kind: 'paragraph', number: '4', points: [] });
    expect(paragraph5).toMatchObject({
      number: '5',
      text: 'The participants recommended that partners:',
      points: [
        { letter: 'a', text: 'open parallel financial investigations;' },
        { letter: 'b', text: 'make use of joint investigation teams.' },
      ],
    });
    expect(narrative).toMatchObject({ kind: 'paragraph', number: null, points: [] });
    expect(table).toEqual({
      kind: 'table',
      rows: [
        ['Delegation', 'Representative'],
        ['Ghana', 'Ministry of the Interior'],
      ],
    });
  });

  it('reads a source the same once the Markdown formatter has indented its sub-points and padded its tables', () => {
    const formatted = source('pdf')
      .replace(/^\(([ab])\)/gm, '   ($1)')
      .replace('| Ghana | Ministry of the Interior |', '| Ghana      | Ministry of the Interior |')
      .replace('| --- | --- |', '| ---------- | ------------------------ |');
    expect(formatted).not.toEqual(source('pdf'));
    const { markdown, ...read } = parseSource(formatted, 'test.md');
    const { markdown: _, ...expected } = parseSource(source('pdf'), 'test.md');
    expect(read).toEqual(expected);
  });

  it('renders plain text without heading marks, tables aligned', () => {
    const text = renderText(parseSource(source('txt'), 'test.md'));
    expect(text).toContain('\nKey challenges\n');
    expect(text).not.toContain('#');
    expect(text).toContain('Delegation   Representative\nGhana        Ministry of the Interior');
  });
});

describe('knowledge fixtures PDF', () => {
  it('prints the running header on every page and "Page N of M" at its foot', async () => {
    const pdf = await renderOutcomePdf(parseSource(source('pdf'), 'test.md'));
    const { totalPages, text } = await extractText(new Uint8Array(pdf), { mergePages: false });
    expect(totalPages).toBe(2);
    text.forEach((page, at) => {
      expect(page).toContain(HEADER);
      expect(page).toContain(`Page ${at + 1} of 2`);
    });
    // The section in two columns: narrow lines, the number and letter printed before their text.
    expect(text[0]).toMatch(/^5\. The participants recommended that$/m);
    expect(text[0]).toMatch(/^\(a\) open parallel financial investigations;$/m);
    expect(text[0]).toMatch(/^4\. The participants underlined that coopera-$/m);
  });

  it('is the same file byte for byte from one run to the next', async () => {
    const document = parseSource(source('pdf'), 'test.md');
    expect(await renderOutcomePdf(document)).toEqual(await renderOutcomePdf(document));
  });

  it('hyphenates long lower-case words at a syllable, never names', () => {
    expect(splitPoints('organisations').map((point) => point.head)).toContain('organi-');
    expect(splitPoints('Mediterranean')).toEqual([]);
    const lines = breakLines('aa organisations', 8, (text) => text.length);
    expect(lines.map((line) => line.text)).toEqual(['aa orga-', 'nisations']);
  });
});

describe('knowledge fixtures Word file', () => {
  it('numbers paragraphs and sub-points with Word lists that start where the source does', async () => {
    const docx = await renderDocx(parseSource(source('docx'), 'test.md'), 'outcome');
    const zip = await JSZip.loadAsync(docx);
    const part = (name: string) => zip.file(name)?.async('string') ?? Promise.reject(new Error(`no ${name}`));

    const numbering = await part('word/numbering.xml');
    expect(numbering).toMatch(/<w:lvl w:ilvl="0">.*?<w:numFmt w:val="decimal"\/><w:lvlText w:val="%1\."\/>/);
    expect(numbering).toMatch(/<w:lvl w:ilvl="1">.*?<w:numFmt w:val="lowerLetter"\/><w:lvlText w:val="\(%2\)"\/>/);
    expect(numbering).toContain('<w:startOverride w:val="4"/>');
    expect(await part('word/document.xml')).toContain('<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>');
    expect(await part('word/header1.xml')).toContain(HEADER);
    expect(await part('word/footer1.xml')).toMatch(/Page .*PAGE .* of .*NUMPAGES/);
    expect(await part('[Content_Types].xml')).toContain('/word/numbering.xml');

    const { value } = await mammoth.extractRawText({ buffer: docx });
    const lines = value.split('\n').filter(Boolean);
    expect(lines).toContain(LONG);
    expect(lines).toContain('open parallel financial investigations;');
    expect(lines.filter((line) => /^(\d+\.|\([a-z]\))\s/.test(line))).toEqual([]);
    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    expect(html).toContain('<h2>Key challenges</h2>');
    expect(html).toContain('<li>The participants recommended that partners:<ol><li>open parallel financial investigations;</li>');
    expect(html).toContain('<table>');
  });
});
