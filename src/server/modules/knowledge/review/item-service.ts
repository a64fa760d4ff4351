import { KNOWLEDGE_PROBLEMS } from '../../../../shared/knowledge/problems.js';
import type { ActorContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { notFound, problem } from '../../../platform/errors.js';
import { changedFields } from '../../administration/changes.js';
import { areAdjacent, EditError, type ItemSnapshot, lineOfText, mergedSnapshot, splitText } from './editing.js';
import * as repo from './repository.js';
import { snapshotOf, toItemResponse } from './responses.js';
import { ITEM_TEXT_MAX, type ItemPatch, type MergeBody, type SplitBody } from './schemas.js';
import { assertRevision, lockDocument, refuseDiscarded } from './service.js';
import { checkTags, fieldProblem } from './tags.js';

/**
 * Changes to items: edit, publish/withdraw, merge, split. Each runs in one transaction that
 * writes the change and its revision (who, when, before, after), then goes to the audit log.
 * Lock order is document, then items, everywhere, so concurrent reviews wait rather than deadlock.
 */

async function lockItem(trx: Db, ctx: ActorContext, id: string, seen: number) {
  const row = await repo.findItem(trx, ctx.viewer, id, true);
  if (!row) throw notFound('item');
  assertRevision('item', row.revision, seen);
  refuseDiscarded(await repo.documentStatus(trx, row.documentId));
  return row;
}

const refuseWithdrawn = (row: repo.ReviewItem) => {
  if (row.status === 'withdrawn') {
    throw problem(KNOWLEDGE_PROBLEMS, 'item-withdrawn', 'This item is withdrawn; publish it again before changing it.');
  }
};

function checkedText(text: string, field = 'text'): string {
  const trimmed = text.trim();
  if (!trimmed) throw fieldProblem(field, 'The text of an item cannot be empty.');
  if (trimmed.length > ITEM_TEXT_MAX) {
    throw fieldProblem(field, `The text of an item is limited to ${ITEM_TEXT_MAX} characters.`, { slug: 'text-too-long' });
  }
  return trimmed;
}

/** Written inside the change's transaction, so the change and its audit row commit together. */
async function auditItem(
  ctx: ActorContext,
  trx: Db,
  action: string,
  row: repo.ReviewItem,
  details: Record<string, unknown> = {},
) {
  await ctx.audit(
    {
      action: `knowledge.item.${action}`,
      outcome: 'success',
      targetType: 'knowledge_item',
      targetId: row.id,
      details: { documentId: row.documentId, ...details },
    },
    trx,
  );
}

export async function updateItem(ctx: ActorContext, id: string, patch: ItemPatch) {
  const text = patch.text === undefined ? undefined : checkedText(patch.text);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const row = await lockItem(trx, ctx, id, patch.revision);
    refuseWithdrawn(row);
    const before = snapshotOf(row);
    const after: ItemSnapshot = { ...before, ...checkTags(patch, row.references) };
    if (patch.type) after.type = patch.type;
    if (text !== undefined) after.text = text;
    const fields = changedFields(before, after);
    if (fields.length === 0) return { row, fields };
    const updated = await repo.updateItem(trx, id, after);
    await repo.insertItemRevisions(trx, [{ itemId: id, actorUserId: ctx.actor.userId, action: 'edit', before, after }]);
    await auditItem(ctx, trx, 'update', updated, { fields });
    return { row: updated, fields };
  });
  return toItemResponse(result.row);
}

/** Publishes or withdraws one item; asking for the status it already has changes nothing. */
export async function setItemStatus(ctx: ActorContext, id: string, revision: number, status: 'published' | 'withdrawn') {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const row = await lockItem(trx, ctx, id, revision);
    if (row.status === status) return { row, changed: false };
    const [updated] = await repo.setItemStatus(trx, [id], status);
    const action = status === 'published' ? 'publish' : 'withdraw';
    await repo.insertItemRevisions(trx, [
      { itemId: id, actorUserId: ctx.actor.userId, action, before: snapshotOf(row), after: snapshotOf(updated) },
    ]);
    await auditItem(ctx, trx, action, updated);
    return { row: updated, changed: true };
  });
  return toItemResponse(result.row);
}

