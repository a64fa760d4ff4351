import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import { activeFilter, containsPattern, type ListQuery, page } from '../listing.js';

export interface UnitRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  name: string;
  description: string;
  active: boolean;
  member_count: number;
  total: number;
}

const columns = sql`u.id, u.organisation_id, o.name as organisation_name, u.name, u.description, u.active,
  (select count(*) from user_units uu join users us on us.id = uu.user_id where uu.unit_id = u.id and us.active)::int as member_count`;

export async function listUnits(db: Db, query: ListQuery & { organisationId?: string }) {
  const pattern = containsPattern(query.q);
  const result = await sql<UnitRow>`select ${columns}, count(*) over ()::int as total
    from units u join organisations o on o.id = u.organisation_id
    where ${activeFilter(sql`u.active`, query)}
      and (${query.organisationId ?? null}::uuid is null or u.organisation_id = ${query.organisationId ?? null}::uuid)
      and (${pattern}::text is null or u.name ilike ${pattern} or o.name ilike ${pattern})
    order by o.name, u.name ${page(query)}`.execute(db);
  return result.rows;
}

export async function findUnit(db: Db, id: string): Promise<UnitRow | undefined> {
  const result = await sql<UnitRow>`select ${columns}, 1 as total
    from units u join organisations o on o.id = u.organisation_id where u.id = ${id}`.execute(db);
  return result.rows[0];
}

export async function unitNameTaken(db: Db, organisationId: string, name: string, exceptId: string | null) {
  const result = await sql`select 1 from units where organisation_id = ${organisationId}
    and lower(name) = lower(${name}) and id is distinct from ${exceptId}::uuid`.execute(db);
  return result.rows.length > 0;
}

export async function insertUnit(db: Db, fields: { organisationId: string; name: string; description: string }) {
  const result = await sql<{ id: string }>`insert into units (organisation_id, name, description)
    values (${fields.organisationId}, ${fields.name}, ${fields.description}) returning id`.execute(db);
  return result.rows[0].id;
}

export async function updateUnit(db: Db, id: string, fields: { name: string; description: string; active: boolean }) {
  await sql`update units set name = ${fields.name}, description = ${fields.description}, active = ${fields.active},
    updated_at = now() where id = ${id}`.execute(db);
}

/** Units of one organisation among the given ids, active ones only (to validate a user's units). */
export async function activeUnitsOf(db: Db, organisationId: string, unitIds: string[]): Promise<string[]> {
  const result = await sql<{ id: string }>`select id from units
    where id = any(${unitIds}::uuid[]) and organisation_id = ${organisationId} and active`.execute(db);
  return result.rows.map((row) => row.id);
}
