import type { Db } from '../../platform/db/database.js';
import type { ResolvedDistribution } from '../../platform/policy/visibility-filter.js';
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
  /** Who receives the document; all partners when not given. */
  distribution?: ResolvedDistribution;
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

export type IngestStage = 'reading' | 'extracting' | 'storing';

export interface IngestHooks {
  /** Told before each stage, for progress reports. */
  onStage?(stage: IngestStage): Promise<void>;
  /** Runs inside the storing transaction, so what it records commits (or not) with the document. */
  inTransaction?(trx: Db, result: IngestResult): Promise<void>;
}

export const TO_ALL_PARTNERS: ResolvedDistribution = {
  recipientUnits: [],
  recipientOrganisations: [],
  recipientSharingGroups: [],
  toAllPartners: true,
};

/**
 * Reads, splits and stores one document with its items, in one transaction: a file that cannot be
 * read stores nothing, the same file twice is not duplicated, a changed file becomes a new version.
 */
export async function ingestDocument(db: Db, input: IngestInput, hooks: IngestHooks = {}): Promise<IngestResult> {
  await hooks.onStage?.('reading');
  const read = await readDocument(input.fileName, input.data);
  await hooks.onStage?.('extracting');
  const extraction = extractFromText(read.text, read.pageOfLine);
  await hooks.onStage?.('storing');
  return db.transaction().execute(async (trx) => {
    const result = await storeOnce(trx, input, { read, extraction });
    await hooks.inTransaction?.(trx, result);
    return result;
  });
}

/** A file read and split, not stored yet (throws `DocumentError` when it cannot be read). */
export interface ReadFile {
  read: Awaited<ReturnType<typeof readDocument>>;
  extraction: ReturnType<typeof extractFromText>;
}

export async function readFile(fileName: string, data: Uint8Array): Promise<ReadFile> {
  const read = await readDocument(fileName, data);
  return { read, extraction: extractFromText(read.text, read.pageOfLine) };
}

/**
 * Stores a file read by `readFile`, unless the very same file is already in the library. The new
 * document follows `previous` when given (a replaced draft), else the latest version of the same meeting.
 */
export async function storeOnce(
  trx: Db,
  input: Omit<IngestInput, 'data'>,
  { read, extraction }: ReadFile,
  previousVersion?: repo.StoredDocumentRef,
): Promise<IngestResult> {
  const existing = await repo.findDocumentBySha(trx, read.sha256);
  if (existing) return { documentId: existing.id, created: false, version: existing.version, items: existing.itemCount };
  const previous = previousVersion ?? (await repo.findLatestVersion(trx, extraction.document));
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
    distribution: input.distribution ?? TO_ALL_PARTNERS,
    originatorOrganisationId: input.originatorOrganisationId,
    originatorUnitId: input.originatorUnitId ?? null,
    createdBy: input.createdBy ?? null,
  });
  await repo.insertItems(trx, documentId, extraction.items, status);
  return { documentId, created: true, version, items: extraction.items.length };
}
