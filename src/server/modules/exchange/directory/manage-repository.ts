import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import { type FunctionFields, pickFunctionFields } from './function-fields.js';
import { isoDate } from './repository.js';

/** Changes to units' functions and their holder periods (manage-service.ts). */

export interface UnitOwner {
  id: string;
  organisationId: string;
  organisationCountry: string | null;
  active: boolean;
}

export async function findUnitOwner(db: Db, unitId: string): Promise<UnitOwner | undefined> {
  const row = await db
    .selectFrom('units as un')
    .innerJoin('organisations as o', 'o.id', 'un.organisation_id')
    .select(['un.id', 'un.organisation_id', 'o.country', 'un.active'])
    .where('un.id', '=', unitId)
    .executeTakeFirst();
  return row && { id: row.id, organisationId: row.organisation_id, organisationCountry: row.country, active: row.active };
}

export interface StoredFunction extends FunctionFields {
  id: string;
  unitId: string;
  organisationId: string;
  organisationCountry: string | null;
}

/** The function row as stored, locked for the rest of the transaction when `lock` is set. */
export async function findStoredFunction(db: Db, id: string, lock = false): Promise<StoredFunction | undefined> {
  const row = await db
    .selectFrom('unit_functions as f')
    .innerJoin('units as un', 'un.id', 'f.unit_id')
    .innerJoin('organisations as o', 'o.id', 'un.organisation_id')
    .select([
      'f.id',
      'f.unit_id',
      'un.organisation_id',
      'o.country',
      'f.title',
      'f.kind',
      'f.themes',
      'f.email',
      'f.phone',
      'f.description',
      'f.active',
    ])
    .where('f.id', '=', id)
    .$if(lock, (qb) => qb.modifyEnd(sql`for update of f`))
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      unitId: row.unit_id,
      organisationId: row.organisation_id,
      organisationCountry: row.country,
      ...pickFunctionFields(row),
    }
  );
}

export async function functionTitleTaken(db: Db, unitId: string, title: string, exceptId: string | null) {
  const row = await db
    .selectFrom('unit_functions')
    .select('id')
    .where('unit_id', '=', unitId)
    .where((eb) => eb(eb.fn('lower', ['title']), '=', eb.fn('lower', [eb.val(title)])))
    .$if(exceptId !== null, (qb) => qb.where('id', '<>', exceptId!))
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertFunction(db: Db, unitId: string, fields: FunctionFields): Promise<string> {
  const row = await db
    .insertInto('unit_functions')
    .values({ unit_id: unitId, ...pickFunctionFields(fields) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateFunction(db: Db, id: string, fields: FunctionFields) {
  await db
    .updateTable('unit_functions')
    .set({ ...pickFunctionFields(fields), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function isActiveMemberOf(db: Db, userId: string, organisationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('organisation_id', '=', organisationId)
    .where('active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

export interface HolderPeriod {
  userId: string;
  startsOn: string;
  endsOn: string | null;
}

/** Whether the person already holds the function on any day of the period (another period than `exceptId`). */
export async function overlapsAnotherPeriod(db: Db, functionId: string, period: HolderPeriod, exceptId: string | null) {
  const row = await db
    .selectFrom('function_holders')
    .select('id')
    .where('function_id', '=', functionId)
    .where('user_id', '=', period.userId)
    .$if(exceptId !== null, (qb) => qb.where('id', '<>', exceptId!))
    .where(sql<boolean>`daterange(starts_on, ends_on, '[]') && daterange(${period.startsOn}::date, ${period.endsOn}::date, '[]')`)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertHolder(db: Db, functionId: string, period: HolderPeriod & { note: string }): Promise<string> {
  const row = await db
    .insertInto('function_holders')
    .values({
      function_id: functionId,
      user_id: period.userId,
      starts_on: period.startsOn,
      ends_on: period.endsOn,
      note: period.note,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface StoredHolder {
  id: string;
  userId: string;
  /** ISO dates. */
  startsOn: string;
  endsOn: string | null;
  note: string;
}

export async function findHolder(db: Db, functionId: string, holderId: string): Promise<StoredHolder | undefined> {
  const row = await db
    .selectFrom('function_holders')
    .select(['id', 'user_id', isoDate('starts_on').as('starts_on'), isoDate('ends_on').as('ends_on'), 'note'])
    .where('id', '=', holderId)
    .where('function_id', '=', functionId)
    .executeTakeFirst();
  return row && { id: row.id, userId: row.user_id, startsOn: row.starts_on!, endsOn: row.ends_on, note: row.note };
}

export async function updateHolder(db: Db, holderId: string, fields: { endsOn: string | null; note: string }) {
  await db
    .updateTable('function_holders')
    .set({ ends_on: fields.endsOn, note: fields.note, updated_at: sql`now()` })
    .where('id', '=', holderId)
    .execute();
}
