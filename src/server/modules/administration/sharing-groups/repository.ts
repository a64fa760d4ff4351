import { type InferResult, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { type Db, withTransaction } from '../../../platform/db/database.js';
import { containsPattern, type ListQuery, listPage, type Page } from '../listing.js';

export interface SharingGroup {
  id: string;
  name: string;
  description: string;
  active: boolean;
  /** Member organisations, by name. */
  organisations: { id: string; name: string }[];
}

function selectSharingGroups(db: Db) {
  return db
    .selectFrom('sharing_groups as g')
    .select((eb) => [
      'g.id',
      'g.name',
      'g.description',
      'g.active',
      jsonArrayFrom(
        eb
          .selectFrom('sharing_group_members as m')
          .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
          .whereRef('m.sharing_group_id', '=', 'g.id')
          .select(['o.id', 'o.name'])
          .orderBy('o.name'),
      ).as('organisations'),
    ]);
}

const toSharingGroup = (row: InferResult<ReturnType<typeof selectSharingGroups>>[number]): SharingGroup => ({
  id: row.id,
  name: row.name,
  description: row.description,
  active: row.active,
  organisations: row.organisations,
});

export async function listSharingGroups(db: Db, query: ListQuery): Promise<Page<SharingGroup>> {
  const pattern = containsPattern(query.q);
  const fetch = (q: ListQuery) =>
    selectSharingGroups(db)
      .select((eb) => eb.fn.countAll<number>().over().as('total'))
      .$if(!q.includeInactive, (qb) => qb.where('g.active', '=', true))
      .$if(pattern !== null, (qb) =>
        qb.where((eb) => eb.or([eb('g.name', 'ilike', pattern!), eb('g.description', 'ilike', pattern!)])),
      )
      .orderBy('g.name')
      .limit(q.limit ?? 50)
      .offset(q.offset ?? 0)
      .execute();
  return listPage(query, fetch, toSharingGroup);
}

export async function findSharingGroup(db: Db, id: string): Promise<SharingGroup | undefined> {
  const row = await selectSharingGroups(db).where('g.id', '=', id).executeTakeFirst();
  return row && toSharingGroup(row);
}

export async function groupNameTaken(db: Db, name: string, exceptId: string | null) {
  const row = await db
    .selectFrom('sharing_groups')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', eb.fn('lower', [eb.val(name)])))
    .$if(exceptId !== null, (qb) => qb.where('id', '<>', exceptId!))
    .executeTakeFirst();
  return row !== undefined;
}

/** How many of the given ids are organisations. */
export async function existingOrganisations(db: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const row = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('id', 'in', ids)
    .executeTakeFirstOrThrow();
  return row.count;
}

export interface GroupFields {
  name: string;
  description: string;
  active: boolean;
  organisationIds: string[];
}

async function replaceMembers(db: Db, id: string, organisationIds: string[]) {
  await db.deleteFrom('sharing_group_members').where('sharing_group_id', '=', id).execute();
  if (organisationIds.length === 0) return;
  await db
    .insertInto('sharing_group_members')
    .values(organisationIds.map((organisationId) => ({ sharing_group_id: id, organisation_id: organisationId })))
    .execute();
}

export async function insertSharingGroup(db: Db, fields: Omit<GroupFields, 'active'>): Promise<string> {
  return withTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('sharing_groups')
      .values({ name: fields.name, description: fields.description })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceMembers(trx, id, fields.organisationIds);
    return id;
  });
}

export async function updateSharingGroup(db: Db, id: string, fields: GroupFields) {
  await withTransaction(db, async (trx) => {
    await trx
      .updateTable('sharing_groups')
      .set({ name: fields.name, description: fields.description, active: fields.active, updated_at: sql`now()` })
      .where('id', '=', id)
      .execute();
    await replaceMembers(trx, id, fields.organisationIds);
  });
}
