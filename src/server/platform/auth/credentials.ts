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

// One round trip per request: the user, roles, units, organisation and the organisation's sharing groups.
// Only active users of active organisations resolve; deactivation ends every session at once.
const actorColumns = sql`
  u.id, u.email, u.display_name, u.organisation_id, u.locale, u.totp_enabled_at is not null as totp_enabled,
  array(select role from user_roles r where r.user_id = u.id order by role)::text[] as roles,
  array(select uu.unit_id from user_units uu join units un on un.id = uu.unit_id
        where uu.user_id = u.id and un.active order by uu.unit_id)::text[] as unit_ids,
  array(select m.sharing_group_id from sharing_group_members m join sharing_groups g on g.id = m.sharing_group_id
        where m.organisation_id = u.organisation_id and g.active order by m.sharing_group_id)::text[] as sharing_group_ids,
  json_build_object('id', o.id, 'name', o.name, 'acronym', o.acronym, 'country', o.country, 'kind', o.kind) as organisation,
  coalesce((select json_agg(json_build_object('id', un.id, 'name', un.name) order by un.name)
    from user_units uu join units un on un.id = uu.unit_id where uu.user_id = u.id and un.active), '[]'::json) as units`;

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

export async function actorFromSession(db: Db, token: string, demo: boolean): Promise<Actor | null> {
  const tokenHash = sha256Hex(token);
  const result = await sql<ActorRow>`
    select ${actorColumns}, null::text[] as token_roles, null::uuid as token_id, null::timestamptz as token_last_used_at
    from sessions s join users u on u.id = s.user_id join organisations o on o.id = u.organisation_id
    where s.token_hash = ${tokenHash} and s.ended_at is null and s.expires_at > now() and u.active and o.active`.execute(db);
  return result.rows[0] ? toActor(result.rows[0], 'session', tokenHash, demo) : null;
}

export async function actorFromApiToken(db: Db, token: string, demo: boolean): Promise<Actor | null> {
  if (!token.startsWith(`${API_TOKEN_PREFIX}_`)) return null;
  const tokenHash = sha256Hex(token);
  const result = await sql<ActorRow>`
    select ${actorColumns}, t.roles as token_roles, t.id as token_id, t.last_used_at as token_last_used_at
    from api_tokens t join users u on u.id = t.user_id join organisations o on o.id = u.organisation_id
    where t.token_hash = ${tokenHash} and t.revoked_at is null and t.expires_at > now() and u.active and o.active`.execute(db);
  const row = result.rows[0];
  if (!row) return null;
  // Record use at most once a minute: a busy machine client should not write on every request.
  if (!row.token_last_used_at || Date.now() - row.token_last_used_at.getTime() > 60_000) {
    await sql`update api_tokens set last_used_at = now() where id = ${row.token_id}`.execute(db);
  }
  return toActor(row, 'token', tokenHash, demo);
}
