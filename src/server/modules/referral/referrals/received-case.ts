import { REFERRAL_PROBLEMS } from '../../../../shared/referral/problems.js';
import { PERSONAL_FIELDS, type PersonalField } from '../../../../shared/referral/vocabulary.js';
import type { ActorContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { notFound, problem } from '../../../platform/errors.js';
import { searchTokensOf } from '../cases/blind-index.js';
import { decryptPerson, type EncryptedPerson, encryptPerson, PERSON_COLUMNS, type PersonValues } from '../cases/person.js';
import * as cases from '../cases/repository.js';
import { markReceivedThrough } from './repository.js';

/**
 * A transnational referral gives the receiving unit a case of its own: a new reference, owned by the
 * receiving unit, naming the referral it came through, holding only the consented fields
 * (decrypted and encrypted again, each value its own) and their blind-index tokens. Notes never
 * travel. From then on the copy is the receiver's: the sender's case is not shared with it.
 *
 * The values are encrypted again BEFORE the referral's transaction: the key ring may read the
 * database (a reload, a new key), and on PGlite's single connection a read outside a transaction
 * that is held open waits for it for ever. Inside, the copy takes the consented fields only, and a
 * case changed in between refuses the referral (stale revision) rather than copying old values.
 */
export interface PreparedCopy {
  sourceCaseId: string;
  revision: number;
  caseType: cases.CaseRow['caseType'];
  isChild: boolean;
  values: PersonValues;
  encrypted: EncryptedPerson;
}

export async function prepareCopy(ctx: ActorContext, sourceCaseId: string): Promise<PreparedCopy> {
  const source = await cases.findCase(ctx.db, sourceCaseId);
  if (!source) throw notFound('case');
  const values = await decryptPerson(ctx.personalData, source.person, PERSONAL_FIELDS);
  return {
    sourceCaseId,
    revision: source.revision,
    caseType: source.caseType,
    isChild: source.isChild,
    values,
    encrypted: await encryptPerson(ctx.personalData, values),
  };
}

export interface ReceivedCaseInput {
  referralId: string;
  ownerUnitId: string;
  ownerOrganisationId: string;
  fields: PersonalField[];
  /** The source case's revision as the referral's transaction reads it. */
  revision: number;
}

export async function createReceivedCase(
  ctx: ActorContext,
  trx: Db,
  prepared: PreparedCopy,
  input: ReceivedCaseInput,
): Promise<{ id: string; reference: string }> {
  if (input.revision !== prepared.revision)
    throw problem(REFERRAL_PROBLEMS, 'stale-revision', 'The case changed while it was being referred; refer it again.');
  const person: EncryptedPerson = {};
  const values: PersonValues = {};
  for (const field of input.fields) {
    person[PERSON_COLUMNS[field]] = prepared.encrypted[PERSON_COLUMNS[field]] ?? null;
    Object.assign(values, { [field]: prepared.values[field] ?? null });
  }
  const copy = await cases.insertCase(trx, {
    caseType: prepared.caseType,
    isChild: prepared.isChild,
    ownerUnitId: input.ownerUnitId,
    ownerOrganisationId: input.ownerOrganisationId,
    person,
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
