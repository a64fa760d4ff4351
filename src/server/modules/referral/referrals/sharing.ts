import type { ActorContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { notify, sharingStoppedText } from './notify.js';
import * as repo from './repository.js';

/**
 * A consent was withdrawn: referrals that left under it share nothing more (their receiving units
 * lose access to the case's fields; a transnational copy already given stays under its receiver's
 * responsibility), each gets a history event, and both sides are told. Returns how many stopped.
 * The withdrawal's own reason stays with the consent: free text may name the person, so the
 * referral's history records a fixed wording.
 */
export async function stopSharingUnderConsent(ctx: ActorContext, trx: Db, consentId: string, _reason: string): Promise<number> {
  const stopped = await repo.stopSharing(trx, consentId);
  for (const { id, status } of stopped) {
    await repo.insertEvent(trx, {
      referralId: id,
      from: status,
      to: status,
      reason: 'sharing stopped: consent withdrawn',
      actorId: ctx.actor.userId,
    });
    const referral = await repo.findReferral(trx, id);
    if (!referral?.toUnit) continue;
    // One notice, from the referring unit to the receiving one: the referring unit keeps it among its
    // sent messages (the exchange never delivers to the sending unit), the receiver gets it in its inbox.
    await notify(trx, {
      senderUserId: ctx.actor.userId,
      fromUnitId: referral.fromUnit.id,
      fromOrganisationId: referral.fromUnit.organisationId,
      toUnitId: referral.toUnit.id,
      ...sharingStoppedText({
        referralId: id,
        publicUrl: ctx.config.publicUrl,
        reference: referral.receivedCase?.reference ?? referral.caseReference,
      }),
    });
  }
  return stopped.length;
}
