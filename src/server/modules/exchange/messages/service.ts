import { MESSAGE_PROBLEMS } from '../../../../shared/exchange/messages/problems.js';
import { codesKeepingOrTightening, type HandlingCode, isAboveGreen } from '../../../../shared/handling-codes.js';
import type { ActorContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { notFound, problem } from '../../../platform/errors.js';
import { recordEvent } from '../../../platform/events/record.js';
import { renderMarkdown } from '../../../platform/markdown.js';
import { authorize } from '../../../platform/policy/policy.js';
import { sharedAccess } from '../../../platform/policy/visibility-filter.js';
import { attachmentsOf, attachUploads } from '../attachments/service.js';
import * as deliveries from './deliveries-repository.js';
import { accessOf, resolveRecipients } from './recipients.js';
import * as repo from './repository.js';
import type { ComposeBody, MessageListQuery, OpenRfiQuery, UnitBody } from './schemas.js';

/** The unit a message is sent from: one of the sender's own units, the first by default. */
export function senderUnit(ctx: ActorContext, requested: string | undefined): string {
  const unit = requested ?? ctx.actor.unitIds[0];
  if (!unit) throw problem(MESSAGE_PROBLEMS, 'no-unit', 'Messages are sent from a unit, and your account belongs to none.');
  authorize(ctx.actor, 'unit.actFor', { kind: 'unit', unitId: unit });
  return unit;
}

/** "Overdue" is a view of an open RFI whose deadline has passed, not a stored state. */
function rfiStatus(row: repo.Message): string | null {
  if (row.kind !== 'rfi') return null;
  if (row.status === 'open' && row.deadline && row.deadline.getTime() < Date.now()) return 'overdue';
  return row.status;
}

export function toMessageResponse(row: repo.Message) {
  return {
    id: row.id,
    threadId: row.threadId,
    inReplyTo: row.inReplyTo,
    forwardedFrom: row.forwardedFrom,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    bodyHtml: renderMarkdown(row.body),
    restrictions: row.restrictions,
    priority: row.priority,
    deadline: row.deadline?.toISOString() ?? null,
    status: rfiStatus(row),
    handlingCode: row.handlingCode,
    sender: { userId: row.senderUserId, name: row.senderName },
    fromUnit: { id: row.originatorUnitId, name: row.originatorUnitName },
    fromOrganisation: { id: row.originatorOrganisationId, name: row.originatorOrganisationName },
    distribution: {
      units: row.recipientUnits,
      organisations: row.recipientOrganisations,
      sharingGroups: row.recipientSharingGroups,
      allPartners: row.toAllPartners,
      functions: row.recipientFunctions,
    },
    closedAt: row.closedAt?.toISOString() ?? null,
    read: row.read,
    acknowledgementCount: row.acknowledgementCount,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Every TLP:AMBER and TLP:RED message shown (in a list, a thread or alone) is an audited read. */
export async function auditRead(ctx: ActorContext, rows: repo.Message[]) {
  const sensitive = rows.filter((row) => isAboveGreen(row.handlingCode));
  await ctx.auditSensitiveReads(
    'message',
    sensitive.map((row) => ({ id: row.id, details: { handlingCode: row.handlingCode } })),
  );
}

/**
 * Stores a new message, delivers it to the units addressed and announces it on the event log, in
 * the caller's transaction: a message is never stored without its deliveries and its event.
 */
export async function storeMessage(
  trx: Db,
  // Only who acts: a job (a follow-up reminder) sends in the name of the person who set it up.
  ctx: { actor: { userId: string } },
  message: repo.NewMessage,
): Promise<string> {
  const id = await repo.insertMessage(trx, message);
  await deliveries.deliverMessages(trx, [id]);
  await recordEvent(trx, {
    type: 'message.new',
    recordType: 'message',
    recordId: id,
    access: accessOf(message.handlingCode, message.originatorUnitId, message.originatorOrganisationId, message.distribution),
    actorUserId: ctx.actor.userId,
  });
  return id;
}

/** A reply keeps its thread's code or a stricter one, as a forward does: it answers to the same audience. */
function checkReplyCode(threadCode: HandlingCode, code: HandlingCode) {
  if (codesKeepingOrTightening(threadCode).includes(code)) return;
  throw problem(
    MESSAGE_PROBLEMS,
    'reply-loosens-handling-code',
    `A reply in a ${threadCode} thread keeps ${threadCode} or a stricter code, not ${code}.`,
    { threadHandlingCode: threadCode },
  );
}

export async function send(ctx: ActorContext, body: ComposeBody) {
  const kind = body.kind ?? 'message';
  if (kind === 'rfi' && !body.deadline)
    throw problem(MESSAGE_PROBLEMS, 'deadline-required', 'A request for information needs a deadline.');
  if (kind === 'message' && body.deadline)
    throw problem(MESSAGE_PROBLEMS, 'deadline-for-rfi', 'Only a request for information has a deadline.');
  if (body.deadline && new Date(body.deadline).getTime() <= Date.now()) {
    throw problem(MESSAGE_PROBLEMS, 'deadline-past', 'The deadline of a request for information must be in the future.');
  }
  const unitId = senderUnit(ctx, body.fromUnitId);
  let parent: repo.Message | undefined;
  if (body.inReplyTo) {
    parent = await repo.findMessage(ctx.db, ctx.viewer, body.inReplyTo);
    if (!parent) throw notFound('message');
    checkReplyCode(parent.handlingCode, body.handlingCode);
  }
  const { distribution, addressedOrganisations, recipientFunctions } = await resolveRecipients(ctx.db, body.distribution);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const created = await storeMessage(trx, ctx, {
      threadId: parent?.threadId ?? null,
      inReplyTo: parent?.id ?? null,
      forwardedFrom: null,
      kind,
      subject: body.subject,
      body: body.body,
      restrictions: body.restrictions ?? [],
      priority: body.priority ?? 'routine',
      deadline: body.deadline ?? null,
      senderUserId: ctx.actor.userId,
      handlingCode: body.handlingCode,
      originatorUnitId: unitId,
      originatorOrganisationId: ctx.actor.organisationId,
      distribution,
      addressedOrganisations,
      recipientFunctions,
    });
    // A refused attachment refuses the whole send: nothing of it is stored.
    await attachUploads(trx, { messageId: created, attachmentIds: body.attachmentIds ?? [], userId: ctx.actor.userId });
    if (parent?.kind === 'rfi' && parent.originatorUnitId !== unitId && (await repo.markAnswered(trx, parent.id))) {
      await recordEvent(trx, {
        type: 'rfi.updated',
        recordType: 'message',
        recordId: parent.id,
        access: sharedAccess(parent),
        actorUserId: ctx.actor.userId,
      });
    }
    const audit = { kind, handlingCode: body.handlingCode, inReplyTo: parent?.id ?? null };
    await ctx.audit(
      { action: 'message.send', outcome: 'success', targetType: 'message', targetId: created, details: audit },
      trx,
    );
    return created;
  });
  return getMessage(ctx, id);
}

/** The unit whose box is listed: one of the viewer's own, the first by default, none for unit-less viewers. */
function boxUnit(ctx: ActorContext, requested: string | undefined): string | null {
  if (requested) authorize(ctx.actor, 'unit.actFor', { kind: 'unit', unitId: requested });
  return requested ?? ctx.actor.unitIds[0] ?? null;
}

export async function list(ctx: ActorContext, query: MessageListQuery) {
  const box = query.box ?? 'inbox';
  const unitId = boxUnit(ctx, query.unitId);
  if (box !== 'all' && !unitId) return { messages: [], total: 0, unread: 0, unitId: null };
  const { messages, total, unread } = await repo.listMessages(ctx.db, ctx.viewer, {
    box,
    unitId,
    kind: query.kind,
    q: query.q?.trim() || undefined,
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  });
  await auditRead(ctx, messages);
  return { messages: messages.map(toMessageResponse), total, unread, unitId };
}

/** Unread messages in the inbox of each of the viewer's units, and in all of them. */
export async function unread(ctx: ActorContext) {
  const counts = await deliveries.unreadByUnit(ctx.db, ctx.actor.unitIds);
  const units = ctx.actor.unitIds.map((unitId) => ({ unitId, unread: counts.get(unitId) ?? 0 }));
  return { unread: units.reduce((sum, unit) => sum + unit.unread, 0), units };
}

/** Open RFIs the viewer's units asked or must answer, soonest deadline first (overdue ones lead). */
export async function openRfis(ctx: ActorContext, query: OpenRfiQuery) {
  const { unitIds } = ctx.actor;
  if (unitIds.length === 0) return { rfis: [], total: 0, overdue: 0 };
  const { rfis, total, overdue } = await repo.openRfis(ctx.db, ctx.viewer, unitIds, query.limit ?? 10);
  await auditRead(ctx, rfis);
  return { rfis: rfis.map((rfi) => ({ ...toMessageResponse(rfi), asked: rfi.asked })), total, overdue };
}

/** One message with its thread (what the viewer may see of it) and who acknowledged it. */
export async function getMessage(ctx: ActorContext, id: string) {
  const row = await repo.findMessage(ctx.db, ctx.viewer, id);
  if (!row) throw notFound('message');
  const thread = await repo.threadMessages(ctx.db, ctx.viewer, row.threadId);
  await auditRead(ctx, [row, ...thread.filter((other) => other.id !== row.id)]);
  const acknowledgements = await repo.acknowledgements(ctx.db, row.id);
  const attachments = await attachmentsOf(ctx.db, [row.id, ...thread.map((other) => other.id)]);
  const withAttachments = (message: repo.Message) => ({
    ...toMessageResponse(message),
    attachments: attachments.get(message.id) ?? [],
  });
  return {
    ...withAttachments(row),
    thread: thread.map(withAttachments),
    acknowledgements: acknowledgements.map((a) => ({
      unitId: a.unitId,
      unit: a.unitName,
      organisation: a.organisationName,
      at: a.at.toISOString(),
    })),
    /** The viewer's units whose inbox holds the message, and whether each archived or read it. */
    deliveries: await deliveries.deliveriesOf(ctx.db, row.id, ctx.actor.unitIds),
  };
}

/**
 * The viewer opened the thread: every message of it they may see leaves the unread count of each
 * of their units that received it. Answers the counts as they now stand.
 */
export async function markRead(ctx: ActorContext, id: string) {
  const row = await repo.findMessage(ctx.db, ctx.viewer, id);
  if (!row) throw notFound('message');
  await deliveries.markThreadRead(ctx.db, ctx.viewer!, row.threadId, ctx.actor.unitIds);
  return unread(ctx);
}

/** A receiving unit says it has read the message (once per unit). */
export async function acknowledge(ctx: ActorContext, id: string, body: UnitBody) {
  const row = await repo.findMessage(ctx.db, ctx.viewer, id);
  if (!row) throw notFound('message');
  const unitId = senderUnit(ctx, body.unitId);
  await ctx.audited(
    (trx) => repo.acknowledge(trx, row.id, unitId, ctx.actor.userId),
    () => ({ action: 'message.acknowledge', outcome: 'success', targetType: 'message', targetId: row.id }),
  );
  return getMessage(ctx, row.id);
}

/** Files a message away for one of the viewer's units, or brings it back; it stays readable. */
export async function archive(ctx: ActorContext, id: string, body: UnitBody, archived: boolean) {
  const row = await repo.findMessage(ctx.db, ctx.viewer, id);
  if (!row) throw notFound('message');
  const unitId = senderUnit(ctx, body.unitId);
  const action = archived ? 'message.archive' : 'message.unarchive';
  const filed = await ctx.audited(
    (trx) => deliveries.setArchived(trx, row.id, unitId, archived),
    (changed) => (changed ? { action, outcome: 'success', targetType: 'message', targetId: row.id, details: { unitId } } : null),
  );
  if (!filed) {
    throw problem(
      MESSAGE_PROBLEMS,
      'not-delivered',
      'This message is not in the inbox of that unit, so it cannot be archived there.',
    );
  }
  return getMessage(ctx, row.id);
}

/** The asking unit closes its RFI: no more answers are awaited. */
export async function close(ctx: ActorContext, id: string) {
  const row = await repo.findMessage(ctx.db, ctx.viewer, id);
  if (!row) throw notFound('message');
  if (row.kind !== 'rfi') throw problem(MESSAGE_PROBLEMS, 'not-an-rfi', 'Only a request for information can be closed.');
  authorize(ctx.actor, 'rfi.close', { kind: 'message', originatorUnitId: row.originatorUnitId });
  const closed = await ctx.db.transaction().execute(async (trx) => {
    const changed = await repo.closeRfi(trx, row.id, ctx.actor.userId);
    if (changed) {
      await recordEvent(trx, {
        type: 'rfi.updated',
        recordType: 'message',
        recordId: row.id,
        access: sharedAccess(row),
        actorUserId: ctx.actor.userId,
      });
      await ctx.audit({ action: 'message.close', outcome: 'success', targetType: 'message', targetId: row.id }, trx);
    }
    return changed;
  });
  if (!closed) throw problem(MESSAGE_PROBLEMS, 'already-closed', 'This request for information is already closed.');
  return getMessage(ctx, row.id);
}
