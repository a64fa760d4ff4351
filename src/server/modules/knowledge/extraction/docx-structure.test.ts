import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { extractFromText } from './extract.js';
import { readDocument } from './read-document.js';

/**
 * Word documents written by hand in WordprocessingML, with the parts Word writes: numbers of the
 * numbered lists exist only in numbering.xml, headings only as paragraph styles.
 */
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

interface Parts {
  body: string;
  styles?: string;
  numbering?: string;
  header?: string;
  /** The whole of word/document.xml, instead of `body` in Word's usual wrapping. */
  document?: string;
}

async function makeDocx({ body, styles = STYLES, numbering = NUMBERING, header, document }: Parts): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${R}/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="${R}/header" Target="header1.xml"/><Relationship Id="rId4" Type="${R}/hyperlink" Target="https://example.org/report" TargetMode="External"/></Relationships>`,
  );
  zip.file('word/styles.xml', styles);
  zip.file('word/numbering.xml', numbering);
  if (header) zip.file('word/header1.xml', `${XML}<w:hdr xmlns:w="${W}">${header}</w:hdr>`);
  const section = `<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>`;
  zip.file(
    'word/document.xml',
    document ??
      `${XML}<w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}${section}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
/** A paragraph with a style and/or list numbering (numId, ilvl), the way Word writes its properties. */
function p(content: string, options: { style?: string; list?: [number, number] } = {}): string {
  const style = options.style ? `<w:pStyle w:val="${options.style}"/>` : '';
  const list = options.list ? `<w:numPr><w:ilvl w:val="${options.list[1]}"/><w:numId w:val="${options.list[0]}"/></w:numPr>` : '';
  const props =
    style || list ? `<w:pPr>${style}${list}<w:tabs><w:tab w:val="left" w:pos="454"/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr>` : '';
  return `<w:p>${props}${content.startsWith('<') ? content : run(content)}</w:p>`;
}
const cell = (text: string) => `<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>${p(text)}</w:tc>`;
const row = (...cells: string[]) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.map(cell).join('')}</w:tr>`;

const paragraphStyle = (id: string, name: string, extra = '') =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>${extra}<w:rPr><w:b/></w:rPr></w:style>`;
const STYLES = `${XML}<w:styles xmlns:w="${W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
${paragraphStyle('Heading1', 'heading 1', '<w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr>')}
${paragraphStyle('Heading2', 'heading 2', '<w:basedOn w:val="Normal"/>')}
${paragraphStyle('SectionTitle', 'Section title', '<w:basedOn w:val="Heading2"/><w:pPr><w:spacing w:before="240"/></w:pPr>')}
${paragraphStyle('Titre1', 'Titre 1', '<w:basedOn w:val="Normal"/>')}
${paragraphStyle('ListNumber', 'List Number', '<w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr>')}
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblStylePr w:type="firstRow"><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:tblStylePr></w:style>
</w:styles>`;

