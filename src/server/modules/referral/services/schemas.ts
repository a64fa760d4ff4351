import { type Static, Type } from '@sinclair/typebox';
import { Literals, Nullable } from '../../../../shared/contract/kit.js';
import { PROVIDER_KINDS, REFERRAL_LIMITS, SERVICE_TYPES } from '../../../../shared/referral/vocabulary.js';
import { CountryCode, Id, Strict, Text } from '../../../platform/http/schemas.js';

/** Requests of the services directory; replies are in src/shared/referral/services-contract.ts. */

const Need = Literals(SERVICE_TYPES);
/** Two lower-case letters; membership of ISO 639-1 is checked by the service. */
const Language = Type.String({ pattern: '^[a-z]{2}$', description: 'ISO 639-1 code' });

export const MAX_PLACES = 50;
export const MAX_PROVIDER_LANGUAGES = 30;

const filters = {
  /** Providers serving any of these needs (`need=shelter&need=legal_aid`). */
  need: Type.Optional(Type.Array(Need, { maxItems: SERVICE_TYPES.length })),
  country: Type.Optional(CountryCode),
  city: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  language: Type.Optional(Language),
  /** Words of the name or the description. */
  q: Type.Optional(Type.String({ maxLength: 200 })),
  /** Deactivated entries too (they are kept, and shown as such). */
  includeInactive: Type.Optional(Type.Boolean({ default: false })),
};

export const ListQuery = Strict({
  ...filters,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, default: 0 })),
});
export type ListQuery = Static<typeof ListQuery>;

export const MapQuery = Strict(filters);
export type MapQuery = Static<typeof MapQuery>;
export type ProviderFilters = MapQuery;

const Coordinate = (limit: number) => Type.Number({ minimum: -limit, maximum: limit });

export const PlaceInput = Strict({
  country: CountryCode,
  region: Type.Optional(Text(200, 0)),
  city: Type.Optional(Text(200, 0)),
  latitude: Type.Optional(Nullable(Coordinate(90))),
  longitude: Type.Optional(Nullable(Coordinate(180))),
});
export type PlaceInput = Static<typeof PlaceInput>;

const fields = {
  name: Text(REFERRAL_LIMITS.providerName),
  kind: Literals(PROVIDER_KINDS),
  /** The organisation it is (kind `organisation`); a unit's organisation is the unit's. */
  organisationId: Type.Optional(Nullable(Id)),
  /** The unit it is (kind `unit`). */
  unitId: Type.Optional(Nullable(Id)),
  /** A function of the directory to write to. */
  contactFunctionId: Type.Optional(Nullable(Id)),
  description: Type.Optional(Text(4000, 0)),
  services: Type.Array(Need, { minItems: 1, maxItems: SERVICE_TYPES.length, uniqueItems: true }),
  languages: Type.Optional(Type.Array(Language, { maxItems: MAX_PROVIDER_LANGUAGES, uniqueItems: true })),
  openingHours: Type.Optional(Text(500, 0)),
  capacity: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 }))),
  places: Type.Array(PlaceInput, { minItems: 1, maxItems: MAX_PLACES }),
};

export const ProviderCreate = Strict(fields);
export type ProviderCreate = Static<typeof ProviderCreate>;

/** Any of the fields; `places`, when given, replaces the provider's places. */
export const ProviderPatch = Type.Partial(Strict(fields), { additionalProperties: false, minProperties: 1 });
export type ProviderPatch = Static<typeof ProviderPatch>;

export const DeactivateBody = Strict({ reason: Type.Optional(Text(REFERRAL_LIMITS.reason, 0)) });
export type DeactivateBody = Static<typeof DeactivateBody>;
