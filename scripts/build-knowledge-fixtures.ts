/**
 * Renders the knowledge library's labelled test fixtures (`npm run fixtures:knowledge`).
 *
 * Each source in test/fixtures/knowledge/sources/*.md is one fictional outcome document (format in
 * test/fixtures/knowledge/README.md): the demo library's source format (see build-demo-documents.ts)
 * plus sub-headings "### …", lettered sub-points "(a) …" under a paragraph, unnumbered paragraphs,
 * pipe tables, and header fields for page furniture:
 *   header: …              running header printed on every PDF and Word page
 *   footer: page-of        "Page N of M" ("Page N sur M" in French) at the foot of every page
 *   two-column: <heading>  the section printed in two columns (PDF)
 *   format: pdf | docx | md | txt
 *
 * Unlike the demo library, these documents are laid out as real outcome documents are, for the
 * reader to be tested on: justified and hyphenated PDF text with page furniture (pdf-outcome.ts),
 * Word list numbering instead of typed numbers (docx.ts), text exports with aligned tables (text.ts).
 * Output is reproducible (fixed dates), so re-running it changes nothing unless a source changed.
 */
import path from 'node:path';
import { buildLibrary } from './demo-documents/build.js';
import { renderDocx } from './demo-documents/docx.js';
import type { DemoDocument } from './demo-documents/parse.js';
import { renderOutcomePdf } from './demo-documents/pdf-outcome.js';
import { renderText } from './demo-documents/text.js';

const FIXTURES = path.resolve(import.meta.dirname, '../test/fixtures/knowledge');

async function render(document: DemoDocument): Promise<Buffer> {
  if (document.format === 'pdf') return renderOutcomePdf(document);
  if (document.format === 'docx') return renderDocx(document, 'outcome');
  if (document.format === 'txt') return Buffer.from(renderText(document));
  return Buffer.from(document.markdown);
}

await buildLibrary(path.join(FIXTURES, 'sources'), path.join(FIXTURES, 'documents'), render);
