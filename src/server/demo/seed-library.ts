import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { ingestDocument } from '../modules/knowledge/ingestion.js';
import type { Db } from '../platform/db/database.js';

/**
 * The outcome documents that ship with Liaison: fictional meeting reports written for the demo, as
 * PDF, Word and Markdown files (sources and the script that renders them: library/README.md).
 * tsc copies no such files into dist/, so the folder is found from the repository root, which is
 * three levels up from this module both in src/server/demo and in dist/server/demo — as the
 * migrations folder is found.
 */
export const BUNDLED_LIBRARY_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../src/server/demo/library/documents',
);

const BUNDLED_FILES = /\.(md|pdf|docx)$/i;
// The corpus folder holds text conversions of published reports, and a README.md that is not one.
const CORPUS_FILES = /\.(txt|pdf|docx)$/i;

export interface DemoLibraryOptions {
  /** Ingest the bundled documents (default). The test template leaves them out: see test/support/templates.ts. */
  bundled?: boolean;
}

function filesOf(folder: string, pattern: RegExp): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((file) => pattern.test(file))
    .sort()
    .map((file) => path.join(folder, file));
}

/**
 * The demo library, published as TLP:CLEAR under the dialogue secretariat: first the bundled
 * documents, so that a fresh clone has a library, then the partners' outcome documents of the
 * corpus folder (`LIAISON_CORPUS_DIR`), when it exists. Returns how many documents were stored.
 */
export async function seedDemoLibrary(db: Db, corpusDir: string, options: DemoLibraryOptions = {}): Promise<number> {
  const secretariat = await sql<{ id: string }>`select id from organisations where kind = 'secretariat'
    order by created_at limit 1`.execute(db);
  if (!secretariat.rows[0]) return 0;
  const files = [
    ...(options.bundled === false ? [] : filesOf(BUNDLED_LIBRARY_DIR, BUNDLED_FILES)),
    ...filesOf(corpusDir, CORPUS_FILES),
  ];
  let stored = 0;
  for (const file of files) {
    const result = await ingestDocument(db, {
      fileName: path.basename(file),
      data: fs.readFileSync(file),
      originatorOrganisationId: secretariat.rows[0].id,
      handlingCode: 'TLP:CLEAR',
      publish: true,
    });
    if (result.created) stored++;
  }
  return stored;
}
