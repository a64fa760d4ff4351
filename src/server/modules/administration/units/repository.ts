import { type InferResult, sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import { containsPattern, type ListQuery, listPage, type Page } from '../listing.js';

export interface Unit {
  id: string;
  organisationId: string;
  organisationName: string;
  name: string;
  description: string;
  active: boolean;
  /** Active users who are members of the unit. */
  memberCount: number;
}

function selectUnits(db: Db) {
  return db
    .selectFrom('units as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select((eb) => [
      'u.id',
      'u.organisation_id',
      'o.name as organisation_name',
      'u.name',
      'u.description',
      'u.active',
      eb
        .selectFrom('user_units as uu')
        .innerJoin('users as us', 'us.id', 'uu.user_id')
        .whereRef('uu.unit_id', '=', 'u.id')
        .where('us.active', '=', true)
        .select((sub) => sub.fn.countAll<number>().as('count'))
        .as('member_count'),
    ]);
}

const toUnit = (row: InferResult<ReturnType<typeof selectUnits>>[number]): Unit => ({
  id: row.id,
  organisationId: row.organisation_id,
  organisationName: row.organisation_name,
  name: row.name,
  description: row.description,
  active: row.active,
  memberCount: row.member_count ?? 0,
});

export async function listUnits(db: Db, query: ListQuery & { organisationId?: string }): Promise<Page<Unit>> {
  const pattern = containsPattern(query.q);
  const fetch = (q: typeof query) =>
    selectUnits(db)
      .select((eb) => eb.fn.countAll<number>().over().as('total'))
      .$if(!q.includeInactive, (qb) => qb.where('u.active', '=', true))
      .$if(q.organisationId !== undefined, (qb) => qb.where('u.organisation_id', '=', q.organisationId!))
      .$if(pattern !== null, (qb) => qb.where((eb) => eb.or([eb('u.name', 'ilike', pattern!), eb('o.name', 'ilike', pattern!)])))
      .orderBy('o.name')
      .orderBy('u.name')
      .limit(q.limit ?? 50)
      .offset(q.offset ?? 0)
      .execute();
  return listPage(query, fetch, toUnit);
}

export async function findUnit(db: Db, id: string): Promise<Unit | undefined> {
  const row = await selectUnits(db).where('u.id', '=', id).executeTakeFirst();
  return row && toUnit(row);
}

export async function unitNameTaken(db: Db, organisationId: string, name: string, exceptId: string | null) {
  const row = await db
    .selectFrom('units')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', eb.fn('lower', [eb.val(name)])))
    .$if(exceptId !== null, (qb) => qb.where('id', '<>', exceptId!))
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertUnit(db: Db, fields: { organisationId: string; name: string; description: string }) {
  const row = await db
    .insertInto('units')
    .values({ organisation_id: fields.organisationId, name: fields.name, description: fields.description })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUnit(db: Db, id: string, fields: { name: string; description: string; active: boolean }) {
  await db
    .updateTable('units')
    .set({ name: fields.name, description: fields.description, active: fields.active, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** Units of one organisation among the given ids, active ones only (to validate a user's units). */
export async function activeUnitsOf(db: Db, organisationId: string, unitIds: string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('units')
    .select('id')
    .where('id', 'in', unitIds)
    .where('organisation_id', '=', organisationId)
    .where('active', '=', true)
    .execute();
  return rows.map((row) => row.id);
}
