import type { PersonalField } from '../../../../shared/referral/vocabulary.js';
import type { ActorContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';

/**
 * A transnational referral gives the receiving unit a case of its own: a new reference, owned by the
 * receiving unit, naming the referral it came through, holding only the consented fields
 * (re-encrypted) and their blind-index tokens.
 */
export interface ReceivedCaseInput {
  sourceCaseId: string;
  referralId: string;
  ownerUnitId: string;
  ownerOrganisationId: string;
  fields: PersonalField[];
}

export async function createReceivedCase(
  _ctx: ActorContext,
  _trx: Db,
  _input: ReceivedCaseInput,
): Promise<{ id: string; reference: string }> {
  throw new Error('not yet available');
}
