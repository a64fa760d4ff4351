import { Type } from '@sinclair/typebox';
import { DateTime, Id, Literals, Nullable, type Static, Strict } from '../contract/kit.js';
import { PROVIDER_KINDS, SERVICE_TYPES } from './vocabulary.js';

/**
 * Replies of the services directory (`/api/v1/services`): providers of care and protection, where
 * they work, the needs they serve and how to reach them through a function of the directory.
 */

export const ServiceTypeSchema = Literals(SERVICE_TYPES);
export const ProviderKindSchema = Literals(PROVIDER_KINDS);

/** A place a provider serves; a point on the map when it has coordinates. */
export const ServicePlace = Strict({
  id: Id,
  country: Type.String(),
  region: Type.String(),
  city: Type.String(),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
});
export type ServicePlace = Static<typeof ServicePlace>;

/**
 * The function of the directory one writes to: its unit and organisation and the function's own
 * mailbox and phone (never a holder's personal address), so it survives staff rotation.
 */
export const ContactFunction = Strict({
  id: Id,
  title: Type.String(),
  unitId: Id,
  unitName: Type.String(),
  organisationName: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  active: Type.Boolean(),
});
export type ContactFunction = Static<typeof ContactFunction>;

export const ProviderOrganisation = Strict({ id: Id, name: Type.String(), acronym: Nullable(Type.String()) });
export type ProviderOrganisation = Static<typeof ProviderOrganisation>;

export const ServiceProvider = Strict({
  id: Id,
  name: Type.String(),
  kind: ProviderKindSchema,
  organisation: Nullable(ProviderOrganisation),
  unit: Nullable(Strict({ id: Id, name: Type.String() })),
  contactFunction: Nullable(ContactFunction),
  description: Type.String(),
  services: Type.Array(ServiceTypeSchema),
  /** ISO 639-1 codes. */
  languages: Type.Array(Type.String()),
  openingHours: Type.String(),
  /** Persons it can take at once; null: not limited or not known. */
  capacity: Nullable(Type.Integer({ minimum: 0 })),
  active: Type.Boolean(),
  managedBy: ProviderOrganisation,
  places: Type.Array(ServicePlace),
  createdAt: DateTime,
  updatedAt: DateTime,
  /** What the reader may do with this entry (the server decides again on every change). */
  permissions: Strict({ edit: Type.Boolean() }),
});
export type ServiceProvider = Static<typeof ServiceProvider>;

export const ServiceProviderPage = Strict({ items: Type.Array(ServiceProvider), total: Type.Integer({ minimum: 0 }) });
export type ServiceProviderPage = Static<typeof ServiceProviderPage>;

/**
 * One point per place of a matching provider. A place without coordinates is drawn at its
 * country's centre (`approximate`); a country the map does not know is left out and counted.
 */
export const ServicePoint = Strict({
  providerId: Id,
  placeId: Id,
  name: Type.String(),
  services: Type.Array(ServiceTypeSchema),
  country: Type.String(),
  city: Type.String(),
  latitude: Type.Number(),
  longitude: Type.Number(),
  approximate: Type.Boolean(),
});
export type ServicePoint = Static<typeof ServicePoint>;

export const ServiceMap = Strict({
  points: Type.Array(ServicePoint),
  /** Places of matching providers that could not be drawn (no coordinates, country not on the map). */
  unplaced: Type.Integer({ minimum: 0 }),
  /** True when more points matched than the map draws. */
  capped: Type.Boolean(),
});
export type ServiceMap = Static<typeof ServiceMap>;
