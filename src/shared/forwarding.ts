import { type HandlingCode, handlingCodeRank } from './handling-codes.js';
import type { SharedRecordAccess, Viewer } from './visibility.js';

/**
 * May a recipient forward a shared record (a message, an alert) to new recipients? The handling
 * code says how far the record may travel after its first distribution (FIRST TLP 2.0):
 *  - TLP:RED           never forwarded: ask the originator to send it.
 *  - TLP:AMBER+STRICT  only inside the forwarder's own organisation (which received it).
 *  - TLP:AMBER         to named units, on a need-to-know basis, inside the organisations that
 *                      received it — not to whole organisations, groups or all partners.
 *  - TLP:GREEN         within the community it was sent to: its sharing groups' members and named
 *                      organisations, or any partner when it went to all partners.
 *  - TLP:CLEAR         anyone.
 * A forward keeps the code or makes it stricter, never looser. Written once here, used by the
 * server to refuse and by the web app to explain before sending.
 */

/** The new recipients, resolved: each named unit with its organisation, each group with its members. */
export interface ForwardTargets {
  units: { id: string; organisationId: string }[];
  organisations: string[];
  sharingGroups: { id: string; memberOrganisations: string[] }[];
  allPartners: boolean;
}

export interface ForwardRecord extends SharedRecordAccess {
  /** Members of the record's sharing groups (the community a TLP:GREEN record was sent to). */
  sharingGroupMembers: string[];
}

export type ForwardDecision =
  | { allow: true }
  | { allow: false; code: 'forward-red' | 'forward-looser-code' | 'forward-widens-audience'; reason: string };

const refuse = (code: Exclude<ForwardDecision, { allow: true }>['code'], reason: string): ForwardDecision => ({
  allow: false,
  code,
  reason,
});

/** Organisations that received the record: originator, named organisations and units, group members. */
function receivingOrganisations(record: ForwardRecord): Set<string> {
  return new Set([record.originatorOrganisationId, ...record.recipientOrganisations, ...record.sharingGroupMembers]);
}

/** Every organisation the forward reaches, whatever the kind of target. */
function reachedOrganisations(targets: ForwardTargets): string[] {
  return [
    ...targets.units.map((unit) => unit.organisationId),
    ...targets.organisations,
    ...targets.sharingGroups.flatMap((group) => group.memberOrganisations),
  ];
}

const isEmpty = (targets: ForwardTargets) =>
  targets.units.length === 0 && targets.organisations.length === 0 && targets.sharingGroups.length === 0 && !targets.allPartners;

export function checkForward(
  record: ForwardRecord,
  forwarder: Viewer,
  targets: ForwardTargets,
  newCode: HandlingCode = record.handlingCode,
): ForwardDecision {
  if (record.handlingCode === 'TLP:RED') {
    return refuse('forward-red', 'TLP:RED information may not be forwarded; ask the originator to send it to whoever needs it.');
  }
  if (handlingCodeRank(newCode) > handlingCodeRank(record.handlingCode)) {
    return refuse(
      'forward-looser-code',
      `A forward may keep ${record.handlingCode} or make it stricter, not loosen it to ${newCode}.`,
    );
  }
  if (isEmpty(targets)) return { allow: true };
  switch (record.handlingCode) {
    case 'TLP:CLEAR':
      return { allow: true };
    case 'TLP:AMBER+STRICT': {
      const own = forwarder.organisationId;
      const outside = targets.allPartners || reachedOrganisations(targets).some((organisation) => organisation !== own);
      return outside
        ? refuse('forward-widens-audience', 'TLP:AMBER+STRICT information stays inside your own organisation.')
        : { allow: true };
    }
    case 'TLP:AMBER': {
      if (targets.allPartners || targets.organisations.length > 0 || targets.sharingGroups.length > 0) {
        return refuse(
          'forward-widens-audience',
          'TLP:AMBER information goes to named units that need to know it, not to whole organisations, groups or all partners.',
        );
      }
      const received = receivingOrganisations(record);
      return targets.units.every((unit) => received.has(unit.organisationId))
        ? { allow: true }
        : refuse('forward-widens-audience', 'TLP:AMBER information stays inside the organisations that received it.');
    }
    case 'TLP:GREEN': {
      if (record.toAllPartners) return { allow: true };
      if (targets.allPartners) {
        return refuse('forward-widens-audience', 'This TLP:GREEN information went to a community, not to all partners.');
      }
      const received = receivingOrganisations(record);
      return reachedOrganisations(targets).every((organisation) => received.has(organisation))
        ? { allow: true }
        : refuse('forward-widens-audience', 'TLP:GREEN information stays within the community it was sent to.');
    }
  }
}