const level = (ilvl: number, format: string, text: string, start = 1, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${720 * (ilvl + 1)}" w:hanging="360"/></w:pPr></w:lvl>`;
const NUMBERING = `${XML}<w:numbering xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
<w:abstractNum w:abstractNumId="10"><w:multiLevelType w:val="hybridMultilevel"/>${level(0, 'decimal', '%1.', 4)}${level(1, 'lowerLetter', '(%2)')}</w:abstractNum>
<w:abstractNum w:abstractNumId="20">${level(0, 'bullet', '\uF0B7', 1, '<w:rPr><w:rFonts w:ascii="Symbol"/></w:rPr>')}${level(1, 'bullet', 'o')}</w:abstractNum>
<w:abstractNum w:abstractNumId="30">${level(0, 'upperRoman', '%1.')}${level(1, 'decimal', '%1.%2', 1, '<w:isLgl/>')}${level(2, 'lowerRoman', '(%3)')}<w:lvl w:ilvl="3"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="01, 02, 03, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%4 -"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="40">${level(0, 'upperLetter', '%1)')}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="30"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="40"/></w:num>
</w:numbering>`;

const LEAD_IN =
  'Participants recommended that the countries of the region, with the support of the European Union and of the organisations present at the meeting, take the following steps over the next two years:';

const read = async (parts: Parts) => (await readDocument('outcome.docx', await makeDocx(parts))).text;

describe('reading a Word document by its structure', () => {
  it('writes headings from styles, list numbers from numbering.xml, tables row by row and accepted revisions', async () => {
    const body = [
      p('Outcome of the meeting', { style: 'Heading1' }),
      p('Recommendations', { style: 'Heading2' }),
      p('Strengthen border cooperation.', { list: [1, 0] }),
      p('Joint patrols;', { list: [1, 1] }),
      p('Shared databases.', { list: [1, 1] }),
      p('Train officers.', { list: [1, 0] }),
      p('On document fraud;', { list: [1, 1] }),
      '<w:p/><w:p><w:pPr><w:rPr><w:i/></w:rPr></w:pPr></w:p>',
      p('Good practices', { style: 'SectionTitle' }),
      p('Mobile teams.', { list: [2, 0] }),
      p(`<w:hyperlink r:id="rId4">${run('Hotlines')}</w:hyperlink>${run(' for victims &amp; witnesses.')}`, { list: [2, 0] }),
      `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>${row('Country', 'Measure')}${row('Senegal', 'Patrols')}${row('Niger', 'Hotlines')}</w:tbl>`,
      p(
        `${run('Kept ')}<w:del w:id="1" w:author="Editor"><w:r><w:delText xml:space="preserve">removed </w:delText></w:r></w:del>` +
          `<w:ins w:id="2" w:author="Editor">${run('inserted ')}</w:ins>${run('text.')}<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>`,
      ),
      p(
        `${run('Page ')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('2')}<w:r><w:fldChar w:fldCharType="end"/></w:r>${run(' of the report')}`,
      ),
      p(
        `${run('A box:')}<w:r><mc:AlternateContent><mc:Choice Requires="wps">${run(' shown once')}</mc:Choice><mc:Fallback>${run(' shown once')}</mc:Fallback></mc:AlternateContent></w:r>`,
      ),
    ].join('\n');
    const text = await read({ body, header: p('Rabat Process — header line') });
    expect(text).toBe(
      [
        '# Outcome of the meeting',
        '## Recommendations',
        '4. Strengthen border cooperation.',
        '(a) Joint patrols;',
        '(b) Shared databases.',
        '5. Train officers.',
        '(a) On document fraud;',
        '## Good practices',
        '- Mobile teams.',
        '- Hotlines for victims & witnesses.',
        'Country | Measure',
        'Senegal | Patrols',
        'Niger | Hotlines',
        'Kept inserted text.',
        'Page 2 of the report',
        'A box: shown once',
      ].join('\n\n'),
    );
  });

  it('formats roman, lettered, legal and zero-padded levels, restarts a list and numbers paragraphs through their style', async () => {
    const body = [
      p('Titre', { style: 'Titre1' }),
      p('Border management', { list: [3, 0] }),
      p('Equipment', { list: [3, 1] }),
      p('Scanners', { list: [3, 2] }),
      p('Drones', { list: [3, 2] }),
      p('Detail', { list: [3, 3] }),
      p('Training', { list: [3, 1] }),
      p('Protection', { list: [3, 0] }),
      p('Reception', { list: [3, 1] }),
      p('Following on', { list: [1, 0] }),
      p('Restarted', { list: [4, 0] }),
      p('Continued', { list: [4, 0] }),
      p('First by style', { style: 'ListNumber' }),
      p('Second by style', { style: 'ListNumber' }),
      `<w:p><w:pPr><w:pStyle w:val="ListNumber"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>${run('Not numbered')}</w:p>`,
      `<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr>${run('Outline heading')}</w:p>`,
      `<w:p>${run('Line one')}<w:r><w:br/><w:t>Line two</w:t><w:tab/><w:t>after a tab</w:t></w:r></w:p>`,
    ].join('');
    expect((await read({ body })).split('\n\n')).toEqual([
      '# Titre',
      'I. Border management',
      '1.1 Equipment',
      '(i) Scanners',
      '(ii) Drones',
      '01 - Detail',
      '1.2 Training',
      'II. Protection',
      '2.1 Reception',
      '4. Following on',
      '1. Restarted',
      '2. Continued',
      'A) First by style',
      'B) Second by style',
      'Not numbered',
      '### Outline heading',
      'Line one\nLine two\tafter a tab',
    ]);
  });

  it('reads WordprocessingML written with another prefix or as the default namespace, with comments and CDATA', async () => {
    const prefixed =
      `${XML}<!-- exported by a converter --><ns0:document xmlns:ns0="${W}"><ns0:body><ns0:p><ns0:pPr><ns0:pStyle ns0:val="Heading1"/></ns0:pPr>` +
      `<ns0:r><ns0:t>Conclusions</ns0:t></ns0:r></ns0:p><ns0:p><ns0:pPr><ns0:numPr><ns0:ilvl ns0:val='0'/><ns0:numId ns0:val="1"/></ns0:numPr></ns0:pPr>` +
      `<ns0:r><ns0:t><![CDATA[Fees <paid> by workers]]></ns0:t><ns0:t xml:space="preserve"> fell &#8212; by &#x2153;.</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>`;
    expect(await read({ body: '', document: prefixed })).toBe('# Conclusions\n\n4. Fees <paid> by workers fell — by ⅓.');
    const unprefixed = `${XML}<document xmlns="${W}"><body><p><pPr><pStyle val="Heading2"/></pPr><r><t>Way forward</t></r></p><p><r><t>Keep the dialogue.</t></r></p></body></document>`;
    expect(await read({ body: '', document: unprefixed })).toBe('## Way forward\n\nKeep the dialogue.');
  });

  it('reads a document without styles or numbering parts, and refuses a package without a document', async () => {
    const plain = await makeDocx({
      body: p('Recommendations') + p('Strengthen joint patrols with Niger.'),
      styles: '',
      numbering: '',
    });
    expect((await readDocument('plain.docx', plain)).text).toBe('Recommendations\n\nStrengthen joint patrols with Niger.');
    const zip = new JSZip();
    zip.file('[Content_Types].xml', `${XML}<Types/>`);
    const empty = await zip.generateAsync({ type: 'nodebuffer' });
    await expect(readDocument('hollow.docx', empty)).rejects.toMatchObject({
      slug: 'corrupt-document',
      message: 'hollow.docx is damaged and cannot be read as a Word document.',
    });
  });

  it('gives items without their list markers, one per numbered or lettered point', async () => {
    // Sub-points in lower case under a long lead-in, as outcome documents write them: read as plain
    // paragraphs (without their "(a)"), the first would be glued to the lead-in as one item.
    const body = [
      p('Thematic Meeting on Border Management', { style: 'Heading1' }),
      p('Rabat Process'),
      p('Dakar, Senegal'),
      p('12-13 March 2024'),
      p('Introduction', { style: 'Heading2' }),
      p('The meeting gathered border officials from twelve countries of West Africa.'),
      p('Recommendations', { style: 'Heading2' }),
      p('Strengthen the exchange of information between the border units of Senegal and Mauritania.', { list: [1, 0] }),
      p(LEAD_IN, { list: [1, 0] }),
      p('hold joint patrols along the border with Mali;', { list: [1, 1] }),
      p('share alerts on forged documents in real time;', { list: [1, 1] }),
      p('train border officers of Niger and Chad in the detection of trafficking.', { list: [1, 1] }),
    ].join('');
    const { text } = await readDocument('dakar.docx', await makeDocx({ body }));
    expect(text).toContain(`5. ${LEAD_IN}\n\n(a) hold joint patrols`);
    const { document, items } = extractFromText(text);
    expect(document).toMatchObject({ title: 'Thematic Meeting on Border Management', city: 'Dakar', process: 'rabat' });
    expect(items.map((item) => [item.type, item.text])).toEqual([
      ['recommendation', 'Strengthen the exchange of information between the border units of Senegal and Mauritania.'],
      ['recommendation', 'hold joint patrols along the border with Mali;'],
      ['recommendation', 'share alerts on forged documents in real time;'],
      ['recommendation', 'train border officers of Niger and Chad in the detection of trafficking.'],
    ]);
    expect(items[0].countries.sort()).toEqual(['MR', 'SN']);
  });
});
