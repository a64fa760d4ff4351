import { REFERRAL_PROBLEMS } from '../../../shared/referral/problems.js';
import { type Actor, hasRole } from '../auth/actor.js';
import { all, allow, anyActor, hidden, onRecord, type Rule, refuse, roles, works } from './rules.js';

/**
 * A case as the rules see it: its owner unit and organisation, and the units that may read some of
 * its personal fields because the case is referred to them (a service referral still active, its
 * sharing not stopped by a withdrawn consent). A transnational referral gives its receiving unit a
 * copy of its own, not access to this case.
 */
export interface CaseRecord {
  kind: 'case';
  ownerUnitId: string;
  ownerOrganisationId: string;
  referredUnitIds: readonly string[];
}
/** A referral: the unit that sent it and the unit that answers it (none for an independent provider). */
export interface ReferralRecord {
  kind: 'referral';
  fromUnitId: string;
  toUnitId: string | null;
}
/** An entry of the services directory and the organisation that manages it. */
export interface ProviderRecord {
  kind: 'provider';
  managedByOrganisationId: string;
}

const inAnyUnit = (actor: Actor, unitIds: readonly (string | null)[]) =>
  unitIds.some((id) => id !== null && actor.unitIds.includes(id));
const isCaseWorker = (actor: Actor) => hasRole(actor, 'case_worker');
const isSupervisorOf = (actor: Actor, record: CaseRecord) =>
  hasRole(actor, 'case_supervisor') && actor.organisationId === record.ownerOrganisationId;
/** A case worker of the owner unit or of a unit the case is referred to. */
const worksTheCase = (actor: Actor, record: CaseRecord) =>
  isCaseWorker(actor) && inAnyUnit(actor, [record.ownerUnitId, ...record.referredUnitIds]);

/** The case's reference, type, status, screenings' codes and referrals: its workers and the owner's supervisors. */
const readsSummary: Rule<CaseRecord> = (actor, record) =>
  worksTheCase(actor, record) || isSupervisorOf(actor, record) ? allow : hidden('not a party to this case');

/** Personal fields: case workers of the owner unit and of the units it is referred to; nobody else. */
const readsPersonal: Rule<CaseRecord> = (actor, record) => {
  if (worksTheCase(actor, record)) return allow;
  if (isSupervisorOf(actor, record))
    return refuse(REFERRAL_PROBLEMS, 'personal-fields-not-allowed', 'A supervisor sees cases without their personal fields.');
  return hidden('not a party to this case');
};

/** Changes to a case (personal fields, screening, consent, referrals, closure): its owner unit's case workers. */
const ownsCase: Rule<CaseRecord> = (actor, record) => {
  if (isCaseWorker(actor) && actor.unitIds.includes(record.ownerUnitId)) return allow;
  if (worksTheCase(actor, record) || isSupervisorOf(actor, record))
    return refuse(REFERRAL_PROBLEMS, 'not-owner-unit', 'Only the case workers of the unit that owns the case change it.');
  return hidden('not a party to this case');
};

/** A referral is answered and worked by the case workers of the unit it was sent to. */
const receivesReferral: Rule<ReferralRecord> = (actor, referral) => {
  if (isCaseWorker(actor) && inAnyUnit(actor, [referral.toUnitId])) return allow;
  if (inAnyUnit(actor, [referral.fromUnitId]))
    return refuse(REFERRAL_PROBLEMS, 'not-receiving-unit', 'Only the unit the referral was sent to answers it.');
  return hidden('not a party to this referral');
};

/** A directory entry is kept by the organisation that manages it; platform administrators keep all. */
const managesProvider: Rule<ProviderRecord> = (actor, provider) =>
  hasRole(actor, 'platform_admin') || actor.organisationId === provider.managedByOrganisationId
    ? allow
    : refuse(REFERRAL_PROBLEMS, 'not-provider-manager', 'Only the organisation that manages this entry edits it.');

const keepsDirectory = roles('platform_admin', 'org_admin', 'case_worker', 'case_supervisor');

/**
 * Identification and referral. Cases are not shared records under a handling code: their rule is
 * the narrowest of the platform (owner unit, referred units, owner's supervisors; everyone else 404).
 */
export const REFERRAL = {
  'service.read': anyActor,
  'service.create': keepsDirectory,
  'service.edit': all<ProviderRecord>(keepsDirectory, onRecord(managesProvider)),
  // The case list and the referral inbox: case workers and supervisors.
  'case.read': roles('case_worker', 'case_supervisor'),
  'case.create': roles('case_worker'),
  'case.readSummary': onRecord(readsSummary),
  'case.readPersonal': onRecord(readsPersonal),
  'case.edit': onRecord(ownsCase),
  'referral.respond': onRecord(receivesReferral),
  // Aggregated, suppressed statistics: every working role.
  'referralStatistics.read': works('read referral statistics'),
};
