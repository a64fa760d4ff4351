import { Type } from '@sinclair/typebox';
import { DateOnly, DateTime, Id, Literals, Nullable, type Static, Strict } from '../contract/kit.js';
import { ASSESSMENTS, CASE_STATUSES, CASE_TYPES, PERSONAL_FIELDS, SEXES } from './vocabulary.js';

/**
 * Replies of the cases API (`/api/v1/cases`). Personal fields appear only in `CaseDetail.person`,
 * and only for the case workers allowed to read them; the list never carries any.
 */

export const CaseType = Literals(CASE_TYPES);
export const CaseStatus = Literals(CASE_STATUSES);
export const PersonalFieldName = Literals(PERSONAL_FIELDS);

/** Answer of `POST /cases`: the new case and its pseudonymous reference. */
export const CaseCreated = Strict({ id: Id, reference: Type.String() });
export type CaseCreated = Static<typeof CaseCreated>;

/** Answer of a change (`PATCH /cases/:id`, `POST /cases/:id/close`): the case's new state. */
export const CaseChanged = Strict({
  id: Id,
  reference: Type.String(),
  status: CaseStatus,
  revision: Type.Integer({ minimum: 1 }),
  updatedAt: DateTime,
});
export type CaseChanged = Static<typeof CaseChanged>;

export const CaseUnitRef = Strict({ id: Id, name: Type.String(), organisationId: Id });
export type CaseUnitRef = Static<typeof CaseUnitRef>;

/** One row of the case list: no personal field. */
export const CaseSummary = Strict({
  id: Id,
  reference: Type.String(),
  caseType: CaseType,
  status: CaseStatus,
  isChild: Type.Boolean(),
  ownerUnit: CaseUnitRef,
  /** The assessment of the latest screening, if any. */
  latestAssessment: Nullable(Literals(ASSESSMENTS)),
  /** Referrals sent, accepted or in progress. */
  openReferrals: Type.Integer({ minimum: 0 }),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type CaseSummary = Static<typeof CaseSummary>;

export const CaseList = Strict({
  items: Type.Array(CaseSummary),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: Nullable(Type.String()),
});
export type CaseList = Static<typeof CaseList>;

/**
 * The person, as far as the reader may see it: the owner unit sees every field (null when not
 * recorded); a unit the case is referred to sees only the fields its referrals shared (the others
 * are absent).
 */
export const CasePerson = Strict({
  givenNames: Type.Optional(Nullable(Type.String())),
  familyName: Type.Optional(Nullable(Type.String())),
  dateOfBirth: Type.Optional(Nullable(DateOnly)),
  sex: Type.Optional(Nullable(Literals(SEXES))),
  /** ISO 3166-1 alpha-2. */
  nationality: Type.Optional(Nullable(Type.String())),
  /** ISO 639-1 codes. */
  languages: Type.Optional(Nullable(Type.Array(Type.String()))),
  contact: Type.Optional(Nullable(Type.String())),
  placeFound: Type.Optional(Nullable(Type.String())),
});
export type CasePerson = Static<typeof CasePerson>;

/** How the reader reaches the case: its owner unit, a unit it is referred to, or a supervisor. */
export const CASE_ACCESS = ['owner', 'referred', 'supervisor'] as const;
export type CaseAccess = (typeof CASE_ACCESS)[number];

export const CaseDetail = Strict({
  ...CaseSummary.properties,
  access: Literals(CASE_ACCESS),
  revision: Type.Integer({ minimum: 1 }),
  closedAt: Nullable(DateTime),
  closureReason: Nullable(Type.String()),
  /** The personal fields were erased at the end of the retention period. */
  pseudonymised: Type.Boolean(),
  /** The case was received from a partner unit through a transnational referral. */
  receivedThroughReferralId: Nullable(Id),
  /** Null for a supervisor, and once the case is pseudonymised. */
  person: Nullable(CasePerson),
  /** The personal fields returned in `person` (what the read was audited with). */
  personFields: Type.Array(PersonalFieldName),
  /** Free-text notes: the owner unit only (absent for others). */
  notes: Type.Optional(Nullable(Type.String())),
});
export type CaseDetail = Static<typeof CaseDetail>;

export const CASE_HISTORY_SOURCES = ['case', 'screening', 'consent', 'best_interests', 'referral'] as const;
export type CaseHistorySource = (typeof CASE_HISTORY_SOURCES)[number];

/** One step of a case's history: what happened, which fields it touched, never their values. */
export const CaseHistoryEntry = Strict({
  at: DateTime,
  source: Literals(CASE_HISTORY_SOURCES),
  /** `opened`, `updated`, `closed`, …; a screening's assessment; a consent's `recorded`/`withdrawn`; a referral's new status. */
  event: Type.String(),
  /** The record of the other part (screening, consent, step, referral), when there is one. */
  recordId: Nullable(Type.String()),
  fields: Type.Array(Type.String()),
  reason: Nullable(Type.String()),
  actor: Nullable(Strict({ id: Id, name: Type.String() })),
});
export type CaseHistoryEntry = Static<typeof CaseHistoryEntry>;

export const CaseHistory = Strict({ items: Type.Array(CaseHistoryEntry) });
export type CaseHistory = Static<typeof CaseHistory>;
