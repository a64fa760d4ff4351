import { type InferResult, sql } from 'kysely';
import { type Db, withTransaction } from '../../../platform/db/database.js';
import { containsPattern, type ListQuery, listPage, type Page } from '../listing.js';

export interface User {
  id: string;
  email: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
  unitIds: string[];
  roles: string[];
  locale: string;
  active: boolean;
  totpEnabled: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
}

function selectUsers(db: Db) {
  return db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select((eb) => [
      'u.id',
      'u.email',
      'u.display_name',
      'u.organisation_id',
      'o.name as organisation_name',
      'u.locale',
      'u.active',
      eb('u.totp_enabled_at', 'is not', null).$castTo<boolean>().as('totp_enabled'),
      'u.last_login_at',
      'u.created_at',
      sql<string[]>`array(select unit_id from user_units uu where uu.user_id = u.id order by unit_id)::text[]`.as('unit_ids'),
      sql<string[]>`array(select role from user_roles r where r.user_id = u.id order by role)::text[]`.as('roles'),
    ]);
}

const toUser = (row: InferResult<ReturnType<typeof selectUsers>>[number]): User => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  organisationId: row.organisation_id,
  organisationName: row.organisation_name,
  unitIds: row.unit_ids,
  roles: row.roles,
  locale: row.locale,
  active: row.active,
  totpEnabled: row.totp_enabled,
  lastLoginAt: row.last_login_at,
  createdAt: row.created_at,
});

export async function listUsers(db: Db, query: ListQuery & { organisationId?: string }): Promise<Page<User>> {
  const pattern = containsPattern(query.q);
  const fetch = (q: typeof query) =>
    selectUsers(db)
      .select((eb) => eb.fn.countAll<number>().over().as('total'))
      .$if(!q.includeInactive, (qb) => qb.where('u.active', '=', true))
      .$if(q.organisationId !== undefined, (qb) => qb.where('u.organisation_id', '=', q.organisationId!))
      .$if(pattern !== null, (qb) =>
        qb.where((eb) => eb.or([eb('u.display_name', 'ilike', pattern!), eb('u.email', 'ilike', pattern!)])),
      )
      .orderBy('u.display_name')
      .orderBy('u.id')
      .limit(q.limit ?? 50)
      .offset(q.offset ?? 0)
      .execute();
  return listPage(query, fetch, toUser);
}

export async function findUser(db: Db, id: string): Promise<User | undefined> {
  const row = await selectUsers(db).where('u.id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', eb.fn('lower', [eb.val(email)])))
    .executeTakeFirst();
  return row !== undefined;
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
  const { id } = await db
    .insertInto('users')
    .values({
      email: user.email,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      organisation_id: user.organisationId,
      locale: user.locale,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceMemberships(db, id, user.unitIds, user.roles);
  return id;
}

async function replaceMemberships(db: Db, userId: string, unitIds: string[], roles: string[]) {
  await db.deleteFrom('user_units').where('user_id', '=', userId).execute();
  if (unitIds.length > 0) {
    await db
      .insertInto('user_units')
      .values(unitIds.map((unitId) => ({ user_id: userId, unit_id: unitId })))
      .execute();
  }
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await db
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
  }
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
    await trx
      .updateTable('users')
      .set({ display_name: changes.displayName, locale: changes.locale, active: changes.active, updated_at: sql`now()` })
      .where('id', '=', id)
      .execute();
    await replaceMemberships(trx, id, changes.unitIds, changes.roles);
    if (!changes.active) {
      await trx
        .updateTable('sessions')
        .set({ ended_at: sql`now()` })
        .where('user_id', '=', id)
        .where('ended_at', 'is', null)
        .execute();
      await trx
        .updateTable('api_tokens')
        .set({ revoked_at: sql`now()` })
        .where('user_id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    }
  });
}
