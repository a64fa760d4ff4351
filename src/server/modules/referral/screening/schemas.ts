import { type Static, Type } from '@sinclair/typebox';
import { Literals } from '../../../../shared/contract/kit.js';
import {
  ASSESSMENTS,
  BEST_INTERESTS_DECISIONS,
  BEST_INTERESTS_STEPS,
  CONSENT_RECORDED_HOW,
  CONSENT_SCOPES,
  PERSONAL_FIELDS,
  REFERRAL_LIMITS,
  SERVICE_TYPES,
  URGENCIES,
} from '../../../../shared/referral/vocabulary.js';
import { Id, Strict, Text } from '../../../platform/http/schemas.js';

/**
 * Requests of screening, consent and best-interests steps. Answers and consent fields are checked
 * by the service against the questionnaire and the personal fields (422 naming what is wrong); the
 * shape is checked here (400).
 */

const Version = Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9A-Za-z.-]+$' });

export const QuestionnaireQuery = Strict({ version: Type.Optional(Version) });
export type QuestionnaireQuery = Static<typeof QuestionnaireQuery>;

export const ScreeningBody = Strict({
  questionnaireVersion: Version,
  answers: Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 40 }), { maxProperties: 200 }),
  decidedNeeds: Type.Array(Literals(SERVICE_TYPES), { maxItems: SERVICE_TYPES.length, uniqueItems: true }),
  assessment: Literals(ASSESSMENTS),
  urgency: Literals(URGENCIES),
  notes: Type.Optional(Text(REFERRAL_LIMITS.notes, 0)),
});
export type ScreeningBody = Static<typeof ScreeningBody>;

export const ConsentBody = Strict({
  scope: Literals(CONSENT_SCOPES),
  providerId: Type.Optional(Id),
  organisationId: Type.Optional(Id),
  fields: Type.Array(Type.String({ maxLength: 40 }), { maxItems: PERSONAL_FIELDS.length * 2, uniqueItems: true }),
  recordedHow: Literals(CONSENT_RECORDED_HOW),
  givenAt: Type.String({ format: 'date-time' }),
});
export type ConsentBody = Static<typeof ConsentBody>;

export const WithdrawBody = Strict({ reason: Text(REFERRAL_LIMITS.reason, 3) });
export type WithdrawBody = Static<typeof WithdrawBody>;

export const BestInterestsBody = Strict({
  step: Literals(BEST_INTERESTS_STEPS),
  decision: Literals(BEST_INTERESTS_DECISIONS),
  authority: Text(300),
  notes: Type.Optional(Text(REFERRAL_LIMITS.notes, 0)),
});
export type BestInterestsBody = Static<typeof BestInterestsBody>;
