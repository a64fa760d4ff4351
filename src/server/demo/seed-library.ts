import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { ingestDocument } from '../modules/knowledge/ingestion.js';
import type { Db } from '../platform/db/database.js';

/**
 * The demo library: the partners' published outcome documents (shared/corpus), ingested and
 * published as TLP:CLEAR under the dialogue secretariat. Skipped when the folder is absent.
 */
export async function seedDemoLibrary(db: Db, corpusDir: string): Promise<number> {
  if (!fs.existsSync(corpusDir)) return 0;
  const secretariat = await sql<{ id: string }>`select id from organisations where kind = 'secretariat'
    order by created_at limit 1`.execute(db);
  if (!secretariat.rows[0]) return 0;
  const files = fs
    .readdirSync(corpusDir)
    .filter((file) => /\.(txt|pdf|docx)$/i.test(file))
    .sort();
  let stored = 0;
  for (const file of files) {
    const result = await ingestDocument(db, {
      fileName: file,
      data: fs.readFileSync(path.join(corpusDir, file)),
      originatorOrganisationId: secretariat.rows[0].id,
      handlingCode: 'TLP:CLEAR',
      publish: true,
    });
    if (result.created) stored++;
  }
  return stored;
}
