import { checkForward, type ForwardRecord, type ForwardTargets } from '../../../../shared/forwarding.js';
import { type HandlingCode, isAboveGreen } from '../../../../shared/handling-codes.js';
import type { ActorContext } from '../../../platform/context.js';
import { notFound, Problem } from '../../../platform/errors.js';
import { recordEvent } from '../../../platform/events/record.js';
import { type ResolvedDistribution, resolveDistribution, viewerOf } from '../../../platform/policy/visibility-filter.js';
import * as repo from './repository.js';
import type { AcknowledgeBody, ComposeBody, ForwardBody, MessageListQuery } from './schemas.js';

const viewer = (ctx: ActorContext) => viewerOf(ctx.actor) ?? { organisationId: '', unitIds: [], sharingGroupIds: [] };

/** The unit a message is sent from: one of the sender's own units, the first by default. */
function senderUnit(ctx: ActorContext, requested: string | undefined): string {
  const unit = requested ?? ctx.actor.unitIds[0];
  if (!unit) throw new Problem(400, 'no-unit', 'Messages are sent from a unit, and your account belongs to none.');
  if (!ctx.actor.unitIds.includes(unit)) throw new Problem(400, 'not-your-unit', 'You can send only from a unit you belong to.');
  return unit;
}

/** "Overdue" is a view of an open RFI whose deadline has passed, not a stored state. */
function rfiStatus(row: repo.MessageRow): string | null {
  if (row.kind !== 'rfi') return null;
  if (row.status === 'open' && row.deadline && row.deadline.getTime() < Date.now()) return 'overdue';
  return row.status;
}

function toMessageResponse(row: repo.MessageRow) {
  return {
    id: row.id,
    threadId: row.thread_id,
    inReplyTo: row.in_reply_to,
    forwardedFrom: row.forwarded_from,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    restrictions: row.restrictions,
    priority: row.priority,
    deadline: row.deadline?.toISOString() ?? null,
    status: rfiStatus(row),
    handlingCode: row.handling_code,
    sender: { userId: row.sender_user_id, name: row.sender_name },
    fromUnit: { id: row.originator_unit_id, name: row.originator_unit_name },
    fromOrganisation: { id: row.originator_organisation_id, name: row.originator_organisation_name },
    distribution: {
      units: row.recipient_units,
      organisations: row.recipient_organisations,
      sharingGroups: row.recipient_sharing_groups,
      allPartners: row.to_all_partners,
    },
    read: row.read,
    createdAt: row.created_at.toISOString(),
  };
}

/** Who may see a message, as the events of the live stream carry it. */
function accessOf(handlingCode: string, unitId: string, organisationId: string, distribution: ResolvedDistribution) {
  return {
    handlingCode: handlingCode as HandlingCode,
    originatorUnitId: unitId,
    originatorOrganisationId: organisationId,
    ...distribution,
  };
}

const accessOfRow = (row: repo.MessageRow) =>
  accessOf(row.handling_code, row.originator_unit_id, row.originator_organisation_id, {
    recipientUnits: row.recipient_units,
    recipientOrganisations: row.recipient_organisations,
    recipientSharingGroups: row.recipient_sharing_groups,
    toAllPartners: row.to_all_partners,
  });

async function auditRead(ctx: ActorContext, row: repo.MessageRow) {
  if (isAboveGreen(row.handling_code)) {
    await ctx.auditSensitiveRead('message', row.id, { handlingCode: row.handling_code });
  }
}

export async function send(ctx: ActorContext, body: ComposeBody) {
  const kind = body.kind ?? 'message';
  if (kind === 'rfi' && !body.deadline)
    throw new Problem(400, 'deadline-required', 'A request for information needs a deadline.');
  if (kind === 'message' && body.deadline)
    throw new Problem(400, 'deadline-for-rfi', 'Only a request for information has a deadline.');
  if (body.deadline && new Date(body.deadline).getTime() <= Date.now()) {
    throw new Problem(400, 'deadline-past', 'The deadline of a request for information must be in the future.');
  }
  const unitId = senderUnit(ctx, body.fromUnitId);
  let parent: repo.MessageRow | undefined;
  if (body.inReplyTo) {
    parent = await repo.findMessage(ctx.db, viewer(ctx), body.inReplyTo);
    if (!parent) throw notFound('message');
  }
  const distribution = await resolveDistribution(ctx.db, body.distribution);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const created = await repo.insertMessage(trx, {
      threadId: parent?.thread_id ?? null,
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
    });
    const access = accessOf(body.handlingCode, unitId, ctx.actor.organisationId, distribution);
    await recordEvent(trx, { type: 'message.new', recordType: 'message', recordId: created, access });
    if (parent?.kind === 'rfi' && parent.originator_unit_id !== unitId && (await repo.markAnswered(trx, parent.id))) {
      await recordEvent(trx, { type: 'rfi.updated', recordType: 'message', recordId: parent.id, access: accessOfRow(parent) });
    }
    return created;
  });
  await ctx.audit({
    action: 'message.send',
    outcome: 'success',
    targetType: 'message',
    targetId: id,
    details: { kind, handlingCode: body.handlingCode, inReplyTo: parent?.id ?? null },
  });
  return getMessage(ctx, id);
}

