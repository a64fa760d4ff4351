import { randomUUID } from 'node:crypto';
import type { BatchLineError } from '../../../../shared/watchlists/contract.js';
import { type AuditEntry, appendAuditInTransaction } from '../../../platform/audit/audit-log.js';
import { actorOfUser } from '../../../platform/auth/actor-of-user.js';
import type { ActorContext, Platform } from '../../../platform/context.js';
import { Problem } from '../../../platform/errors.js';
import { serviceContext } from '../../../platform/http/authenticate.js';
import { JobFailure, type JobHandler } from '../../../platform/jobs/worker.js';
import { decide } from '../../../platform/policy/policy.js';
import { insertScreenings } from '../screening/repository.js';
import { checkScreening, rankCandidates, type SealedScreening, screeningAudit, sealScreening } from '../screening/service.js';
import { type BatchLine, readBatchFile } from './batch-file.js';
import * as repo from './repository.js';
import type { BatchJobPayload } from './service.js';

/**
 * Lines screened in one transaction, and between two progress updates. One transaction per chunk
 * instead of per line is what makes 10,000 names a minute's work; a chunk is short enough that
 * the audit chain's lock (taken at its end) and PGlite's one session are never held for long.
 */
export const CHUNK_LINES = 50;
/** Lines whose candidates are read at once: PostgreSQL overlaps them on its pool, PGlite takes them in turn. */
const READS_IN_FLIGHT = 8;

/** A screening refusal of one line's value (the matcher's own rules), reported against its column. */
const COLUMN_OF: Record<string, string> = { name: 'name', birthYear: 'birth_year', nationality: 'nationality', sex: 'sex' };

/** Where each data line stands in the file: after screening line L, this many lines are processed. */
function positions(lines: BatchLine[], errors: BatchLineError[]): Map<number, number> {
  const all = [...new Set([...lines.map((line) => line.line), ...errors.map((error) => error.line)])].sort((a, b) => a - b);
  return new Map(all.map((line, index) => [line, index + 1]));
}

const byLine = (a: BatchLineError, b: BatchLineError) => a.line - b.line;

interface Chunk {
  batch: repo.Batch;
  lines: BatchLine[];
  /** Processed lines of the file once this chunk is done (bad lines before it included). */
  processed: number;
  /** The line errors known so far; the chunk's own are added once it commits. */
  errors: BatchLineError[];
}

/**
 * Screens a chunk of lines with the steps of a single screening: candidates read, decrypted and
 * scored, values encrypted — outside any transaction, several lines' reads at once — then one
 * transaction stores the chunk: the batch row locked first (a second run of the same job waits,
 * then skips the lines the first stored), the screenings and their hits in two statements, the
 * progress, and the screenings' audit entries together as its last statement, so the audit
 * chain's lock is held only at its end. Answers the lines the screening refused.
 */
async function screenChunk(ctx: ActorContext, chunk: Chunk): Promise<BatchLineError[]> {
  const { batch } = chunk;
  const already = await repo.screenedAmong(
    ctx.db,
    batch.id,
    chunk.lines.map((line) => line.line),
  );
  const todo = chunk.lines.filter((line) => !already.has(line.line));
  const refused: BatchLineError[] = [];
  const sealed: (SealedScreening & { id: string })[] = [];
  const screen = async (line: BatchLine) => {
    try {
      const query = checkScreening(ctx, {
        name: line.name,
        birthYear: line.birthYear,
        nationality: line.nationality,
        sex: line.sex,
        purpose: batch.purpose,
        unitId: batch.unitId,
      });
      const scored = await rankCandidates(ctx, query);
      const batchLine = { id: batch.id, line: line.line, clientReference: line.reference };
      sealed.push({ id: randomUUID(), ...(await sealScreening(ctx, query, scored, batchLine)) });
    } catch (error) {
      // The screening's own checks of a value refused it: that line only.
      if (!(error instanceof Problem) || error.status >= 500) throw error;
      refused.push({ line: line.line, slug: error.slug, field: COLUMN_OF[String(error.extra.field)] ?? null });
    }
  };
  for (let at = 0; at < todo.length; at += READS_IN_FLIGHT) await Promise.all(todo.slice(at, at + READS_IN_FLIGHT).map(screen));
  sealed.sort((a, b) => (a.screening.batchLine ?? 0) - (b.screening.batchLine ?? 0));

  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockBatch(trx, batch.id);
    const stored = await repo.screenedAmong(
      trx,
      batch.id,
      sealed.map((item) => item.screening.batchLine ?? 0),
    );
    const fresh = sealed.filter((item) => !stored.has(item.screening.batchLine ?? 0));
    await insertScreenings(trx, fresh);
    const errors = refused.length ? [...chunk.errors, ...refused].sort(byLine) : undefined;
    await repo.recordProgress(trx, batch.id, chunk.processed, errors);
    const entries: AuditEntry[] = fresh.map((item) => ({
      actorUserId: ctx.actor.userId,
      actorOrganisationId: ctx.actor.organisationId,
      ...screeningAudit(item.id, item.screening),
      requestId: `screening.batch:${batch.id}`,
    }));
    await appendAuditInTransaction(trx, entries);
    return refused;
  });
}

/**
 * The background job of a batch: reads the file (decrypted in memory only), records the bad lines
 * and screens the good ones on behalf of the uploader as they stand now (a person who left the
 * unit or lost the role meanwhile screens nothing more), chunk by chunk, each chunk's progress
 * committed with it. A job resumed after a restart skips the lines already screened; a finished
 * batch forgets its file.
 */
export function batchJob(platform: Platform): JobHandler<BatchJobPayload> {
  return {
    async run({ job, db, throwIfStopping }) {
      const { batchId } = job.payload;
      const batch = await repo.batchForJob(db, batchId);
      if (!batch) throw new JobFailure(`batch ${batchId} does not exist`);
      if (batch.status === 'done' || batch.status === 'failed' || batch.inputEnc === null) return { skipped: batch.status };

      const actor = await actorOfUser(db, { userId: batch.createdBy }, 'screening-batch');
      if (!actor || !decide(actor, 'screening.run').allow || !actor.unitIds.includes(batch.unitId)) {
        await repo.finishBatch(db, batchId, 'failed');
        throw new JobFailure(`the uploader of batch ${batchId} may no longer screen for its unit`);
      }
      const ctx = serviceContext(platform, actor, '', `screening.batch:${batchId}`) as ActorContext;

      const file = readBatchFile(await platform.personalData.decrypt(batch.inputEnc));
      const position = positions(file.lines, file.errors);
      const errors = [...file.errors].sort(byLine);
      await repo.startBatch(db, batchId, errors);
      for (let start = 0; start < file.lines.length; start += CHUNK_LINES) {
        throwIfStopping();
        const lines = file.lines.slice(start, start + CHUNK_LINES);
        const processed = position.get(lines[lines.length - 1].line) ?? 0;
        const refused = await screenChunk(ctx, { batch, lines, processed, errors });
        if (refused.length) errors.push(...refused);
        errors.sort(byLine);
      }
      await repo.finishBatch(db, batchId, 'done', file.total, errors);
      return { lines: file.total, errors: errors.length };
    },
    async onFailed({ job, db }) {
      await repo.finishBatch(db, job.payload.batchId, 'failed');
    },
  };
}
