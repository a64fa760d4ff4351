/**
 * The words of identification and referral, used by server and web alike: services, case types and
 * their retention, personal fields, consent, urgency and the referral life-cycle.
 */

/** Needs a provider serves and a referral asks for. */
export const SERVICE_TYPES = [
  'medical_care',
  'child_protection',
  'international_protection',
  'shelter',
  'legal_aid',
  'psychosocial_support',
  'family_tracing',
  'return_reintegration',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const PROVIDER_KINDS = ['organisation', 'unit', 'independent'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const CASE_TYPES = [
  'trafficking',
  'unaccompanied_child',
  'medical',
  'international_protection',
  'other_vulnerability',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/**
 * How long a closed case keeps its personal fields, in months after closure; the retention job then
 * pseudonymises it (personal fields and blind index erased; the pseudonymous record and statistics stay).
 */
export const RETENTION_MONTHS: Record<CaseType, number> = {
  trafficking: 60,
  unaccompanied_child: 72,
  medical: 24,
  international_protection: 36,
  other_vulnerability: 24,
};

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The personal fields of a case: encrypted at rest one by one, never logged, indexed or exported. */
export const PERSONAL_FIELDS = [
  'givenNames',
  'familyName',
  'dateOfBirth',
  'sex',
  'nationality',
  'languages',
  'contact',
  'placeFound',
] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const AGE_BANDS = ['0-11', '12-17', '18-25', '26-35', '36-45', '46+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The ILO/IOM families of trafficking indicators the screening questionnaire is grouped by. */
export const INDICATOR_FAMILIES = ['deception', 'coercion', 'exploitation', 'movement'] as const;
export type IndicatorFamily = (typeof INDICATOR_FAMILIES)[number];

export const ASSESSMENTS = ['presumed_victim', 'possible_victim', 'vulnerable_not_victim', 'no_indication'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export const URGENCIES = ['immediate', 'high', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** How long a receiving service has to accept or decline a referral, by urgency (hours). */
export const RESPONSE_HOURS: Record<Urgency, number> = { immediate: 4, high: 24, normal: 72 };

export const CONSENT_SCOPES = ['share_with_service', 'transnational_referral', 'be_contacted'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export const CONSENT_RECORDED_HOW = ['written', 'verbal_witnessed', 'electronic', 'guardian'] as const;
export type ConsentRecordedHow = (typeof CONSENT_RECORDED_HOW)[number];

/** A child's case: the recorded steps of the best-interests procedure that stand in for consent. */
export const BEST_INTERESTS_STEPS = [
  'guardian_appointed',
  'child_protection_informed',
  'best_interests_assessment',
  'best_interests_determination',
] as const;
export type BestInterestsStep = (typeof BEST_INTERESTS_STEPS)[number];
export const BEST_INTERESTS_DECISIONS = ['referral_in_best_interests', 'referral_not_in_best_interests', 'recorded'] as const;
export type BestInterestsDecision = (typeof BEST_INTERESTS_DECISIONS)[number];

export const REFERRAL_KINDS = ['service', 'transnational'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'in_progress', 'completed', 'closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Who may move a referral where: the receiving unit answers and works it; either side may close it. */
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  sent: ['accepted', 'declined', 'closed'],
  accepted: ['in_progress', 'completed', 'closed'],
  in_progress: ['completed', 'closed'],
  declined: [],
  completed: [],
  closed: [],
};

export const REFERRAL_OUTCOMES = [
  'service_provided',
  'partially_provided',
  'person_declined',
  'lost_contact',
  'transferred',
  'other',
] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/** Statistics: a count below this is shown as "<5", and never computable from the others. */
export const SMALL_COUNT_THRESHOLD = 5;

export const REFERRAL_LIMITS = {
  notes: 4000,
  reason: 2000,
  providerName: 300,
  name: 200,
  contact: 300,
  place: 300,
} as const;
