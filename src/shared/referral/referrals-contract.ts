import { Type } from '@sinclair/typebox';
import { DateTime, Id, Literals, Nullable, type Static, Strict } from '../contract/kit.js';
import { PERSONAL_FIELDS, REFERRAL_KINDS, REFERRAL_OUTCOMES, REFERRAL_STATUSES, SERVICE_TYPES, URGENCIES } from './vocabulary.js';

/**
 * Replies of the referral life-cycle (`/api/v1/cases/:id/referrals`, `/api/v1/referrals`). A referral
 * carries no personal field: it names the case by its reference, the fields that travelled by name.
 */

export const ReferralStatus = Literals(REFERRAL_STATUSES);

/** The side of the referral the viewer stands on: its unit sent it, or its unit answers it. */
export const REFERRAL_SIDES = ['referring', 'receiving'] as const;

const UnitName = Strict({ id: Id, name: Type.String(), organisationName: Type.String(), country: Nullable(Type.String()) });

const summaryFields = {
  id: Id,
  kind: Literals(REFERRAL_KINDS),
  status: ReferralStatus,
  urgency: Literals(URGENCIES),
  needs: Type.Array(Literals(SERVICE_TYPES)),
  /** The case as this viewer knows it: the referring unit's case, or (transnational) the receiver's own copy. */
  case: Strict({ id: Id, reference: Type.String() }),
  fromUnit: UnitName,
  toUnit: Nullable(UnitName),
  provider: Nullable(Strict({ id: Id, name: Type.String() })),
  sharedFields: Type.Array(Literals(PERSONAL_FIELDS)),
  respondBy: DateTime,
  /** Still waiting for an answer past `respondBy`. */
  overdue: Type.Boolean(),
  sharingStoppedAt: Nullable(DateTime),
  outcome: Nullable(Literals(REFERRAL_OUTCOMES)),
  side: Literals(REFERRAL_SIDES),
  createdAt: DateTime,
  updatedAt: DateTime,
};

export const ReferralSummary = Strict(summaryFields);
export type ReferralSummary = Static<typeof ReferralSummary>;

export const ReferralList = Strict({
  items: Type.Array(ReferralSummary),
  /** Opaque; pass as `cursor` for the next page. Null on the last page. */
  nextCursor: Nullable(Type.String()),
});
export type ReferralList = Static<typeof ReferralList>;

export const ReferralEvent = Strict({
  fromStatus: Nullable(ReferralStatus),
  toStatus: ReferralStatus,
  reason: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  at: DateTime,
});
export type ReferralEvent = Static<typeof ReferralEvent>;

export const ReferralDetail = Strict({
  ...summaryFields,
  declineReason: Nullable(Type.String()),
  outcomeNote: Nullable(Type.String()),
  events: Type.Array(ReferralEvent),
  permissions: Strict({
    /** The statuses this viewer may move the referral to now. */
    transitions: Type.Array(ReferralStatus),
  }),
});
export type ReferralDetail = Static<typeof ReferralDetail>;

/** What a client sends to refer a case (also the web form's shape). */
export interface ReferralCreateBody {
  kind: (typeof REFERRAL_KINDS)[number];
  providerId?: string;
  toUnitId?: string;
  needs: (typeof SERVICE_TYPES)[number][];
  urgency: (typeof URGENCIES)[number];
  consentId?: string;
  bestInterestsStepId?: string;
  fields?: (typeof PERSONAL_FIELDS)[number][];
}

export interface ReferralStatusBody {
  status: (typeof REFERRAL_STATUSES)[number];
  reason?: string;
  outcome?: (typeof REFERRAL_OUTCOMES)[number];
  outcomeNote?: string;
}
