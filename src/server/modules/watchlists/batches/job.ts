import type { BatchLineError } from '../../../../shared/watchlists/contract.js';
import { actorOfUser } from '../../../platform/auth/actor-of-user.js';
import type { ActorContext, Platform } from '../../../platform/context.js';
import { Problem } from '../../../platform/errors.js';
import { serviceContext } from '../../../platform/http/authenticate.js';
import { JobFailure, type JobHandler } from '../../../platform/jobs/worker.js';
import { decide } from '../../../platform/policy/policy.js';
import { screenName } from '../screening/service.js';
import { type BatchLine, readBatchFile } from './batch-file.js';
import * as repo from './repository.js';
import type { BatchJobPayload } from './service.js';

/** Lines screened between two progress updates. */
export const PROGRESS_EVERY = 100;
/**
 * Lines screened at once: on PostgreSQL their reads, decryption and scoring overlap while the
 * writes queue for the audit chain; PGlite, with one session, simply takes them in turn.
 */
const IN_FLIGHT = 4;

/** A screening refusal of one line's value (the matcher's own rules), reported against its column. */
const COLUMN_OF: Record<string, string> = { name: 'name', birthYear: 'birth_year', nationality: 'nationality', sex: 'sex' };

/** Where each data line stands in the file: after screening line L, this many lines are processed. */
function positions(lines: BatchLine[], errors: BatchLineError[]): Map<number, number> {
  const all = [...new Set([...lines.map((line) => line.line), ...errors.map((error) => error.line)])].sort((a, b) => a - b);
  return new Map(all.map((line, index) => [line, index + 1]));
}

const byLine = (a: BatchLineError, b: BatchLineError) => a.line - b.line;

/**
 * The background job of a batch: reads the file (decrypted in memory only), records the bad lines
 * and screens the good ones through `screenName` on behalf of the uploader as they stand now (a
 * person who left the unit or lost the role meanwhile screens nothing more), updating the progress
 * every PROGRESS_EVERY lines. Each screening commits on its own, so a job resumed after a restart
 * skips the lines that already have one; a finished batch forgets its file.
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
      const errors = [...file.errors];
      await repo.startBatch(db, batchId, errors.sort(byLine));
      const done = await repo.screenedLines(db, batchId);

      const screenLine = async (line: BatchLine) => {
        try {
          await screenName(
            ctx,
            {
              name: line.name,
              birthYear: line.birthYear,
              nationality: line.nationality,
              sex: line.sex,
              purpose: batch.purpose,
              unitId: batch.unitId,
            },
            { batch: { id: batchId, line: line.line, clientReference: line.reference } },
          );
        } catch (error) {
          if (!(error instanceof Problem) || error.status >= 500) throw error;
          const field = COLUMN_OF[String(error.extra.field)] ?? null;
          errors.push({ line: line.line, slug: error.slug, field });
        }
      };

      for (let start = 0; start < file.lines.length; start += PROGRESS_EVERY) {
        throwIfStopping();
        const chunk = file.lines.slice(start, start + PROGRESS_EVERY);
        const todo = chunk.filter((line) => !done.has(line.line));
        for (let at = 0; at < todo.length; at += IN_FLIGHT) await Promise.all(todo.slice(at, at + IN_FLIGHT).map(screenLine));
        const last = chunk[chunk.length - 1];
        await repo.recordProgress(db, batchId, position.get(last.line) ?? 0, todo.length ? errors.sort(byLine) : undefined);
      }
      await repo.finishBatch(db, batchId, 'done', file.total, errors.sort(byLine));
      return { lines: file.total, errors: errors.length };
    },
    async onFailed({ job, db }) {
      await repo.finishBatch(db, job.payload.batchId, 'failed');
    },
  };
}
