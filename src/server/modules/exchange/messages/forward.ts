import type { ForwardRecord, ForwardTargets } from '../../../../shared/forwarding.js';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import type { ActorContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { decide, problemOf } from '../../../platform/policy/policy.js';
import { linkAttachments } from '../attachments/service.js';
import { resolveRecipients } from './recipients.js';
import * as repo from './repository.js';
import type { ForwardBody } from './schemas.js';
import { getMessage, senderUnit, storeMessage } from './service.js';

/**
 * Forwards a message the viewer may see to new recipients, as a new message quoting it, if its
 * handling code lets it travel that far (policy `message.forward`); a refusal says why and is audited too.
 */
export async function forward(ctx: ActorContext, id: string, body: ForwardBody) {
  const original = await repo.findMessage(ctx.db, ctx.viewer, id);
  if (!original) throw notFound('message');
  const unitId = senderUnit(ctx, body.fromUnitId);
  const { distribution, addressedOrganisations, recipientFunctions } = await resolveRecipients(ctx.db, body.distribution);
  const groups = await repo.groupMembers(ctx.db, [...original.recipientSharingGroups, ...distribution.recipientSharingGroups]);
  const unitOrganisations = await repo.unitOrganisations(ctx.db, distribution.recipientUnits);
  const record: ForwardRecord = {
    handlingCode: original.handlingCode as HandlingCode,
    originatorUnitId: original.originatorUnitId,
    originatorOrganisationId: original.originatorOrganisationId,
    recipientUnits: original.recipientUnits,
    recipientOrganisations: original.recipientOrganisations,
    recipientSharingGroups: original.recipientSharingGroups,
    sharingGroupMembers: original.recipientSharingGroups.flatMap((group) => groups.get(group) ?? []),
    toAllPartners: original.toAllPartners,
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
  const handlingCode = (body.handlingCode ?? original.handlingCode) as HandlingCode;
  const decision = decide(ctx.actor, 'message.forward', { kind: 'message', message: record, targets, handlingCode });
  const refused = problemOf(ctx.actor, 'message.forward', decision);
  if (refused) {
    await ctx.audit({
      action: 'message.forward',
      outcome: 'denied',
      targetType: 'message',
      targetId: original.id,
      details: { reason: refused.slug },
    });
    throw refused;
  }
  const note = body.note?.trim();
  const quoted = original.body
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  const forwardedId = await ctx.db.transaction().execute(async (trx) => {
    const created = await storeMessage(trx, ctx, {
      threadId: null,
      inReplyTo: null,
      forwardedFrom: original.id,
      kind: 'message',
      subject: `Fwd: ${original.subject}`.slice(0, 300),
      body: `${note ? `${note}\n\n` : ''}Forwarded from ${original.originatorUnitName}, ${original.originatorOrganisationName}:\n\n${quoted}`,
      restrictions: original.restrictions,
      priority: original.priority,
      deadline: null,
      senderUserId: ctx.actor.userId,
      handlingCode,
      originatorUnitId: unitId,
      originatorOrganisationId: ctx.actor.organisationId,
      distribution,
      addressedOrganisations,
      recipientFunctions,
    });
    // The same stored files travel with the forward (content-addressed: nothing is copied).
    await linkAttachments(trx, original.id, created);
    const details = { forwardedAs: created, handlingCode };
    await ctx.audit(
      { action: 'message.forward', outcome: 'success', targetType: 'message', targetId: original.id, details },
      trx,
    );
    return created;
  });
  return getMessage(ctx, forwardedId);
}
