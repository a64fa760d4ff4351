import { FOLLOWUP_PROBLEMS } from '../../../shared/followup/problems.js';
import type { Actor } from '../auth/actor.js';
import { all, allow, anyActor, hidden, onRecord, type Rule, refuse, works } from './rules.js';

/** A commitment (or its indicators and measurements), seen from its lead organisation. */
export interface CommitmentRecord {
  kind: 'commitment';
  organisationId: string;
}
/** An action of a commitment: its commitment's lead organisation and the unit that owns it. */
export interface ActionRecord {
  kind: 'action';
  organisationId: string;
  ownerUnitId: string;
}
/** A partner's report in a review cycle, and the organisations named to review the cycle's reports. */
export interface ReportRecord {
  kind: 'report';
  organisationId: string;
  reviewerOrganisationIds: readonly string[];
}

const isSecretariat = (actor: Actor) => actor.organisation.kind === 'secretariat';
const followsUp = works('commit, act or report');

/** The lead organisation owns a commitment: only its staff edit it, its actions, indicators and reports. */
const ownsIt: Rule<{ organisationId: string }> = (actor, record) =>
  actor.organisationId === record.organisationId
    ? allow
    : refuse(FOLLOWUP_PROBLEMS, 'not-owner-organisation', 'Only the lead organisation edits this.');

/** An action is updated by its lead organisation, or by the unit that owns it (a contributor's unit). */
const ownsOrCarriesOut: Rule<ActionRecord> = (actor, action) =>
  actor.unitIds.includes(action.ownerUnitId) ? allow : ownsIt(actor, action);

/** The secretariat runs review cycles; a working role of a secretariat organisation. */
const inSecretariat: Rule<unknown> = (actor) =>
  isSecretariat(actor) ? allow : refuse(FOLLOWUP_PROBLEMS, 'not-secretariat', 'Only the secretariat manages review cycles.');

/** A report is read by its partner, the secretariat and the cycle's reviewers; anyone else: 404. */
const readsReport: Rule<ReportRecord> = (actor, report) =>
  actor.organisationId === report.organisationId ||
  isSecretariat(actor) ||
  report.reviewerOrganisationIds.includes(actor.organisationId)
    ? allow
    : hidden('not a party to this report');

/** Peers and the secretariat comment; the reporting partner does not review itself. */
const reviewsIt: Rule<ReportRecord> = (actor, report) => {
  if (actor.organisationId === report.organisationId)
    return refuse(FOLLOWUP_PROBLEMS, 'own-report', 'A partner does not comment on its own report.');
  if (isSecretariat(actor) || report.reviewerOrganisationIds.includes(actor.organisationId)) return allow;
  return refuse(FOLLOWUP_PROBLEMS, 'not-a-reviewer', 'Only the secretariat and the cycle’s reviewers comment.');
};

/**
 * Follow-up of recommendations: commitments, actions, indicators, review cycles. What a user may read
 * is the sharing rule on commitments (visibility-filter.ts); these rules say who may change what.
 */
export const FOLLOWUP = {
  'followup.read': anyActor,
  'commitment.create': followsUp,
  // A commitment, its partners, links, indicators and measurements; actions are created here too.
  'commitment.edit': all<CommitmentRecord>(followsUp, onRecord(ownsIt)),
  'action.update': all<ActionRecord>(followsUp, onRecord(ownsOrCarriesOut)),
  'cycle.manage': all<unknown>(followsUp, inSecretariat),
  'report.read': onRecord(readsReport),
  'report.edit': all<ReportRecord>(followsUp, onRecord(ownsIt)),
  // Return a report for completion or accept it: the secretariat, never rewriting it.
  'report.decide': all<unknown>(followsUp, inSecretariat),
  'report.comment': all<ReportRecord>(followsUp, onRecord(readsReport), onRecord(reviewsIt)),
};
