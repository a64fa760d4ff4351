import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import type { ActorContext } from '../../../platform/context.js';
import { notFound, Problem } from '../../../platform/errors.js';
import { enqueueJob } from '../../../platform/jobs/queue.js';
import { type ResolvedDistribution, resolveDistribution } from '../../../platform/policy/visibility-filter.js';
import { IMPORT_JOB_KIND } from './job.js';
import * as repo from './repository.js';
import { type ImportListQuery, parseImportChoices } from './schemas.js';
import type { ReceivedUpload } from './upload.js';

const PROBLEM_PREFIX = 'urn:liaison:problem:';

function toFileResponse(row: repo.ImportFileRow) {
  return {
    id: row.id,
    position: row.position,
    fileName: row.file_name,
    sizeBytes: row.size_bytes,
    status: row.status,
    progress: row.progress,
    documentId: row.document_id,
    version: row.version,
    items: row.item_count,
    problem: row.problem ? { ...row.problem, slug: row.problem.type.replace(PROBLEM_PREFIX, '') } : null,
  };
}

function toImportSummary(row: repo.ImportRow) {
  const count = (status: string) => row.file_statuses[status] ?? 0;
  return {
    id: row.id,
    status: row.status,
    handlingCode: row.handling_code,
    distribution: {
      toAllPartners: row.to_all_partners,
      organisationIds: row.recipient_organisations,
      sharingGroupIds: row.recipient_sharing_groups,
      unitIds: row.recipient_units,
    },
    publish: row.publish,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    createdBy: { id: row.created_by, displayName: row.created_by_name },
    fileCounts: { total: row.file_count, done: count('done'), duplicate: count('duplicate'), failed: count('failed') },
  };
}

/** Named units, organisations or sharing groups that do not exist are a bad request like any other field. */
async function resolveRecipients(ctx: ActorContext, targets: Parameters<typeof resolveDistribution>[1]) {
  try {
    return await resolveDistribution(ctx.db, targets);
  } catch (error) {
    if (error instanceof Problem && error.status === 422)
      throw new Problem(400, 'unknown-recipient', `${error.detail} Nothing was imported.`);
    throw error;
  }
}

/**
 * Records an import — its choices and every file's bytes — and its job, in one transaction: the
 * request either leaves a complete import waiting for the worker, or nothing at all.
 */
export async function createImport(ctx: ActorContext, upload: ReceivedUpload) {
  const choices = parseImportChoices(upload.fields);
  const distribution: ResolvedDistribution = await resolveRecipients(ctx, choices.targets);
  const importId = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    const jobId = await enqueueJob(trx, { kind: IMPORT_JOB_KIND, payload: { importId }, createdBy: ctx.actor.userId });
    await repo.insertImport(trx, {
      id: importId,
      jobId,
      handlingCode: choices.handlingCode,
      distribution,
      publish: choices.publish,
      originatorOrganisationId: ctx.actor.organisationId,
      originatorUnitId: ctx.actor.unitIds[0] ?? null,
      createdBy: ctx.actor.userId,
    });
    for (const [position, file] of upload.files.entries()) {
      const content = await fs.readFile(file.path);
      await repo.insertImportFile(trx, importId, { position, fileName: file.fileName, sha256: file.sha256, content });
    }
    const details = { files: upload.files.length, handlingCode: choices.handlingCode, publish: choices.publish };
    await ctx.audit(
      { action: 'knowledge.import.create', outcome: 'success', targetType: 'knowledge_import', targetId: importId, details },
      trx,
    );
  });
  return getImport(ctx, importId);
}

/** The sharing rule's viewer (platform administrators get nothing extra) and the uploader. */
const readerOf = (ctx: ActorContext): repo.ImportReader => ({
  viewer: ctx.viewer,
  userId: ctx.actor.userId,
});

/** An import the caller may not see answers like one that does not exist. */
export async function getImport(ctx: ActorContext, id: string) {
  const row = await repo.findVisibleImport(ctx.db, readerOf(ctx), id);
  if (!row) throw notFound('import');
  const files = (await repo.importFiles(ctx.db, id)).map(toFileResponse);
  const progress = files.length ? Math.floor(files.reduce((sum, file) => sum + file.progress, 0) / files.length) : 0;
  return { ...toImportSummary(row), progress, files };
}

export async function listImports(ctx: ActorContext, query: ImportListQuery) {
  const { rows, total } = await repo.listImports(ctx.db, readerOf(ctx), { limit: query.limit ?? 20, offset: query.offset ?? 0 });
  return { items: rows.map(toImportSummary), total };
}
