import type { Db } from '../../platform/db/database.js';
import { extractFromText } from './extraction/extract.js';
import { readDocument } from './extraction/read-document.js';
import * as repo from './repository.js';

export interface IngestInput {
  fileName: string;
  data: Uint8Array;
  originatorOrganisationId: string;
  originatorUnitId?: string | null;
  createdBy?: string | null;
  handlingCode: string;
  /** Publish at once (trusted sources such as the demo corpus); otherwise items wait for review. */
  publish: boolean;
}

export interface IngestResult {
  documentId: string;
  /** False when the very same file (same sha256) was already in the library. */
  created: boolean;
  version: number;
  items: number;
}

/**
 * Reads, splits and stores one document with its items, in one transaction: a file that cannot be
 * read stores nothing, the same file twice is not duplicated, a changed file becomes a new version.
 */
export async function ingestDocument(db: Db, input: IngestInput): Promise<IngestResult> {
  const read = await readDocument(input.fileName, input.data);
  const extraction = extractFromText(read.text, read.pageOfLine);
  return db.transaction().execute(async (trx) => {
    const existing = await repo.findDocumentBySha(trx, read.sha256);
    if (existing) return { documentId: existing.id, created: false, version: existing.version, items: existing.item_count };
    const previous = await repo.findLatestVersion(trx, extraction.document);
    const status = input.publish ? 'published' : 'draft';
    const version = previous ? previous.version + 1 : 1;
    const documentId = await repo.insertDocument(trx, {
      extraction,
      fileName: input.fileName,
      sha256: read.sha256,
      body: read.text,
      version,
      previousVersionId: previous?.id ?? null,
      status,
      handlingCode: input.handlingCode,
      originatorOrganisationId: input.originatorOrganisationId,
      originatorUnitId: input.originatorUnitId ?? null,
      createdBy: input.createdBy ?? null,
    });
    await repo.insertItems(trx, documentId, extraction.items, status);
    return { documentId, created: true, version, items: extraction.items.length };
  });
}
