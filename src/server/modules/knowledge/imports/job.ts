import { appendAuditInTransaction } from '../../../platform/audit/audit-log.js';
import type { Db } from '../../../platform/db/database.js';
import { JobFailure, type JobHandler } from '../../../platform/jobs/worker.js';
import { DocumentError } from '../extraction/read-document.js';
import { type IngestStage, ingestDocument } from '../ingestion.js';
import * as repo from './repository.js';

export const IMPORT_JOB_KIND = 'knowledge.import';

export interface ImportJobPayload {
  importId: string;
}

/**
 * An import that stored at least this many items or documents changes the library's size enough
 * for the planner's statistics to matter: the job then analyzes the library's tables.
 */
export const ANALYZE_AFTER_ITEMS = 500;
export const ANALYZE_AFTER_DOCUMENTS = 10;

/** How far along a file is when it enters each stage (reading is quick, extraction and storing are not). */
const STAGE_PROGRESS: Record<IngestStage, number> = { reading: 10, extracting: 40, storing: 70 };

const TITLES: Record<DocumentError['slug'], string> = {
  'unsupported-format': 'Unsupported format',
  'empty-document': 'Empty document',
  'too-large': 'File too large',
  'corrupt-document': 'Corrupt document',
  'encrypted-pdf': 'Encrypted PDF',
  'no-text-layer': 'No text layer',
};

const problemOf = (error: DocumentError): repo.FileProblem => ({
  type: `urn:liaison:problem:${error.slug}`,
  title: TITLES[error.slug],
  detail: error.message,
});

/**
 * Ingests one file of an import. A file the reader refuses (corrupt, encrypted, scanned…) fails on
 * its own and the import goes on; any other error is left to the worker, which tries the job again.
 */
async function ingestFile(db: Db, upload: repo.KnowledgeImport, file: repo.ImportFile) {
  const data = await repo.fileContent(db, file.id);
  try {
    await ingestDocument(
      db,
      {
        fileName: file.fileName,
        data,
        originatorOrganisationId: upload.originatorOrganisationId,
        originatorUnitId: upload.originatorUnitId,
        createdBy: upload.createdBy,
        handlingCode: upload.handlingCode,
        distribution: upload.distribution,
        publish: upload.publish,
      },
      {
        onStage: (stage) => repo.setFileStage(db, file.id, stage, STAGE_PROGRESS[stage]),
        // The file's outcome and the audit row commit with the document, or not at all.
        inTransaction: async (trx, outcome) => {
          await repo.recordFileOutcome(trx, file.id, outcome);
          if (!outcome.created) return;
          await appendAuditInTransaction(trx, [
            {
              actorUserId: upload.createdBy,
              actorOrganisationId: upload.originatorOrganisationId,
              action: 'knowledge.document.ingest',
              outcome: 'success',
              targetType: 'knowledge_document',
              targetId: outcome.documentId,
              details: {
                via: 'import',
                importId: upload.id,
                version: outcome.version,
                items: outcome.items,
                published: upload.publish,
              },
            },
          ]);
        },
      },
    );
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    await repo.failFile(db, file.id, problemOf(error));
  }
}

/**
 * The background job of an import: its files one by one, each with its own outcome. Outcomes are
 * stored as they come, so a job resumed after a restart goes on with the files still waiting.
 */
export const importJob: JobHandler<ImportJobPayload> = {
  async run({ job, db, throwIfStopping, progress }) {
    const upload = await repo.findImport(db, job.payload.importId);
    if (!upload) throw new JobFailure(`import ${job.payload.importId} does not exist`);
    const files = await repo.unfinishedFiles(db, upload.id);
    const alreadyDone = upload.fileCount - files.length;
    for (const [index, file] of files.entries()) {
      throwIfStopping();
      await ingestFile(db, upload, file);
      await progress({ filesDone: alreadyDone + index + 1, filesTotal: upload.fileCount });
    }
    const outcomes = await repo.importFiles(db, upload.id);
    const stored = outcomes.filter((file) => file.status === 'done');
    const items = stored.reduce((sum, file) => sum + (file.itemCount ?? 0), 0);
    if (items >= ANALYZE_AFTER_ITEMS || stored.length >= ANALYZE_AFTER_DOCUMENTS) await repo.analyzeLibrary(db);
    return {
      documentIds: outcomes.flatMap((file) => (file.documentId ? [file.documentId] : [])),
      failed: outcomes.filter((file) => file.status === 'failed').length,
    };
  },
  async onFailed({ job, db }) {
    await repo.failUnfinishedFiles(db, job.payload.importId, {
      type: 'urn:liaison:problem:import-failed',
      title: 'Import failed',
      detail: 'The import stopped on an unexpected error after several attempts; upload the file again.',
    });
  },
};
