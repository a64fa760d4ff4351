import { ALERT_PROBLEMS } from '../../../shared/exchange/alerts/problems.js';
import { MESSAGE_PROBLEMS, type MessageProblem } from '../../../shared/exchange/messages/problems.js';
import { checkForward, type ForwardRecord, type ForwardTargets } from '../../../shared/forwarding.js';
import type { HandlingCode } from '../../../shared/handling-codes.js';
import { PLATFORM_PROBLEMS, type ProblemCatalogue } from '../../../shared/problems.js';
import {
  administersOrganisation,
  all,
  allow,
  anyActor,
  type OrganisationRecord,
  type OriginatedRecord,
  onRecord,
  type Rule,
  refuse,
  type UnitRecord,
  works,
  worksIn,
} from './rules.js';

/** A unit giving feedback on an alert. */
export interface FeedbackRecord {
  kind: 'alert';
  originatorUnitId: string;
  unitId: string;
}

/** A message to forward, where to, and under which handling code. */
export interface ForwardingRecord {
  kind: 'message';
  message: ForwardRecord;
  targets: ForwardTargets;
  handlingCode: HandlingCode;
}

const sends = works('send messages or alerts');

/** One acts only for a unit one works in (sends from, opens the mailbox of, acknowledges for, ...). */
const actsForUnit: Rule<Pick<UnitRecord, 'unitId'>> = (actor, unit) =>
  worksIn(actor, unit.unitId) ? allow : refuse(MESSAGE_PROBLEMS, 'not-your-unit', 'You can act only for a unit you belong to.');

/** Only members of the unit that originated the record; anyone else gets the problem given. */
const inOriginatingUnit =
  <C extends ProblemCatalogue>(catalogue: C, slug: keyof C & string, reason: string): Rule<OriginatedRecord> =>
  (actor, record) =>
    worksIn(actor, record.originatorUnitId) ? allow : refuse(catalogue, slug, reason);

/** Feedback comes from receiving units, never from the unit that issued the alert. */
const receivesIt: Rule<FeedbackRecord> = (_actor, feedback) =>
  feedback.unitId === feedback.originatorUnitId
    ? refuse(ALERT_PROBLEMS, 'own-alert', 'The unit that issued an alert does not give feedback on it; receiving units do.')
    : allow;

/** How far a record may travel after its first distribution (src/shared/forwarding.ts). */
const forwardsWithinItsCode: Rule<ForwardingRecord> = (actor, forward) => {
  const decision = checkForward(forward.message, actor, forward.targets, forward.handlingCode);
  return decision.allow ? allow : refuse(MESSAGE_PROBLEMS, decision.code as MessageProblem, decision.reason);
};

/**
 * The directory, messages, attachments, alerts and the live stream. What a user may read is the
 * sharing rule (visibility-filter.ts); these rules say who may act, and for which unit.
 */
export const EXCHANGE = {
  // The directory of units, functions and who holds them: read by every signed-in partner, kept by
  // each organisation's administrators (platform admins everywhere).
  'directory.read': anyActor,
  'directory.manage': administersOrganisation,
  // A function (or the unit it is created in), its details and holders: its organisation's admins.
  'function.manage': onRecord<OrganisationRecord>(administersOrganisation),
  'unit.actFor': onRecord<UnitRecord>(actsForUnit),
  'message.read': anyActor,
  'message.send': sends,
  'message.forward': all<ForwardingRecord>(sends, onRecord(forwardsWithinItsCode)),
  'rfi.close': all<OriginatedRecord>(
    sends,
    onRecord(
      inOriginatingUnit(MESSAGE_PROBLEMS, 'not-the-asking-unit', 'Only the unit that asked can close a request for information.'),
    ),
  ),
  // Attachments are uploaded by senders before the message goes; downloads follow message.read.
  'attachment.upload': sends,
  'alert.read': anyActor,
  'alert.issue': sends,
  'alert.withdraw': all<OriginatedRecord>(
    sends,
    onRecord(inOriginatingUnit(PLATFORM_PROBLEMS, 'forbidden', 'Only members of the unit that issued an alert may withdraw it.')),
  ),
  'alert.feedback': sends,
  // Feedback is given for a unit of one's own, on an alert one's unit received (not issued).
  'alert.giveFeedback': all<FeedbackRecord>(sends, onRecord(actsForUnit), onRecord(receivesIt)),
  // The issuing unit reads every unit's feedback; anyone else only their own units'.
  'alert.readAllFeedback': onRecord(
    inOriginatingUnit(PLATFORM_PROBLEMS, 'forbidden', 'Only the issuing unit reads all feedback.'),
  ),
  // The live stream of exchange events: each user receives only events of records they may see.
  'events.read': anyActor,
};
