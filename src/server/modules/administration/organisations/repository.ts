import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import { activeFilter, containsPattern, type ListQuery, page } from '../listing.js';

export interface OrganisationRow {
  id: string;
  name: string;
  acronym: string | null;
  country: string | null;
  kind: string;
  active: boolean;
  unit_count: number;
  user_count: number;
  created_at: Date;
  updated_at: Date;
  total: number;
}

const columns = sql`o.id, o.name, o.acronym, o.country, o.kind, o.active, o.created_at, o.updated_at,
  (select count(*) from units u where u.organisation_id = o.id and u.active)::int as unit_count,
  (select count(*) from users u where u.organisation_id = o.id and u.active)::int as user_count`;

export async function listOrganisations(db: Db, query: ListQuery & { onlyId?: string }) {
  const pattern = containsPattern(query.q);
  const result = await sql<OrganisationRow>`select ${columns}, count(*) over ()::int as total from organisations o
    where ${activeFilter(sql`o.active`, query)}
      and (${query.onlyId ?? null}::uuid is null or o.id = ${query.onlyId ?? null}::uuid)
      and (${pattern}::text is null or o.name ilike ${pattern} or o.acronym ilike ${pattern})
    order by o.name ${page(query)}`.execute(db);
  return result.rows;
}

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  const result = await sql<OrganisationRow>`select ${columns}, 1 as total from organisations o where o.id = ${id}`.execute(db);
  return result.rows[0];
}

export interface OrganisationFields {
  name: string;
  acronym: string | null;
  country: string | null;
  kind: string;
  active: boolean;
}

export async function insertOrganisation(db: Db, fields: Omit<OrganisationFields, 'active'>): Promise<string> {
  const result = await sql<{ id: string }>`insert into organisations (name, acronym, country, kind)
    values (${fields.name}, ${fields.acronym}, ${fields.country}, ${fields.kind}) returning id`.execute(db);
  return result.rows[0].id;
}

export async function updateOrganisation(db: Db, id: string, fields: OrganisationFields) {
  await sql`update organisations set name = ${fields.name}, acronym = ${fields.acronym}, country = ${fields.country},
    kind = ${fields.kind}, active = ${fields.active}, updated_at = now() where id = ${id}`.execute(db);
}

export async function organisationNameTaken(db: Db, name: string, exceptId: string | null): Promise<boolean> {
  const result = await sql`select 1 from organisations where lower(name) = lower(${name})
    and id is distinct from ${exceptId}::uuid`.execute(db);
  return result.rows.length > 0;
}
