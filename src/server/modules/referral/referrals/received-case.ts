import type { PersonalField } from '../../../../shared/referral/vocabulary.js';
import type { ActorContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/errors.js';
import { searchTokensOf } from '../cases/blind-index.js';
import { decryptPerson, encryptPerson } from '../cases/person.js';
import * as cases from '../cases/repository.js';
import { markReceivedThrough } from './repository.js';

/**
 * A transnational referral gives the receiving unit a case of its own: a new reference, owned by the
 * receiving unit, naming the referral it came through, holding only the consented fields
 * (decrypted and encrypted again, each value its own) and their blind-index tokens. Notes never
 * travel. From then on the copy is the receiver's: the sender's case is not shared with it.
 */
export interface ReceivedCaseInput {
  sourceCaseId: string;
  referralId: string;
  ownerUnitId: string;
  ownerOrganisationId: string;
  fields: PersonalField[];
}

export async function createReceivedCase(
  ctx: ActorContext,
  trx: Db,
  input: ReceivedCaseInput,
): Promise<{ id: string; reference: string }> {
  const source = await cases.findCase(trx, input.sourceCaseId);
  if (!source) throw notFound('case');
  const values = await decryptPerson(ctx.personalData, source.person, input.fields);
  const copy = await cases.insertCase(trx, {
    caseType: source.caseType,
    isChild: source.isChild,
    ownerUnitId: input.ownerUnitId,
    ownerOrganisationId: input.ownerOrganisationId,
    person: await encryptPerson(ctx.personalData, values),
    notesEnc: null,
    createdBy: ctx.actor.userId,
  });
  await markReceivedThrough(trx, copy.id, input.referralId);
  await cases.replaceSearchTokens(trx, copy.id, ['name', 'date_of_birth'], searchTokensOf(ctx.personalData, values));
  await cases.insertCaseEvent(trx, {
    caseId: copy.id,
    event: 'received_through_referral',
    fields: input.fields,
    actorId: ctx.actor.userId,
  });
  return copy;
}
