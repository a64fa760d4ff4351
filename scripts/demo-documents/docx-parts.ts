/**
 * The package parts of a Word file around its body: content types, relationships, styles, list
 * numbering, running header and footer, core and application properties. The demo library's files
 * use the base set; the knowledge library's fixtures add list numbering, Heading3, tables and a
 * running header (see docx.ts).
 */
import type { DemoDocument } from './parse.js';
import { BUILT, type Provenance } from './provenance.js';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

export const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const run = (text: string, props = '') =>
  `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
export const paragraph = (style: string | null, content: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${content}</w:p>`;
const field = (instruction: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${instruction} </w:instrText></w:r>` +
  `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;

/** A part of word/ besides document.xml: its file, content type and relationship type. */
export interface Part {
  name: string;
  contentType: string;
  relationship: string;
  content: string;
}

export function contentTypes(parts: Part[]) {
  const overrides = [
    `<Override PartName="/word/document.xml" ContentType="${WML}.document.main+xml"/>`,
    ...parts.map((part) => `<Override PartName="/word/${part.name}" ContentType="${part.contentType}"/>`),
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>',
  ];
  return `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
${overrides.join('\n')}
</Types>`;
}

export const PACKAGE_RELATIONSHIPS = `${XML}<Relationships xmlns="${PACKAGE_RELS}">
<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="${R}/extended-properties" Target="docProps/app.xml"/>
</Relationships>`;

/** The relationships of document.xml: part n (from 0) is "rId{n+1}". */
export function documentRelationships(parts: Part[]) {
  const lines = parts.map(
    (part, at) => `<Relationship Id="rId${at + 1}" Type="${R}/${part.relationship}" Target="${part.name}"/>`,
  );
  return `${XML}<Relationships xmlns="${PACKAGE_RELS}">\n${lines.join('\n')}\n</Relationships>`;
}

const style = (id: string, name: string, paragraphProps: string, runProps: string, extra = '') =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
  `${extra}<w:qFormat/><w:pPr>${paragraphProps}</w:pPr><w:rPr>${runProps}</w:rPr></w:style>`;

const HEADING = '<w:b/><w:color w:val="1F3A5F"/>';

/** The fixtures' styles on top of the demo library's: a third heading level, list paragraphs, tables, the header. */
const OUTCOME_STYLES = [
  style(
    'Heading3',
    'heading 3',
    '<w:keepNext/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="2"/>',
    '<w:b/><w:sz w:val="23"/><w:szCs w:val="23"/>',
    '<w:uiPriority w:val="9"/>',
  ),
  style('BodyText', 'Body Text', '<w:jc w:val="both"/>', ''),
  style('ListParagraph', 'List Paragraph', '<w:ind w:left="720"/><w:jc w:val="both"/>', '', '<w:uiPriority w:val="34"/>'),
  style(
    'Header',
    'header',
    '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="5A5A5A"/></w:pBdr><w:jc w:val="center"/>',
    '<w:color w:val="5A5A5A"/><w:sz w:val="17"/>',
  ),
  `<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="7D8793"/>`).join('')}</w:tblBorders><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`,
];

export function styles(language: string, outcome: boolean) {
  return `${XML}<w:styles xmlns:w="${W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="${language}"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
${style('Subtitle', 'Subtitle', '<w:spacing w:after="120"/>', '<w:caps/><w:color w:val="5A5A5A"/><w:spacing w:val="20"/><w:sz w:val="24"/>')}
${style('Heading1', 'heading 1', '<w:keepNext/><w:spacing w:before="240" w:after="240"/><w:outlineLvl w:val="0"/>', `${HEADING}<w:sz w:val="40"/><w:szCs w:val="40"/>`, '<w:uiPriority w:val="9"/>')}
${style('Heading2', 'heading 2', '<w:keepNext/><w:spacing w:before="280" w:after="120"/><w:outlineLvl w:val="1"/>', `${HEADING}<w:sz w:val="26"/><w:szCs w:val="26"/>`, '<w:uiPriority w:val="9"/>')}
${outcome ? `${OUTCOME_STYLES.join('\n')}\n` : ''}${style('Cover', 'Cover line', '<w:spacing w:after="80"/>', '<w:sz w:val="24"/>')}
${style('Note', 'Note', '<w:spacing w:before="480"/>', '<w:i/><w:color w:val="5A5A5A"/><w:sz w:val="18"/>')}
${style('NumberedParagraph', 'Numbered paragraph', '<w:ind w:left="454" w:hanging="454"/><w:jc w:val="both"/>', '')}
${style('Footer', 'footer', '<w:jc w:val="center"/>', '<w:color w:val="5A5A5A"/><w:sz w:val="18"/>')}
</w:styles>`;
}

const level = (ilvl: number, format: string, text: string, left: number, hanging: number) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/><w:lvlJc w:val="left"/>` +
  `<w:pPr><w:ind w:left="${left}" w:hanging="${hanging}"/></w:pPr></w:lvl>`;

/** A list instance: which abstract list it follows, and where its first level starts. */
export interface ListInstance {
  abstract: 0 | 1;
  start: number;
}

/**
 * Abstract list 0: the numbered paragraphs, "%1." with lettered sub-points "(%2)" under each.
 * Abstract list 1: lettered sub-points under an unnumbered lead-in, "(%1)". Each list instance
 * (numId n+1) restarts its first level at `start`, so Word shows the source's own numbers.
 */
export function numbering(lists: ListInstance[]) {
  const instances = lists.map(
    (list, at) =>
      `<w:num w:numId="${at + 1}"><w:abstractNumId w:val="${list.abstract}"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="${list.start}"/></w:lvlOverride></w:num>`,
  );
  return `${XML}<w:numbering xmlns:w="${W}">
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>${level(0, 'decimal', '%1.', 454, 454)}${level(1, 'lowerLetter', '(%2)', 907, 453)}</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>${level(0, 'lowerLetter', '(%1)', 907, 453)}</w:abstractNum>
${instances.join('\n')}
</w:numbering>`;
}

export const header = (text: string) => `${XML}<w:hdr xmlns:w="${W}">${paragraph('Header', run(text))}</w:hdr>`;

/** "Page n / N" in the demo library; "Page N of M" ("sur" in French) in the fixtures. */
export function footer(words: [string, string]) {
  return `${XML}<w:ftr xmlns:w="${W}">${paragraph('Footer', `${run(words[0])}${field('PAGE')}${run(words[1])}${field('NUMPAGES')}`)}</w:ftr>`;
}

export function coreProperties(document: DemoDocument, provenance: Provenance) {
  const when = BUILT.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>${escapeXml(document.title)}</dc:title><dc:subject>${escapeXml(document.dialogue)}</dc:subject>
<dc:creator>${provenance.author}</dc:creator><dc:language>${document.language}</dc:language>
<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>
</cp:coreProperties>`;
}

export const appProperties = (provenance: Provenance) =>
  `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${provenance.creator}</Application></Properties>`;

export const PART_TYPES = {
  styles: { contentType: `${WML}.styles+xml`, relationship: 'styles' },
  numbering: { contentType: `${WML}.numbering+xml`, relationship: 'numbering' },
  header: { contentType: `${WML}.header+xml`, relationship: 'header' },
  footer: { contentType: `${WML}.footer+xml`, relationship: 'footer' },
};
