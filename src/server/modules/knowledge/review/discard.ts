import fs from 'node:fs/promises';
import { KNOWLEDGE_PROBLEMS } from '../../../../shared/knowledge/problems.js';
import type { ActorContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { problem } from '../../../platform/errors.js';
import { DocumentError } from '../extraction/read-document.js';
import type { ReceivedUpload } from '../imports/upload.js';
import { readFile, storeOnce } from '../ingestion.js';
import * as repo from './repository.js';
import { getDocument, lockDocument } from './service.js';
import { fieldProblem } from './tags.js';

/**
 * The way out of a wrong draft: discard it (a wrong import, a reading with no items) or replace it
 * by another file, whose reading becomes the document's next version. Nothing is deleted: the old
 * row, its items and its history stay, marked discarded with who, when and why, so the review list
 * and the library no longer show it. Published documents are not discarded — their items are
 * withdrawn one by one, and a corrected file imported later becomes their next version.
 */

const refuseUnlessDraft = (row: repo.ReviewDocument, verb: string) => {
  if (row.status !== 'draft') {
    throw problem(
      KNOWLEDGE_PROBLEMS,
      'not-a-draft',
      `Only a draft can be ${verb}; this document is published: withdraw its items, or import a corrected file as its next version.`,
    );
  }
};

async function discardLocked(ctx: ActorContext, trx: Db, row: repo.ReviewDocument, reason: string, details: object) {
  await repo.discardDocument(trx, row.id, ctx.actor.userId, reason);
  const before = repo.documentState(row);
  await repo.insertDocumentRevision(trx, {
    documentId: row.id,
    actorUserId: ctx.actor.userId,
    action: 'discard',
    before,
    after: { ...before, status: 'discarded' },
  });
  await ctx.audit(
    {
      action: 'knowledge.document.discard',
      outcome: 'success',
      targetType: 'knowledge_document',
      targetId: row.id,
      details: { version: row.version, items: row.draftItems + row.publishedItems + row.withdrawnItems, ...details },
    },
    trx,
  );
}

export async function discardDocument(ctx: ActorContext, id: string, revision: number, reason: string) {
  const text = reason.trim();
  if (!text) throw fieldProblem('reason', 'Say why the document is discarded.');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockDocument(trx, ctx, id, revision);
    refuseUnlessDraft(row, 'discarded');
    await discardLocked(ctx, trx, row, text, {});
  });
  return getDocument(ctx, id);
}

/**
 * Replaces a draft by another file: the file is read first (a file that cannot be read changes
 * nothing), then, in one transaction, stored as the next version with the old one's handling code
 * and distribution, and the old draft is discarded in its favour.
 */
export async function replaceDocument(ctx: ActorContext, id: string, revision: number | undefined, upload: ReceivedUpload) {
  if (upload.files.length !== 1 || upload.fields.size > 0) {
    throw problem(KNOWLEDGE_PROBLEMS, 'too-many-files', 'Send exactly one file, and nothing else, to replace a document.');
  }
  const [file] = upload.files;
  let reading: Awaited<ReturnType<typeof readFile>>;
  try {
    reading = await readFile(file.fileName, await fs.readFile(file.path));
  } catch (error) {
    if (error instanceof DocumentError) throw problem(KNOWLEDGE_PROBLEMS, error.slug, error.message);
    throw error;
  }
  const replacement = await ctx.db.transaction().execute(async (trx) => {
    const row = await lockDocument(trx, ctx, id, revision);
    refuseUnlessDraft(row, 'replaced');
    const distribution = {
      recipientUnits: row.recipientUnits,
      recipientOrganisations: row.recipientOrganisations,
      recipientSharingGroups: row.recipientSharingGroups,
      toAllPartners: row.toAllPartners,
    };
    const stored = await storeOnce(
      trx,
      {
        fileName: file.fileName,
        originatorOrganisationId: row.originatorOrganisationId,
        originatorUnitId: row.originatorUnitId,
        createdBy: ctx.actor.userId,
        handlingCode: row.handlingCode,
        distribution,
        publish: false,
      },
      reading,
      { id: row.id, version: row.version, itemCount: 0 },
    );
    if (!stored.created) {
      throw problem(KNOWLEDGE_PROBLEMS, 'same-file', `${file.fileName} is already in the library; choose another file.`, {
        documentId: stored.documentId,
      });
    }
    const reason = `Replaced by ${file.fileName} (version ${stored.version})`;
    await discardLocked(ctx, trx, row, reason, { replacedBy: stored.documentId });
    await ctx.audit(
      {
        action: 'knowledge.document.ingest',
        outcome: 'success',
        targetType: 'knowledge_document',
        targetId: stored.documentId,
        details: { via: 'replace', replaces: row.id, version: stored.version, items: stored.items, published: false },
      },
      trx,
    );
    return stored;
  });
  return getDocument(ctx, replacement.documentId);
}
