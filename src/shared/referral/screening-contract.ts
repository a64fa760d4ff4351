import { Type } from '@sinclair/typebox';
import { DateTime, Id, Literals, Nullable, type Static, Strict } from '../contract/kit.js';
import { SCREENING_SECTIONS } from './questionnaire.js';
import {
  ASSESSMENTS,
  BEST_INTERESTS_DECISIONS,
  BEST_INTERESTS_STEPS,
  CONSENT_RECORDED_HOW,
  CONSENT_SCOPES,
  INDICATOR_FAMILIES,
  PERSONAL_FIELDS,
  SERVICE_TYPES,
  URGENCIES,
} from './vocabulary.js';

/**
 * Replies of screening, consent and the best-interests procedure (`/api/v1/screening/questionnaire`,
 * `/cases/:id/screenings`, `/cases/:id/consents`, `/consents/:id/withdraw`, `/cases/:id/best-interests`).
 * Free-text notes are personal data: present only for the case workers of the unit that owns the
 * case (`null` for everyone else, and when there are none), and every read of them is audited.
 */

const PersonRef = Strict({ id: Id, name: Type.String() });
const NamedRef = Strict({ id: Id, name: Type.String() });

/** What the reader may do on this case here (the server decides again on every change). */
const Permissions = Strict({ edit: Type.Boolean() });

export const QuestionnaireReply = Strict({
  version: Type.String(),
  current: Type.Boolean(),
  /** Every version published, oldest first (a screening keeps the version it was made with). */
  versions: Type.Array(Type.String()),
  sections: Type.Array(
    Strict({
      id: Literals(SCREENING_SECTIONS),
      family: Nullable(Literals(INDICATOR_FAMILIES)),
      questions: Type.Array(Strict({ id: Type.String(), answers: Type.Array(Type.String()) })),
    }),
  ),
});
export type QuestionnaireReply = Static<typeof QuestionnaireReply>;

/** A provider of the directory that serves some of the decided needs; those in the case's country first. */
export const SuggestedService = Strict({
  providerId: Id,
  name: Type.String(),
  /** The decided needs it serves. */
  needs: Type.Array(Literals(SERVICE_TYPES)),
  /** Countries it serves (ISO 3166-1 alpha-2). */
  countries: Type.Array(Type.String()),
  cities: Type.Array(Type.String()),
  /** Whether it serves the country of the organisation that owns the case. */
  inCaseCountry: Type.Boolean(),
});
export type SuggestedService = Static<typeof SuggestedService>;

export const Screening = Strict({
  id: Id,
  caseId: Id,
  questionnaireVersion: Type.String(),
  answers: Type.Record(Type.String(), Type.String()),
  indicatorFamilies: Type.Array(Literals(INDICATOR_FAMILIES)),
  suggestedNeeds: Type.Array(Literals(SERVICE_TYPES)),
  suggestedAssessment: Literals(ASSESSMENTS),
  suggestedUrgency: Literals(URGENCIES),
  ageAssessmentNeeded: Type.Boolean(),
  /** What the screener decided (the suggestions are only suggestions). */
  decidedNeeds: Type.Array(Literals(SERVICE_TYPES)),
  assessment: Literals(ASSESSMENTS),
  urgency: Literals(URGENCIES),
  notes: Nullable(Type.String()),
  hasNotes: Type.Boolean(),
  screenedBy: PersonRef,
  screenedAt: DateTime,
  suggestedServices: Type.Array(SuggestedService),
});
export type Screening = Static<typeof Screening>;

export const ScreeningList = Strict({
  items: Type.Array(Screening),
  total: Type.Integer({ minimum: 0 }),
  permissions: Permissions,
});
export type ScreeningList = Static<typeof ScreeningList>;

export const CONSENT_STATUSES = ['active', 'withdrawn'] as const;

export const Consent = Strict({
  id: Id,
  caseId: Id,
  scope: Literals(CONSENT_SCOPES),
  provider: Nullable(NamedRef),
  organisation: Nullable(NamedRef),
  fields: Type.Array(Literals(PERSONAL_FIELDS)),
  recordedHow: Literals(CONSENT_RECORDED_HOW),
  givenAt: DateTime,
  recordedBy: PersonRef,
  recordedAt: DateTime,
  status: Literals(CONSENT_STATUSES),
  withdrawnAt: Nullable(DateTime),
  withdrawnBy: Nullable(PersonRef),
  withdrawalReason: Nullable(Type.String()),
});
export type Consent = Static<typeof Consent>;

export const ConsentList = Strict({
  items: Type.Array(Consent),
  total: Type.Integer({ minimum: 0 }),
  /** A child's case records best-interests steps instead of the person's own consent to a referral. */
  caseIsChild: Type.Boolean(),
  permissions: Permissions,
});
export type ConsentList = Static<typeof ConsentList>;

export const WithdrawnConsent = Strict({
  consent: Consent,
  /** How many referrals that left under this consent stopped sharing. */
  stoppedReferrals: Type.Integer({ minimum: 0 }),
});
export type WithdrawnConsent = Static<typeof WithdrawnConsent>;

export const BestInterestsStepReply = Strict({
  id: Id,
  caseId: Id,
  step: Literals(BEST_INTERESTS_STEPS),
  decision: Literals(BEST_INTERESTS_DECISIONS),
  authority: Type.String(),
  notes: Nullable(Type.String()),
  hasNotes: Type.Boolean(),
  recordedBy: PersonRef,
  recordedAt: DateTime,
});
export type BestInterestsStepReply = Static<typeof BestInterestsStepReply>;

export const BestInterestsList = Strict({
  items: Type.Array(BestInterestsStepReply),
  total: Type.Integer({ minimum: 0 }),
  /** Whether a recorded step decided that a referral is in the child's best interests. */
  referralInBestInterests: Type.Boolean(),
  caseIsChild: Type.Boolean(),
  permissions: Permissions,
});
export type BestInterestsList = Static<typeof BestInterestsList>;
