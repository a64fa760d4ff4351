import { type HandlingCode, handlingCodeRank } from '../../../../shared/handling-codes.js';
import { KNOWLEDGE_PROBLEMS } from '../../../../shared/knowledge/problems.js';
import type { DistributionTarget } from '../../../../shared/visibility.js';
import type { ActorContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { notFound, Problem, problem } from '../../../platform/errors.js';
import { decide } from '../../../platform/policy/policy.js';
import { type ResolvedDistribution, resolveDistribution } from '../../../platform/policy/visibility-filter.js';
import { changedFields } from '../../administration/changes.js';
import { mapPage } from '../../administration/listing.js';
import * as repo from './repository.js';
import { snapshotOf, toDocumentResponse, toDocumentSummary, toRevisionResponse } from './responses.js';
import type { DocumentPatch, ReviewListQuery } from './schemas.js';
import { fieldProblem, vocabularyOptions } from './tags.js';

/**
 * Review of library documents: the list to review, one document with all its items, publication,
 * handling code and distribution, and history. Every path reads through `visibleTo`, so a curator
 * reviews what the sharing rule lets them see; a change to what they cannot see answers 404.
 */

/** TLP:AMBER and stricter: every read of such a document goes to the audit trail. */
const isSensitive = (code: string) => handlingCodeRank(code as HandlingCode) <= handlingCodeRank('TLP:AMBER');

/** The 409 of a change made on an outdated revision: nothing is written. */
export function assertRevision(what: 'item' | 'document', current: number, seen: number) {
  if (current !== seen) {
    throw problem(
      KNOWLEDGE_PROBLEMS,
      'stale-revision',
      `This ${what} has changed since you loaded it (revision ${seen}, now ${current}); reload it and make your change again.`,
      { currentRevision: current },
    );
  }
}

/** A discarded document is kept for its history only: nothing in it changes any more. */
export function refuseDiscarded(status: string | undefined) {
  if (status === 'discarded') {
    throw problem(KNOWLEDGE_PROBLEMS, 'not-a-draft', 'This document was discarded; it is kept for its history only.');
  }
}

/** Locks a visible document for a change, checking the revision the reviewer saw. */
export async function lockDocument(trx: Db, ctx: ActorContext, id: string, seen?: number) {
  const row = await repo.findDocument(trx, ctx.viewer, id, true);
  if (!row) throw notFound('document');
  if (seen !== undefined) assertRevision('document', row.revision, seen);
  refuseDiscarded(row.status);
  return row;
}

export async function listDocuments(ctx: ActorContext, query: ReviewListQuery) {
  return mapPage(await repo.listDocuments(ctx.db, ctx.viewer, query), toDocumentSummary);
}

/** A visible document, its read written to the audit trail when its code is TLP:AMBER or stricter. */
async function readDocument(ctx: ActorContext, id: string, purpose: string) {
  const row = await repo.findDocument(ctx.db, ctx.viewer, id);
  if (!row) throw notFound('document');
  if (isSensitive(row.handlingCode)) {
    await ctx.auditSensitiveRead('knowledge_document', row.id, { handlingCode: row.handlingCode, purpose });
  }
  return row;
}

export async function getDocument(ctx: ActorContext, id: string) {
  const row = await readDocument(ctx, id, 'review');
  const recipients = await repo.recipientNames(ctx.db, row);
  const items = await repo.documentItems(ctx.db, row.id);
  return toDocumentResponse(row, recipients, items);
}

/** Publishes the document and its draft items (withdrawn items stay withdrawn). */
export async function publishDocument(ctx: ActorContext, id: string, revision: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockDocument(trx, ctx, id, revision);
    const drafts = (await repo.documentItems(trx, id, true)).filter((item) => item.status === 'draft');
    await repo.publishDocument(trx, id, ctx.actor.userId);
    const items = await repo.setItemStatus(
      trx,
      drafts.map((item) => item.id),
      'published',
    );
    const byId = new Map(drafts.map((item) => [item.id, item]));
    await repo.insertItemRevisions(
      trx,
      items.map((item) => ({
        itemId: item.id,
        actorUserId: ctx.actor.userId,
        action: 'publish',
        before: snapshotOf(byId.get(item.id)!),
        after: snapshotOf(item),
      })),
    );
    const before = repo.documentState(row);
    await repo.insertDocumentRevision(trx, {
      documentId: id,
      actorUserId: ctx.actor.userId,
      action: 'publish',
      before,
      after: { ...before, status: 'published' },
    });
    const details = { publishedItems: items.length };
    await ctx.audit(
      { action: 'knowledge.document.publish', outcome: 'success', targetType: 'knowledge_document', targetId: id, details },
      trx,
    );
  });
  return getDocument(ctx, id);
}

