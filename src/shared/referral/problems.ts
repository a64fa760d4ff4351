import { defineProblems } from '../problems.js';

/** Problems of identification and referral: services directory, cases, screening, consent, referrals. */
export const REFERRAL_PROBLEMS = defineProblems({
  /** The account belongs to no unit, and cases are owned by a unit. */
  'no-unit': 'refused',
  /** Opening a case of another unit needs a stated reason (it goes to the audit log). */
  'reason-required': 'refused',
  /** A closed case is read-only. */
  'case-closed': 'conflict',
  /** The case's personal fields were erased by the retention job. */
  'case-pseudonymised': 'conflict',
  /** A stale edit (an older revision). */
  'stale-revision': 'conflict',
  /** A screening answer the questionnaire version does not have, or a version that does not exist. */
  'unknown-questionnaire': 'refused',
  'invalid-answers': 'refused',
  /** A referral without the consent it needs (or, for a child, without a best-interests step). */
  'consent-required': 'refused',
  /** The consent was withdrawn: no further sharing. */
  'consent-withdrawn': 'conflict',
  /** A consent naming fields that are not personal fields, or a service/organisation that does not exist. */
  'invalid-consent': 'refused',
  /** A provider or a receiving unit that does not exist, is inactive, or does not serve the need. */
  'unknown-provider': 'refused',
  'unknown-unit': 'refused',
  /** A provider's organisation or contact function that does not exist (or may not be named). */
  'unknown-organisation': 'refused',
  'unknown-function': 'refused',
  /** A place's country or a provider's language that is not an ISO code. */
  'unknown-country': 'malformed',
  'unknown-language': 'malformed',
  /** A transnational referral to a unit in the referring unit's own country. */
  'not-transnational': 'refused',
  /** A status change the referral's current status does not allow. */
  'invalid-transition': 'conflict',
  /** Only the receiving unit answers and works a referral; only the referring unit withdraws it. */
  'not-receiving-unit': 'forbidden',
  /** Declining needs a reason; completing or closing needs an outcome. */
  'reason-or-outcome-required': 'refused',
  /** Only the case's owner unit (its case workers) changes the case. */
  'not-owner-unit': 'forbidden',
  /** Only the organisation that manages a provider's entry edits it. */
  'not-provider-manager': 'forbidden',
  /** A date of birth in the future or not a date. */
  'invalid-date': 'refused',
  /** A supervisor sees the case list and a case's summary, never its personal fields. */
  'personal-fields-not-allowed': 'forbidden',
  /** Best-interests steps belong to a child's case only. */
  'not-a-child-case': 'refused',
});
