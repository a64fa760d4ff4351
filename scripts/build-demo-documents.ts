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
import fs from 'node:fs';
import path from 'node:path';
import { renderDocx } from './demo-documents/docx.js';
import { type DemoDocument, parseSource } from './demo-documents/parse.js';
import { renderPdf } from './demo-documents/pdf.js';

const LIBRARY = path.resolve(import.meta.dirname, '../src/server/demo/library');
const SOURCES = path.join(LIBRARY, 'sources');
const DOCUMENTS = path.join(LIBRARY, 'documents');

async function render(document: DemoDocument): Promise<Buffer> {
  if (document.format === 'pdf') return renderPdf(document);
  if (document.format === 'docx') return renderDocx(document);
  return Buffer.from(document.markdown);
}

const sources = fs
  .readdirSync(SOURCES)
  .filter((file) => file.endsWith('.md'))
  .sort();
fs.mkdirSync(DOCUMENTS, { recursive: true });
const written = new Set<string>();
for (const source of sources) {
  const document = parseSource(fs.readFileSync(path.join(SOURCES, source), 'utf8'), source);
  const name = `${document.file}.${document.format}`;
  fs.writeFileSync(path.join(DOCUMENTS, name), await render(document));
  written.add(name);
  process.stdout.write(`${name}\n`);
}
// A renamed or deleted source must not leave its old rendering behind in the library.
for (const stale of fs.readdirSync(DOCUMENTS).filter((file) => !written.has(file))) {
  fs.rmSync(path.join(DOCUMENTS, stale));
  process.stdout.write(`removed ${stale}\n`);
}
