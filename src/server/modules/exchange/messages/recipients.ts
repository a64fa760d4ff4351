import type { HandlingCode } from '../../../../shared/handling-codes.js';
import type { DistributionTarget, SharedRecordAccess } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { invalid } from '../../../platform/errors.js';
import { type ResolvedDistribution, resolveDistribution } from '../../../platform/policy/visibility-filter.js';
import { activeFunctionUnits } from './repository.js';
import type { MessageTarget } from './schemas.js';

export interface MessageRecipients {
  distribution: ResolvedDistribution;
  /** Organisations named as such: every unit of theirs gets the message in its inbox. */
  addressedOrganisations: string[];
  /** Functions named as recipients; their units are among the recipient units. */
  recipientFunctions: string[];
}

/**
 * Turns what a sender chose into stored recipients. A function of the directory is addressed
 * through its unit, so whoever holds it next finds the thread in the unit's inbox.
 */
export async function resolveRecipients(db: Db, targets: MessageTarget[]): Promise<MessageRecipients> {
  const functionIds = [...new Set(targets.flatMap((target) => (target.kind === 'function' ? [target.id] : [])))];
  const functions = await activeFunctionUnits(db, functionIds);
  if (functions.length !== functionIds.length) {
    throw invalid('The distribution names a function that does not exist or is no longer active.');
  }
  const plain = targets.filter((target): target is DistributionTarget => target.kind !== 'function');
  const distribution = await resolveDistribution(db, [
    ...plain,
    ...functions.map((row) => ({ kind: 'unit' as const, id: row.unitId })),
  ]);
  return {
    distribution,
    addressedOrganisations: [...new Set(plain.flatMap((target) => (target.kind === 'organisation' ? [target.id] : [])))],
    recipientFunctions: functionIds,
  };
}

/** Who may see a message, as the events of the live stream carry it. */
export function accessOf(
  handlingCode: string,
  originatorUnitId: string,
  originatorOrganisationId: string,
  distribution: ResolvedDistribution,
): SharedRecordAccess {
  return { handlingCode: handlingCode as HandlingCode, originatorUnitId, originatorOrganisationId, ...distribution };
}