/**
 * Merges adjacent items of a document (adjacent among the items not withdrawn) into the first of
 * them; the others are withdrawn, never deleted, and keep their places and history.
 */
export async function mergeItems(ctx: ActorContext, documentId: string, body: MergeBody) {
  const ids = body.items.map((item) => item.id);
  if (new Set(ids).size !== ids.length) throw fieldProblem('items', 'Each item may be named once.');
  const result = await ctx.db.transaction().execute(async (trx) => {
    await lockDocument(trx, ctx, documentId);
    const all = await repo.documentItems(trx, documentId, true);
    const chosen = all.filter((item) => ids.includes(item.id));
    if (chosen.length !== ids.length) throw notFound('item in this document');
    for (const item of chosen) {
      assertRevision('item', item.revision, body.items.find((seen) => seen.id === item.id)!.revision);
      refuseWithdrawn(item);
    }
    const active = all.filter((item) => item.status !== 'withdrawn');
    if (!areAdjacent(active, ids)) {
      throw problem(KNOWLEDGE_PROBLEMS, 'not-adjacent', 'Only items that follow each other in the document can be merged.');
    }
    const [first, ...others] = chosen;
    const merged = mergedSnapshot(chosen.map(snapshotOf));
    checkedText(merged.text, 'items');
    const kept = await repo.updateItem(trx, first.id, merged);
    const otherIds = others.map((item) => item.id);
    const withdrawn = await repo.setItemStatus(trx, otherIds, 'withdrawn');
    const actorUserId = ctx.actor.userId;
    await repo.insertItemRevisions(trx, [
      {
        itemId: first.id,
        actorUserId,
        action: 'merge',
        before: snapshotOf(first),
        after: merged,
        relatedItemIds: otherIds,
      },
      ...withdrawn.map((item) => ({
        itemId: item.id,
        actorUserId,
        action: 'merged',
        before: snapshotOf(others.find((other) => other.id === item.id)!),
        after: snapshotOf(item),
        relatedItemIds: [first.id],
      })),
    ]);
    await auditItem(ctx, trx, 'merge', kept, { withdrawn: withdrawn.map((item) => item.id) });
    return { kept, withdrawn };
  });
  return { item: toItemResponse(result.kept), withdrawn: result.withdrawn.map(toItemResponse) };
}

/**
 * Splits an item in two at a character offset. The second part becomes a new item right after
 * the first (later items move one place down), with the same type, status and tags, and the line
 * of the document where its text starts.
 */
export async function splitItem(ctx: ActorContext, id: string, body: SplitBody) {
  const unlocked = await repo.findItem(ctx.db, ctx.viewer, id);
  if (!unlocked) throw notFound('item');
  const result = await ctx.db.transaction().execute(async (trx) => {
    const document = await lockDocument(trx, ctx, unlocked.documentId);
    const row = await lockItem(trx, ctx, id, body.revision);
    refuseWithdrawn(row);
    let parts: [string, string];
    try {
      parts = splitText(row.text, body.offset);
    } catch (error) {
      if (error instanceof EditError) throw fieldProblem('offset', error.message, { slug: 'invalid-split-offset' });
      throw error;
    }
    const before = snapshotOf(row);
    const first: ItemSnapshot = { ...before, text: parts[0] };
    const second: ItemSnapshot = { ...before, text: parts[1] };
    await repo.makeRoomAfter(trx, row.documentId, row.position);
    const line = row.line === null ? null : lineOfText(document.body, row.line, parts[1]);
    const created = await repo.insertItem(trx, row.documentId, { position: row.position + 1, line, page: row.page }, second);
    const kept = await repo.updateItem(trx, id, first);
    const actorUserId = ctx.actor.userId;
    await repo.insertItemRevisions(trx, [
      { itemId: id, actorUserId, action: 'split', before, after: first, relatedItemIds: [created.id] },
      { itemId: created.id, actorUserId, action: 'split-off', before: null, after: second, relatedItemIds: [id] },
    ]);
    await auditItem(ctx, trx, 'split', kept, { created: created.id });
    return { kept, created };
  });
  return { items: [toItemResponse(result.kept), toItemResponse(result.created)] };
}
