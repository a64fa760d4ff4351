import { Type } from '@sinclair/typebox';
import { DateTime, Id, Literals, Nullable, type Static, Strict } from '../contract/kit.js';
import { ROLES } from '../roles.js';

/** Replies of my account (`/api/v1/me/…`); `PATCH /api/v1/me` answers the `Me` of ../auth/contract.ts. */

export const ApiToken = Strict({
  id: Id,
  name: Type.String(),
  roles: Type.Array(Literals(ROLES)),
  createdAt: DateTime,
  expiresAt: DateTime,
  revokedAt: Nullable(DateTime),
  lastUsedAt: Nullable(DateTime),
});
export type ApiToken = Static<typeof ApiToken>;

export const TokenList = Strict({ items: Type.Array(ApiToken) });
export type TokenList = Static<typeof TokenList>;

/** A new token: its secret is shown this once and stored hashed. */
export const CreatedToken = Strict({ token: Type.String(), item: ApiToken });
export type CreatedToken = Static<typeof CreatedToken>;

/** A second factor being enrolled: the secret to scan, pending until a code proves it was. */
export const TotpSetup = Strict({ secret: Type.String(), otpauthUri: Type.String() });
export type TotpSetup = Static<typeof TotpSetup>;

/** Shown once, when the second factor is switched on. */
export const TotpEnabled = Strict({ recoveryCodes: Type.Array(Type.String()) });
export type TotpEnabled = Static<typeof TotpEnabled>;
