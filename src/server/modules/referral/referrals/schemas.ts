import { Type } from '@sinclair/typebox';
import { Literals } from '../../../../shared/contract/kit.js';
import {
  PERSONAL_FIELDS,
  REFERRAL_KINDS,
  REFERRAL_LIMITS,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  SERVICE_TYPES,
  URGENCIES,
} from '../../../../shared/referral/vocabulary.js';
import { Id, Strict, Text } from '../../../platform/http/schemas.js';

/** Request schemas of the referral life-cycle: unknown fields refused (400). */

export const CreateReferralBody = Strict({
  kind: Literals(REFERRAL_KINDS),
  providerId: Type.Optional(Id),
  toUnitId: Type.Optional(Id),
  needs: Type.Array(Literals(SERVICE_TYPES), { minItems: 1, maxItems: SERVICE_TYPES.length, uniqueItems: true }),
  urgency: Literals(URGENCIES),
  consentId: Type.Optional(Id),
  bestInterestsStepId: Type.Optional(Id),
  fields: Type.Optional(Type.Array(Literals(PERSONAL_FIELDS), { maxItems: PERSONAL_FIELDS.length, uniqueItems: true })),
});

export const StatusBody = Strict({
  status: Literals(REFERRAL_STATUSES),
  reason: Type.Optional(Text(REFERRAL_LIMITS.reason)),
  outcome: Type.Optional(Literals(REFERRAL_OUTCOMES)),
  outcomeNote: Type.Optional(Text(REFERRAL_LIMITS.reason)),
});

export const InboxQuery = Strict({
  box: Type.Optional(Literals(['incoming', 'outgoing'] as const)),
  status: Type.Optional(Literals(REFERRAL_STATUSES)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
export interface InboxQueryType {
  box?: 'incoming' | 'outgoing';
  status?: (typeof REFERRAL_STATUSES)[number];
  limit?: number;
  cursor?: string;
}
