import type { Role } from '../../../shared/roles.js';

/** Who is asking: resolved once per request from a session cookie or an API token. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  organisationId: string;
  unitIds: string[];
  /** For display (/me); policies use the ids above. */
  organisation: { id: string; name: string; acronym: string | null; country: string | null; kind: string };
  units: { id: string; name: string }[];
  /** For a token: only the token's roles that the user still holds. */
  roles: Role[];
  /** Sharing groups the actor's organisation belongs to (for the visibility rule). */
  sharingGroupIds: string[];
  locale: string;
  via: 'session' | 'token';
  /** SHA-256 of the session or token secret; identifies the session for logout and CSRF binding. */
  credentialHash: string;
  totpEnabled: boolean;
  /** An administrator without a second factor outside demo mode may only enrol one. */
  mustEnrolTotp: boolean;
}

export const hasRole = (actor: Actor, ...roles: Role[]) => roles.some((role) => actor.roles.includes(role));
