import { sql } from 'kysely';
import { ROLES_REQUIRING_TOTP, type Role } from '../../../shared/roles.js';
import { randomToken, sha256Hex } from '../crypto.js';
import type { Db } from '../db/database.js';
import type { Actor } from './actor.js';

export const SESSION_COOKIE = 'liaison_session';
export const API_TOKEN_PREFIX = 'lia';

interface ActorRow {
  id: string;
  email: string;
  display_name: string;
  organisation_id: string;
  locale: string;
  totp_enabled: boolean;
  roles: string[];
  unit_ids: string[];
  sharing_group_ids: string[];
  organisation: Actor['organisation'];
  units: Actor['units'];
  token_roles: string[] | null;
  token_id: string | null;
  token_last_used_at: Date | null;
}

function toActor(row: ActorRow, via: Actor['via'], credentialHash: string, demo: boolean): Actor {
  const userRoles = row.roles as Role[];
  const roles = row.token_roles ? userRoles.filter((role) => row.token_roles?.includes(role)) : userRoles;
  return {
    userId: row.id,
    email: row.email,
    displayName: row.display_name,
    organisationId: row.organisation_id,
    unitIds: row.unit_ids,
    roles,
    sharingGroupIds: row.sharing_group_ids,
    organisation: row.organisation,
    units: row.units,
    locale: row.locale,
    via,
    credentialHash,
    totpEnabled: row.totp_enabled,
    mustEnrolTotp: !demo && !row.totp_enabled && roles.some((role) => ROLES_REQUIRING_TOTP.includes(role)),
  };
}

export async function createSession(db: Db, userId: string, ip: string, ttlHours: number) {
  const token = randomToken('ses');
  const tokenHash = sha256Hex(token);
  await sql`insert into sessions (token_hash, user_id, expires_at, ip)
    values (${tokenHash}, ${userId}, now() + make_interval(hours => ${ttlHours}), ${ip})`.execute(db);
  return { token, tokenHash };
}

export async function endSession(db: Db, tokenHash: string): Promise<void> {
  await sql`update sessions set ended_at = now() where token_hash = ${tokenHash} and ended_at is null`.execute(db);
}

// One round trip per request: the user, roles, units, organisation and its sharing groups.
async function resolveActor(db: Db, kind: 'session' | 'token', tokenHash: string): Promise<ActorRow | undefined> {
  const result = await sql<ActorRow>`select * from resolve_actor(${kind}, ${tokenHash})`.execute(db);
  return result.rows[0];
}

export async function actorFromSession(db: Db, token: string, demo: boolean): Promise<Actor | null> {
  const tokenHash = sha256Hex(token);
  const row = await resolveActor(db, 'session', tokenHash);
  return row ? toActor(row, 'session', tokenHash, demo) : null;
}

export async function actorFromApiToken(db: Db, token: string, demo: boolean): Promise<Actor | null> {
  if (!token.startsWith(`${API_TOKEN_PREFIX}_`)) return null;
  const tokenHash = sha256Hex(token);
  const row = await resolveActor(db, 'token', tokenHash);
  if (!row) return null;
  // Record use at most once a minute: a busy machine client should not write on every request.
  if (!row.token_last_used_at || Date.now() - row.token_last_used_at.getTime() > 60_000) {
    await sql`update api_tokens set last_used_at = now() where id = ${row.token_id}`.execute(db);
  }
  return toActor(row, 'token', tokenHash, demo);
}
