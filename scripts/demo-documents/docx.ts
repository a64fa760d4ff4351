/**
 * A demo document as a Word file: the OOXML parts Word itself writes for a plain document — content
 * types, relationships, styles (Heading1 for the title, Heading2 for sections, a hanging-indent "Numbered paragraph"),
 * core properties, a footer with "Page n / N" fields, and the body. Paragraph numbers are typed in
 * the text, as in the dialogues' own reports, so they survive any conversion.
 */
import JSZip from 'jszip';
import type { DemoDocument } from './parse.js';

const BUILT = new Date('2026-01-15T09:00:00Z');
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const run = (text: string, props = '') =>
  `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
const paragraph = (style: string | null, content: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${content}</w:p>`;
const field = (instruction: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${instruction} </w:instrText></w:r>` +
  `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;

const CONTENT_TYPES = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>`;

const PACKAGE_RELATIONSHIPS = `${XML}<Relationships xmlns="${PACKAGE_RELS}">
<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="${R}/extended-properties" Target="docProps/app.xml"/>
</Relationships>`;

const DOCUMENT_RELATIONSHIPS = `${XML}<Relationships xmlns="${PACKAGE_RELS}">
<Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="${R}/footer" Target="footer1.xml"/>
</Relationships>`;

const style = (id: string, name: string, paragraphProps: string, runProps: string, extra = '') =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
  `${extra}<w:qFormat/><w:pPr>${paragraphProps}</w:pPr><w:rPr>${runProps}</w:rPr></w:style>`;

function styles(language: string) {
  return `${XML}<w:styles xmlns:w="${W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="${language}"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
${style('Subtitle', 'Subtitle', '<w:spacing w:after="120"/>', '<w:caps/><w:color w:val="5A5A5A"/><w:spacing w:val="20"/><w:sz w:val="24"/>')}
${style('Heading1', 'heading 1', '<w:keepNext/><w:spacing w:before="240" w:after="240"/><w:outlineLvl w:val="0"/>', '<w:b/><w:color w:val="1F3A5F"/><w:sz w:val="40"/><w:szCs w:val="40"/>', '<w:uiPriority w:val="9"/>')}
${style('Heading2', 'heading 2', '<w:keepNext/><w:spacing w:before="280" w:after="120"/><w:outlineLvl w:val="1"/>', '<w:b/><w:color w:val="1F3A5F"/><w:sz w:val="26"/><w:szCs w:val="26"/>', '<w:uiPriority w:val="9"/>')}
${style('Cover', 'Cover line', '<w:spacing w:after="80"/>', '<w:sz w:val="24"/>')}
${style('Note', 'Note', '<w:spacing w:before="480"/>', '<w:i/><w:color w:val="5A5A5A"/><w:sz w:val="18"/>')}
${style('NumberedParagraph', 'Numbered paragraph', '<w:ind w:left="454" w:hanging="454"/><w:jc w:val="both"/>', '')}
${style('Footer', 'footer', '<w:jc w:val="center"/>', '<w:color w:val="5A5A5A"/><w:sz w:val="18"/>')}
</w:styles>`;
}

const FOOTER = `${XML}<w:ftr xmlns:w="${W}">${paragraph('Footer', `${run('Page ')}${field('PAGE')}${run(' / ')}${field('NUMPAGES')}`)}</w:ftr>`;

function coreProperties(document: DemoDocument) {
  const when = BUILT.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>${escapeXml(document.title)}</dc:title><dc:subject>${escapeXml(document.dialogue)}</dc:subject>
<dc:creator>Liaison demonstration library</dc:creator><dc:language>${document.language}</dc:language>
<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>
</cp:coreProperties>`;
}

const APP_PROPERTIES = `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Liaison scripts/build-demo-documents.ts</Application></Properties>`;

function body(document: DemoDocument) {
  const parts = [paragraph('Subtitle', run(document.dialogue)), paragraph('Heading1', run(document.title))];
  for (const line of document.cover) parts.push(paragraph('Cover', run(line)));
  if (document.note) parts.push(paragraph('Note', run(document.note)));
  for (const section of document.sections) {
    parts.push(paragraph('Heading2', run(section.heading)));
    for (const p of section.blocks) {
      if (p.kind !== 'paragraph') throw new Error(`${document.file}: unexpected ${p.kind}`);
      parts.push(
        p.number
          ? paragraph('NumberedParagraph', `<w:r><w:t>${p.number}.</w:t><w:tab/></w:r>${run(p.text)}`)
          : paragraph(null, run(p.text)),
      );
    }
  }
  // A4 with 2.5 cm margins, the footer on every page.
  const section = `<w:sectPr><w:footerReference w:type="default" r:id="rId2"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>`;
  return `${XML}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${parts.join('\n')}${section}</w:body></w:document>`;
}

export async function renderDocx(document: DemoDocument): Promise<Buffer> {
  const zip = new JSZip();
  const add = (name: string, content: string) => zip.file(name, content, { date: BUILT, createFolders: false });
  add('[Content_Types].xml', CONTENT_TYPES);
  add('_rels/.rels', PACKAGE_RELATIONSHIPS);
  add('docProps/core.xml', coreProperties(document));
  add('docProps/app.xml', APP_PROPERTIES);
  add('word/_rels/document.xml.rels', DOCUMENT_RELATIONSHIPS);
  add('word/styles.xml', styles(document.language === 'fr' ? 'fr-FR' : 'en-GB'));
  add('word/footer1.xml', FOOTER);
  add('word/document.xml', body(document));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}
