import { type Static, Type } from '@sinclair/typebox';
import { Literals } from '../../../../shared/contract/kit.js';
import { MAX_LANGUAGES } from '../../../../shared/exchange/directory/vocabulary.js';
import { CASE_STATUSES, CASE_TYPES, REFERRAL_LIMITS, SEXES } from '../../../../shared/referral/vocabulary.js';
import { CountryCode, Id, Strict, Text } from '../../../platform/http/schemas.js';

/** A calendar date as typed; whether it exists and is not in the future is checked by the service (422). */
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10, description: 'YYYY-MM-DD' });
const LanguageCode = Type.String({ pattern: '^[a-z]{2}$', maxLength: 2, description: 'ISO 639-1 code' });

/** The person's fields; every one is encrypted at rest. */
const personFields = {
  givenNames: Text(REFERRAL_LIMITS.name),
  familyName: Text(REFERRAL_LIMITS.name),
  dateOfBirth: IsoDate,
  sex: Literals(SEXES),
  nationality: CountryCode,
  languages: Type.Array(LanguageCode, { maxItems: MAX_LANGUAGES, uniqueItems: true }),
  contact: Text(REFERRAL_LIMITS.contact),
  placeFound: Text(REFERRAL_LIMITS.place),
};
const opt = <T extends Parameters<typeof Type.Optional>[0]>(schema: T) => Type.Optional(schema);
const clearable = <T extends Parameters<typeof Type.Optional>[0]>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));

export const PersonInput = Strict({
  givenNames: personFields.givenNames,
  familyName: personFields.familyName,
  dateOfBirth: opt(personFields.dateOfBirth),
  sex: opt(personFields.sex),
  nationality: opt(personFields.nationality),
  languages: opt(personFields.languages),
  contact: opt(personFields.contact),
  placeFound: opt(personFields.placeFound),
});
export type PersonInput = Static<typeof PersonInput>;

/** A change of the person: names may be changed but not cleared; the other fields may be cleared (null). */
export const PersonPatch = Strict({
  givenNames: opt(personFields.givenNames),
  familyName: opt(personFields.familyName),
  dateOfBirth: clearable(personFields.dateOfBirth),
  sex: clearable(personFields.sex),
  nationality: clearable(personFields.nationality),
  languages: clearable(personFields.languages),
  contact: clearable(personFields.contact),
  placeFound: clearable(personFields.placeFound),
});
export type PersonPatch = Static<typeof PersonPatch>;

export const CreateCaseBody = Strict({
  unitId: Type.Optional(Id),
  caseType: Type.Optional(Literals(CASE_TYPES)),
  isChild: Type.Optional(Type.Boolean()),
  person: PersonInput,
  notes: Type.Optional(Text(REFERRAL_LIMITS.notes)),
});
export type CreateCaseBody = Static<typeof CreateCaseBody>;

export const PatchCaseBody = Strict({
  revision: Type.Integer({ minimum: 1 }),
  person: Type.Optional(PersonPatch),
  caseType: Type.Optional(Literals(CASE_TYPES)),
  isChild: Type.Optional(Type.Boolean()),
  notes: Type.Optional(Type.Union([Text(REFERRAL_LIMITS.notes), Type.Null()])),
});
export type PatchCaseBody = Static<typeof PatchCaseBody>;

export const CloseCaseBody = Strict({
  revision: Type.Integer({ minimum: 1 }),
  reason: Text(REFERRAL_LIMITS.reason, 3),
});
export type CloseCaseBody = Static<typeof CloseCaseBody>;

export const CASE_PAGE_LIMIT = 100;

export const ListCasesQuery = Strict({
  /** Names, matched through the blind index (every token must match). */
  q: Type.Optional(Type.String({ maxLength: REFERRAL_LIMITS.name * 2 })),
  dateOfBirth: Type.Optional(IsoDate),
  status: Type.Optional(Literals(CASE_STATUSES)),
  type: Type.Optional(Literals(CASE_TYPES)),
  unit: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: CASE_PAGE_LIMIT, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_-]*$' })),
});
export type ListCasesQuery = Static<typeof ListCasesQuery>;

/** Why a case worker of another unit opens the case's personal fields (audited). */
export const ReadCaseQuery = Strict({ reason: Type.Optional(Type.String({ maxLength: REFERRAL_LIMITS.reason })) });
export type ReadCaseQuery = Static<typeof ReadCaseQuery>;
