import { sql } from 'kysely';
import { type Db, withTransaction } from '../../../platform/db/database.js';
import { activeFilter, containsPattern, type ListQuery, page } from '../listing.js';

export interface SharingGroupRow {
  id: string;
  name: string;
  description: string;
  active: boolean;
  organisations: { id: string; name: string }[];
  total: number;
}

const columns = sql`g.id, g.name, g.description, g.active,
  coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name) order by o.name)
    from sharing_group_members m join organisations o on o.id = m.organisation_id
    where m.sharing_group_id = g.id), '[]'::json) as organisations`;

export async function listSharingGroups(db: Db, query: ListQuery) {
  const pattern = containsPattern(query.q);
  const result = await sql<SharingGroupRow>`select ${columns}, count(*) over ()::int as total from sharing_groups g
    where ${activeFilter(sql`g.active`, query)}
      and (${pattern}::text is null or g.name ilike ${pattern} or g.description ilike ${pattern})
    order by g.name ${page(query)}`.execute(db);
  return result.rows;
}

export async function findSharingGroup(db: Db, id: string): Promise<SharingGroupRow | undefined> {
  const result = await sql<SharingGroupRow>`select ${columns}, 1 as total from sharing_groups g where g.id = ${id}`.execute(db);
  return result.rows[0];
}

export async function groupNameTaken(db: Db, name: string, exceptId: string | null) {
  const result = await sql`select 1 from sharing_groups where lower(name) = lower(${name})
    and id is distinct from ${exceptId}::uuid`.execute(db);
  return result.rows.length > 0;
}

export async function existingOrganisations(db: Db, ids: string[]): Promise<number> {
  const result = await sql<{ count: number }>`select count(*)::int as count from organisations
    where id = any(${ids}::uuid[])`.execute(db);
  return result.rows[0].count;
}

export interface GroupFields {
  name: string;
  description: string;
  active: boolean;
  organisationIds: string[];
}

async function replaceMembers(db: Db, id: string, organisationIds: string[]) {
  await sql`delete from sharing_group_members where sharing_group_id = ${id}`.execute(db);
  await sql`insert into sharing_group_members (sharing_group_id, organisation_id)
    select ${id}, unnest(${organisationIds}::uuid[])`.execute(db);
}

export async function insertSharingGroup(db: Db, fields: Omit<GroupFields, 'active'>): Promise<string> {
  return withTransaction(db, async (trx) => {
    const result = await sql<{ id: string }>`insert into sharing_groups (name, description)
      values (${fields.name}, ${fields.description}) returning id`.execute(trx);
    await replaceMembers(trx, result.rows[0].id, fields.organisationIds);
    return result.rows[0].id;
  });
}

export async function updateSharingGroup(db: Db, id: string, fields: GroupFields) {
  await withTransaction(db, async (trx) => {
    await sql`update sharing_groups set name = ${fields.name}, description = ${fields.description},
      active = ${fields.active}, updated_at = now() where id = ${id}`.execute(trx);
    await replaceMembers(trx, id, fields.organisationIds);
  });
}
