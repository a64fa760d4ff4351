/**
 * Renders the demo library's outcome documents (`npm run demo:documents`).
 *
 * Each source in src/server/demo/library/sources/*.md is one fictional meeting report in Markdown,
 * with a header comment naming its output file and format. This script writes it to
 * src/server/demo/library/documents/ as a PDF (pdfkit), a Word file (jszip) or the Markdown itself.
 * The generated files are committed: the server reads them at run time and never needs this script.
 * Output is reproducible (fixed dates), so re-running it changes nothing unless a source changed.
 *
 * Source layout (blocks separated by blank lines):
 *   <!--                      header: file (name without extension), format (pdf|docx|md),
 *   file: …                   language (en|fr); left out of the Markdown rendering
 *   -->
 *   Rabat Process             the dialogue, before the title
 *   # Thematic meeting on …   the title
 *   Niamey, Niger             cover lines: place, dates, co-chairs, then the note that the
 *   …                         document is fictional (the one cover paragraph that is a sentence)
 *   ## Key challenges         sections, each with numbered paragraphs ("4. …")
 */
import path from 'node:path';
import { buildLibrary } from './demo-documents/build.js';
import { renderDocx } from './demo-documents/docx.js';
import type { DemoDocument } from './demo-documents/parse.js';
import { renderPdf } from './demo-documents/pdf.js';

const LIBRARY = path.resolve(import.meta.dirname, '../src/server/demo/library');

async function render(document: DemoDocument): Promise<Buffer> {
  if (document.format === 'pdf') return renderPdf(document);
  if (document.format === 'docx') return renderDocx(document);
  if (document.format === 'md') return Buffer.from(document.markdown);
  throw new Error(`${document.file}: the demo library has no ${document.format} documents`);
}

await buildLibrary(path.join(LIBRARY, 'sources'), path.join(LIBRARY, 'documents'), render);
