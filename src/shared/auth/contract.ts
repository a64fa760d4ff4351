import { Type } from '@sinclair/typebox';
import { ACTIONS } from '../capabilities.js';
import { Id, Literals, Nullable, type Static, Strict } from '../contract/kit.js';
import { LOCALES } from '../locales.js';
import { ORGANISATION_KINDS, ROLES } from '../roles.js';

/** Replies of sign-in, sign-out and "who am I" (`/api/v1/auth/…`, `GET /api/v1/me`). */

export const Named = Strict({ id: Id, name: Type.String() });

export const Me = Strict({
  id: Id,
  email: Type.String(),
  displayName: Type.String(),
  locale: Literals(LOCALES),
  organisation: Strict({
    id: Id,
    name: Type.String(),
    acronym: Nullable(Type.String()),
    country: Nullable(Type.String()),
    kind: Literals(ORGANISATION_KINDS),
  }),
  units: Type.Array(Named),
  /** For a token: only the token's roles that the user still holds. */
  roles: Type.Array(Literals(ROLES)),
  totpEnabled: Type.Boolean(),
  /** An administrator without a second factor outside demo mode may only enrol one. */
  mustEnrolTotp: Type.Boolean(),
  via: Literals(['session', 'token'] as const),
  /**
   * The policy actions the person's roles allow (without a record): what the web app offers. The
   * server still decides each request, on its record.
   */
  capabilities: Type.Array(Literals(ACTIONS)),
});
export type Me = Static<typeof Me>;

export const CsrfToken = Strict({ csrfToken: Type.String() });
export type CsrfToken = Static<typeof CsrfToken>;

/** The web app's probe: who is signed in on this browser, or `me: null` for nobody (never a 401). */
export const SessionAnswer = Strict({ me: Nullable(Me) });
export type SessionAnswer = Static<typeof SessionAnswer>;

export const LoginAnswer = Strict({ me: Me, csrfToken: Type.String() });
export type LoginAnswer = Static<typeof LoginAnswer>;