async function resolveTargets(trx: Db, targets: DistributionTarget[]): Promise<ResolvedDistribution> {
  try {
    return await resolveDistribution(trx, targets);
  } catch (error) {
    if (error instanceof Problem) throw fieldProblem('distribution', error.detail, { slug: 'unknown-recipient' });
    throw error;
  }
}

/**
 * Changes the handling code and/or the distribution. A change that would hide the document from
 * the reviewer making it (e.g. TLP:RED to units that are not theirs) is refused (policy
 * `document.share`): nobody in the secretariat could review or correct it afterwards.
 */
export async function updateSharing(ctx: ActorContext, id: string, patch: DocumentPatch) {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockDocument(trx, ctx, id, patch.revision);
    const before = repo.documentState(row);
    const distribution = patch.distribution
      ? await resolveTargets(trx, patch.distribution)
      : {
          recipientUnits: before.recipientUnits,
          recipientOrganisations: before.recipientOrganisations,
          recipientSharingGroups: before.recipientSharingGroups,
          toAllPartners: before.toAllPartners,
        };
    const after: repo.DocumentState = { ...before, handlingCode: patch.handlingCode ?? before.handlingCode, ...distribution };
    const fields = changedFields(before, after);
    if (fields.length === 0) return;
    const record = {
      ...after,
      handlingCode: after.handlingCode as HandlingCode,
      originatorUnitId: row.originatorUnitId ?? '',
      originatorOrganisationId: row.originatorOrganisationId,
    };
    const decision = decide(ctx.actor, 'document.share', { kind: 'document', access: record });
    if (!decision.allow) {
      throw fieldProblem(patch.distribution ? 'distribution' : 'handlingCode', decision.reason, { slug: 'would-hide-document' });
    }
    await repo.updateSharing(trx, id, after.handlingCode, distribution);
    await repo.insertDocumentRevision(trx, { documentId: id, actorUserId: ctx.actor.userId, action: 'sharing', before, after });
    const details = { fields, from: before.handlingCode, to: after.handlingCode };
    await ctx.audit(
      { action: 'knowledge.document.sharing', outcome: 'success', targetType: 'knowledge_document', targetId: id, details },
      trx,
    );
  });
  return getDocument(ctx, id);
}

/** Revisions hold the texts before and after, so reading them is a read of the document. */
export async function documentHistory(ctx: ActorContext, id: string) {
  await readDocument(ctx, id, 'history');
  return { revisions: (await repo.documentHistory(ctx.db, id)).map(toRevisionResponse) };
}

export async function itemHistory(ctx: ActorContext, id: string) {
  const item = await repo.findItem(ctx.db, ctx.viewer, id);
  if (!item) throw notFound('item');
  await readDocument(ctx, item.documentId, 'history');
  return { revisions: (await repo.itemHistory(ctx.db, id)).map(toRevisionResponse) };
}

export async function vocabulary(ctx: ActorContext) {
  const recipients = await repo.recipientOptions(ctx.db);
  const named = (kind: repo.Recipient['kind']) =>
    recipients.filter((recipient) => recipient.kind === kind).map(({ id, name }) => ({ id, name }));
  return {
    ...vocabularyOptions(),
    recipients: { organisations: named('organisation'), sharingGroups: named('sharing_group') },
  };
}
