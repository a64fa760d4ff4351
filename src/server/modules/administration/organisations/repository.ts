import { type InferResult, sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import { containsPattern, type ListQuery, listPage, type Page } from '../listing.js';

export interface Organisation {
  id: string;
  name: string;
  acronym: string | null;
  country: string | null;
  kind: string;
  active: boolean;
  /** Active units and active users of the organisation. */
  unitCount: number;
  userCount: number;
  createdAt: Date;
  updatedAt: Date;
}

function selectOrganisations(db: Db) {
  return db.selectFrom('organisations as o').select((eb) => [
    'o.id',
    'o.name',
    'o.acronym',
    'o.country',
    'o.kind',
    'o.active',
    'o.created_at',
    'o.updated_at',
    eb
      .selectFrom('units as u')
      .whereRef('u.organisation_id', '=', 'o.id')
      .where('u.active', '=', true)
      .select((sub) => sub.fn.countAll<number>().as('count'))
      .as('unit_count'),
    eb
      .selectFrom('users as u')
      .whereRef('u.organisation_id', '=', 'o.id')
      .where('u.active', '=', true)
      .select((sub) => sub.fn.countAll<number>().as('count'))
      .as('user_count'),
  ]);
}

type OrganisationRow = InferResult<ReturnType<typeof selectOrganisations>>[number];

const toOrganisation = (row: OrganisationRow): Organisation => ({
  id: row.id,
  name: row.name,
  acronym: row.acronym,
  country: row.country,
  kind: row.kind,
  active: row.active,
  unitCount: row.unit_count ?? 0,
  userCount: row.user_count ?? 0,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export async function listOrganisations(db: Db, query: ListQuery & { onlyId?: string }): Promise<Page<Organisation>> {
  const pattern = containsPattern(query.q);
  const fetch = (q: typeof query) =>
    selectOrganisations(db)
      .select((eb) => eb.fn.countAll<number>().over().as('total'))
      .$if(!q.includeInactive, (qb) => qb.where('o.active', '=', true))
      .$if(q.onlyId !== undefined, (qb) => qb.where('o.id', '=', q.onlyId!))
      .$if(pattern !== null, (qb) =>
        qb.where((eb) => eb.or([eb('o.name', 'ilike', pattern!), eb('o.acronym', 'ilike', pattern!)])),
      )
      .orderBy('o.name')
      .limit(q.limit ?? 50)
      .offset(q.offset ?? 0)
      .execute();
  return listPage(query, fetch, toOrganisation);
}

export async function findOrganisation(db: Db, id: string): Promise<Organisation | undefined> {
  const row = await selectOrganisations(db).where('o.id', '=', id).executeTakeFirst();
  return row && toOrganisation(row);
}

export interface OrganisationFields {
  name: string;
  acronym: string | null;
  country: string | null;
  kind: string;
  active: boolean;
}

export async function insertOrganisation(db: Db, fields: Omit<OrganisationFields, 'active'>): Promise<string> {
  const row = await db
    .insertInto('organisations')
    .values({ name: fields.name, acronym: fields.acronym, country: fields.country, kind: fields.kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOrganisation(db: Db, id: string, fields: OrganisationFields) {
  await db
    .updateTable('organisations')
    .set({
      name: fields.name,
      acronym: fields.acronym,
      country: fields.country,
      kind: fields.kind,
      active: fields.active,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export async function organisationNameTaken(db: Db, name: string, exceptId: string | null): Promise<boolean> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', eb.fn('lower', [eb.val(name)])))
    .$if(exceptId !== null, (qb) => qb.where('id', '<>', exceptId!))
    .executeTakeFirst();
  return row !== undefined;
}
