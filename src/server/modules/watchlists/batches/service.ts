import { randomUUID } from 'node:crypto';
import type { BatchList, BatchResults, ScreeningBatch } from '../../../../shared/watchlists/contract.js';
import type { ActorContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import type { Wire } from '../../../platform/http/wire.js';
import { enqueueJob } from '../../../platform/jobs/queue.js';
import { checkPurpose, screeningUnit } from '../screening/service.js';
import { decodeBatchFile, readBatchFile } from './batch-file.js';
import * as repo from './repository.js';
import type { BatchUpload } from './upload.js';

export const BATCH_JOB_KIND = 'screening.batch';

export interface BatchJobPayload {
  batchId: string;
}

export interface Page {
  limit?: number;
  offset?: number;
}

export function toBatchResponse(batch: repo.Batch): Wire<ScreeningBatch> {
  return {
    id: batch.id,
    status: batch.status,
    fileName: batch.fileName,
    purpose: batch.purpose,
    unit: { id: batch.unitId, name: batch.unitName },
    totalLines: batch.totalLines,
    processedLines: batch.processedLines,
    screened: batch.screened,
    hits: batch.hits,
    errors: batch.errors,
    createdAt: batch.createdAt,
    finishedAt: batch.finishedAt,
  };
}

/**
 * Takes a batch file: checks the form and the whole file at once (what is not a batch file at all
 * is refused, nothing stored), then stores the batch with its file encrypted and the job that will
 * screen it, with the audit entry, in one transaction. The lines are screened by the job.
 */
export async function createBatch(ctx: ActorContext, upload: BatchUpload): Promise<Wire<ScreeningBatch>> {
  const purpose = checkPurpose(upload.purpose);
  const unitId = screeningUnit(ctx, upload.unitId);
  const text = decodeBatchFile(upload.bytes);
  const file = readBatchFile(text);
  // Encrypted before the transaction opens: no key read waits inside it (PGlite has one session).
  const inputEnc = await ctx.personalData.encrypt(text);
  const id = randomUUID();
  await ctx.audited(
    async (trx) => {
      await repo.insertBatch(trx, {
        id,
        unitId,
        organisationId: ctx.actor.organisationId,
        createdBy: ctx.actor.userId,
        purpose,
        fileName: upload.fileName,
        inputEnc,
        totalLines: file.total,
      });
      const payload: BatchJobPayload = { batchId: id };
      await enqueueJob(trx, { kind: BATCH_JOB_KIND, payload: { ...payload }, createdBy: ctx.actor.userId });
    },
    () => ({
      action: 'screening.batch.created',
      outcome: 'success',
      targetType: 'screening_batch',
      targetId: id,
      details: { purpose, lines: file.total, unitId },
    }),
  );
  return getBatch(ctx, id);
}

/** A batch of one of the caller's units; another unit's answers like one that does not exist. */
export async function getBatch(ctx: ActorContext, id: string): Promise<Wire<ScreeningBatch>> {
  const batch = await repo.findBatch(ctx.db, id, ctx.actor.unitIds);
  if (!batch) throw notFound('batch');
  return toBatchResponse(batch);
}

export async function listBatches(ctx: ActorContext, page: Page): Promise<Wire<BatchList>> {
  const { items, total } = await repo.listBatches(ctx.db, ctx.actor.unitIds, {
    limit: page.limit ?? 20,
    offset: page.offset ?? 0,
  });
  return { items: items.map(toBatchResponse), total };
}

/** Per screened line: its screening, how many candidates and hits, the best score; no name. */
export async function batchResults(ctx: ActorContext, id: string, page: Page): Promise<Wire<BatchResults>> {
  const batch = await repo.findBatch(ctx.db, id, ctx.actor.unitIds);
  if (!batch) throw notFound('batch');
  return repo.batchResults(ctx.db, ctx.viewer, id, { limit: page.limit ?? 100, offset: page.offset ?? 0 });
}
