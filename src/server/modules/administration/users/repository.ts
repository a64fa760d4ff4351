import { sql } from 'kysely';
import { type Db, withTransaction } from '../../../platform/db/database.js';
import { activeFilter, containsPattern, type ListQuery, page } from '../listing.js';

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  organisation_id: string;
  organisation_name: string;
  unit_ids: string[];
  roles: string[];
  locale: string;
  active: boolean;
  totp_enabled: boolean;
  last_login_at: Date | null;
  created_at: Date;
  total: number;
}

const columns = sql`u.id, u.email, u.display_name, u.organisation_id, o.name as organisation_name, u.locale, u.active,
  u.totp_enabled_at is not null as totp_enabled, u.last_login_at, u.created_at,
  array(select unit_id from user_units uu where uu.user_id = u.id order by unit_id)::text[] as unit_ids,
  array(select role from user_roles r where r.user_id = u.id order by role)::text[] as roles`;

export async function listUsers(db: Db, query: ListQuery & { organisationId?: string }) {
  const pattern = containsPattern(query.q);
  const result = await sql<UserRow>`select ${columns}, count(*) over ()::int as total
    from users u join organisations o on o.id = u.organisation_id
    where ${activeFilter(sql`u.active`, query)}
      and (${query.organisationId ?? null}::uuid is null or u.organisation_id = ${query.organisationId ?? null}::uuid)
      and (${pattern}::text is null or u.display_name ilike ${pattern} or u.email ilike ${pattern})
    order by u.display_name, u.id ${page(query)}`.execute(db);
  return result.rows;
}

export async function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  const result = await sql<UserRow>`select ${columns}, 1 as total
    from users u join organisations o on o.id = u.organisation_id where u.id = ${id}`.execute(db);
  return result.rows[0];
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  const result = await sql`select 1 from users where lower(email) = lower(${email})`.execute(db);
  return result.rows.length > 0;
}

export interface NewUser {
  email: string;
  displayName: string;
  passwordHash: string;
  organisationId: string;
  locale: string;
  unitIds: string[];
  roles: string[];
}

/** Inserts the user with units and roles; call it inside a transaction. */
export async function insertUser(db: Db, user: NewUser): Promise<string> {
  const result = await sql<{ id: string }>`insert into users (email, display_name, password_hash, organisation_id, locale)
    values (${user.email}, ${user.displayName}, ${user.passwordHash}, ${user.organisationId}, ${user.locale})
    returning id`.execute(db);
  const id = result.rows[0].id;
  await replaceMemberships(db, id, user.unitIds, user.roles);
  return id;
}

async function replaceMemberships(db: Db, userId: string, unitIds: string[], roles: string[]) {
  await sql`delete from user_units where user_id = ${userId}`.execute(db);
  await sql`insert into user_units (user_id, unit_id) select ${userId}, unnest(${unitIds}::uuid[])`.execute(db);
  await sql`delete from user_roles where user_id = ${userId}`.execute(db);
  await sql`insert into user_roles (user_id, role) select ${userId}, unnest(${roles}::text[])`.execute(db);
}

export interface UserChanges {
  displayName: string;
  locale: string;
  active: boolean;
  unitIds: string[];
  roles: string[];
}

/** Deactivation also ends the user's sessions and revokes their tokens: access stops at once. */
export async function updateUser(db: Db, id: string, changes: UserChanges) {
  await withTransaction(db, async (trx) => {
    await sql`update users set display_name = ${changes.displayName}, locale = ${changes.locale},
      active = ${changes.active}, updated_at = now() where id = ${id}`.execute(trx);
    await replaceMemberships(trx, id, changes.unitIds, changes.roles);
    if (!changes.active) {
      await sql`update sessions set ended_at = now() where user_id = ${id} and ended_at is null`.execute(trx);
      await sql`update api_tokens set revoked_at = now() where user_id = ${id} and revoked_at is null`.execute(trx);
    }
  });
}
