import type { ActorContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';

/**
 * A consent was withdrawn: referrals that left under it share nothing more (their receiving units
 * lose access to the case's fields; a transnational copy already given stays under its receiver's
 * responsibility), each gets a history event, and both sides are told. Returns how many stopped.
 */
export async function stopSharingUnderConsent(
  _ctx: ActorContext,
  _trx: Db,
  _consentId: string,
  _reason: string,
): Promise<number> {
  // Filled in by the referrals part.
  return 0;
}
