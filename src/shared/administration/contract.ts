import { Type } from '@sinclair/typebox';
import { Named } from '../auth/contract.js';
import { DateTime, Id, Literals, Nullable, Page, type Static, Strict } from '../contract/kit.js';
import { LOCALES } from '../locales.js';
import { ORGANISATION_KINDS, ROLES } from '../roles.js';

/** Replies of administration (`/api/v1/admin/…`): organisations, units, users, sharing groups, audit trail. */

export const Organisation = Strict({
  id: Id,
  name: Type.String(),
  acronym: Nullable(Type.String()),
  country: Nullable(Type.String({ description: 'ISO 3166-1 alpha-2' })),
  kind: Literals(ORGANISATION_KINDS),
  active: Type.Boolean(),
  /** Active units and users. */
  unitCount: Type.Integer(),
  userCount: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type Organisation = Static<typeof Organisation>;

export const Unit = Strict({
  id: Id,
  organisationId: Id,
  organisationName: Type.String(),
  name: Type.String(),
  description: Type.String(),
  active: Type.Boolean(),
  /** Active users of the unit. */
  memberCount: Type.Integer(),
});
export type Unit = Static<typeof Unit>;

export const User = Strict({
  id: Id,
  email: Type.String(),
  displayName: Type.String(),
  organisationId: Id,
  organisationName: Type.String(),
  unitIds: Type.Array(Id),
  roles: Type.Array(Literals(ROLES)),
  locale: Literals(LOCALES),
  active: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  lastLoginAt: Nullable(DateTime),
  createdAt: DateTime,
});
export type User = Static<typeof User>;

export const SharingGroup = Strict({
  id: Id,
  name: Type.String(),
  description: Type.String(),
  active: Type.Boolean(),
  organisations: Type.Array(Named),
});
export type SharingGroup = Static<typeof SharingGroup>;

export const OrganisationPage = Page(Organisation);
export const UnitPage = Page(Unit);
export const UserPage = Page(User);
export const SharingGroupPage = Page(SharingGroup);

/** A page of any administered list (the shape `Page()` of ../contract/kit.ts describes). */
export interface ListPage<T> {
  items: T[];
  total: number;
}

/** One row of the audit trail: ids and field names, never personal data or secrets. */
export const AuditEntry = Strict({
  /** Opaque, sealed for the viewer: the row's place in the global chain is not published. */
  id: Type.String(),
  at: DateTime,
  actorUserId: Nullable(Type.String()),
  actorOrganisationId: Nullable(Type.String()),
  action: Type.String(),
  targetType: Nullable(Type.String()),
  targetId: Nullable(Type.String()),
  outcome: Literals(['success', 'failure', 'denied'] as const),
  ip: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type AuditEntry = Static<typeof AuditEntry>;

/** Newest first; the next page is asked with `before` = `nextCursor` (null on the last page). */
export const AuditTrail = Strict({ items: Type.Array(AuditEntry), nextCursor: Nullable(Type.String()) });
export type AuditTrail = Static<typeof AuditTrail>;
