import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import { KNOWLEDGE_PROBLEMS } from '../../../../shared/knowledge/problems.js';
import type { ActorContext } from '../../../platform/context.js';
import { notFound, Problem, problem } from '../../../platform/errors.js';
import { enqueueJob } from '../../../platform/jobs/queue.js';
import { type ResolvedDistribution, resolveDistribution } from '../../../platform/policy/visibility-filter.js';
import { IMPORT_JOB_KIND } from './job.js';
import * as repo from './repository.js';
import { type ImportListQuery, parseImportChoices } from './schemas.js';
import type { ReceivedUpload } from './upload.js';

const PROBLEM_PREFIX = 'urn:liaison:problem:';

function toFileResponse(row: repo.ImportFile) {
  return {
    id: row.id,
    position: row.position,
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    status: row.status,
    progress: row.progress,
    documentId: row.documentId,
    version: row.version,
    items: row.itemCount,
    problem: row.problem ? { ...row.problem, slug: row.problem.type.replace(PROBLEM_PREFIX, '') } : null,
  };
}

function toImportSummary(row: repo.KnowledgeImport) {
  const count = (status: string) => row.fileStatuses[status] ?? 0;
  return {
    id: row.id,
    status: row.status,
    handlingCode: row.handlingCode,
    distribution: {
      toAllPartners: row.distribution.toAllPartners,
      organisationIds: row.distribution.recipientOrganisations,
      sharingGroupIds: row.distribution.recipientSharingGroups,
      unitIds: row.distribution.recipientUnits,
    },
    publish: row.publish,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    createdBy: { id: row.createdBy, displayName: row.createdByName },
    fileCounts: {
      total: row.fileCount,
      done: count('done'),
      duplicate: count('duplicate'),
      failed: count('failed'),
      empty: count('empty'),
    },
  };
}

/** Named units, organisations or sharing groups that do not exist or are inactive: the import is refused. */
async function resolveRecipients(ctx: ActorContext, targets: Parameters<typeof resolveDistribution>[1]) {
  try {
    return await resolveDistribution(ctx.db, targets);
  } catch (error) {
    if (error instanceof Problem && error.status === 422) {
      throw problem(KNOWLEDGE_PROBLEMS, 'unknown-recipient', `${error.detail} Nothing was imported.`);
    }
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
  const { imports, total } = await repo.listImports(ctx.db, readerOf(ctx), {
    limit: query.limit ?? 20,
    offset: query.offset ?? 0,
  });
  return { items: imports.map(toImportSummary), total };
}