export async function list(ctx: ActorContext, query: MessageListQuery) {
  const { rows, total, unread } = await repo.listMessages(ctx.db, viewer(ctx), {
    box: query.box ?? 'inbox',
    kind: query.kind,
    q: query.q?.trim() || undefined,
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  });
  for (const row of rows) await auditRead(ctx, row);
  return { messages: rows.map(toMessageResponse), total, unread };
}

/** One message with its thread (what the viewer may see of it) and who acknowledged it. */
export async function getMessage(ctx: ActorContext, id: string) {
  const row = await repo.findMessage(ctx.db, viewer(ctx), id);
  if (!row) throw notFound('message');
  await auditRead(ctx, row);
  const thread = await repo.threadMessages(ctx.db, viewer(ctx), row.thread_id);
  for (const other of thread) if (other.id !== row.id) await auditRead(ctx, other);
  const acknowledgements = await repo.acknowledgements(ctx.db, row.id);
  return {
    ...toMessageResponse(row),
    thread: thread.map(toMessageResponse),
    acknowledgements: acknowledgements.map((a) => ({
      unitId: a.unit_id,
      unit: a.unit_name,
      organisation: a.organisation_name,
      at: a.at.toISOString(),
    })),
  };
}

/** A receiving unit says it has read the message (once per unit). */
export async function acknowledge(ctx: ActorContext, id: string, body: AcknowledgeBody) {
  const row = await repo.findMessage(ctx.db, viewer(ctx), id);
  if (!row) throw notFound('message');
  const unitId = senderUnit(ctx, body.unitId);
  await repo.acknowledge(ctx.db, row.id, unitId, ctx.actor.userId);
  await ctx.audit({ action: 'message.acknowledge', outcome: 'success', targetType: 'message', targetId: row.id });
  return getMessage(ctx, row.id);
}

/**
 * Forwards a message the viewer may see to new recipients, as a new message quoting it, if its
 * handling code lets it travel that far (`checkForward`); a refusal says why and is audited too.
 */
export async function forward(ctx: ActorContext, id: string, body: ForwardBody) {
  const original = await repo.findMessage(ctx.db, viewer(ctx), id);
  if (!original) throw notFound('message');
  const unitId = senderUnit(ctx, body.fromUnitId);
  const distribution = await resolveDistribution(ctx.db, body.distribution);
  const groups = await repo.groupMembers(ctx.db, [...original.recipient_sharing_groups, ...distribution.recipientSharingGroups]);
  const unitOrganisations = await repo.unitOrganisations(ctx.db, distribution.recipientUnits);
  const record: ForwardRecord = {
    handlingCode: original.handling_code as HandlingCode,
    originatorUnitId: original.originator_unit_id,
    originatorOrganisationId: original.originator_organisation_id,
    recipientUnits: original.recipient_units,
    recipientOrganisations: original.recipient_organisations,
    recipientSharingGroups: original.recipient_sharing_groups,
    sharingGroupMembers: original.recipient_sharing_groups.flatMap((group) => groups.get(group) ?? []),
    toAllPartners: original.to_all_partners,
  };
  const named = new Set(body.distribution.flatMap((target) => (target.kind === 'organisation' ? [target.id] : [])));
  const targets: ForwardTargets = {
    units: distribution.recipientUnits.map((unit) => ({ id: unit, organisationId: unitOrganisations.get(unit) ?? '' })),
    organisations: [...named],
    sharingGroups: distribution.recipientSharingGroups.map((group) => ({
      id: group,
      memberOrganisations: groups.get(group) ?? [],
    })),
    allPartners: distribution.toAllPartners,
  };
  const handlingCode = (body.handlingCode ?? original.handling_code) as HandlingCode;
  const decision = checkForward(record, viewer(ctx), targets, handlingCode);
  if (!decision.allow) {
    await ctx.audit({
      action: 'message.forward',
      outcome: 'denied',
      targetType: 'message',
      targetId: original.id,
      details: { reason: decision.code },
    });
    throw new Problem(403, decision.code, decision.reason);
  }
  const note = body.note?.trim();
  const quoted = original.body
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  const forwardedId = await ctx.db.transaction().execute(async (trx) => {
    const created = await repo.insertMessage(trx, {
      threadId: null,
      inReplyTo: null,
      forwardedFrom: original.id,
      kind: 'message',
      subject: `Fwd: ${original.subject}`.slice(0, 300),
      body: `${note ? `${note}\n\n` : ''}Forwarded from ${original.originator_unit_name}, ${original.originator_organisation_name}:\n\n${quoted}`,
      restrictions: original.restrictions,
      priority: original.priority,
      deadline: null,
      senderUserId: ctx.actor.userId,
      handlingCode,
      originatorUnitId: unitId,
      originatorOrganisationId: ctx.actor.organisationId,
      distribution,
    });
    const access = accessOf(handlingCode, unitId, ctx.actor.organisationId, distribution);
    await recordEvent(trx, { type: 'message.new', recordType: 'message', recordId: created, access });
    return created;
  });
  await ctx.audit({
    action: 'message.forward',
    outcome: 'success',
    targetType: 'message',
    targetId: original.id,
    details: { forwardedAs: forwardedId, handlingCode },
  });
  return getMessage(ctx, forwardedId);
}
