import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import { containsPattern } from '../../administration/listing.js';

/** A holder as the directory shows them; the e-mail is only published for current holders. */
export interface HolderJson {
  holderId: string;
  userId: string;
  name: string;
  email: string;
  languages: string[];
  startsOn: string;
  endsOn: string | null;
}

export interface FunctionRow {
  id: string;
  unit_id: string;
  unit_name: string;
  organisation_id: string;
  organisation_name: string;
  organisation_acronym: string | null;
  organisation_country: string | null;
  organisation_kind: string;
  title: string;
  kind: string;
  themes: string[];
  email: string | null;
  phone: string | null;
  description: string;
  active: boolean;
  current_holders: HolderJson[];
  total: number;
}

export interface HolderRow {
  id: string;
  user_id: string;
  display_name: string;
  email: string;
  languages: string[];
  starts_on: string;
  ends_on: string | null;
  note: string;
  current: boolean;
}

export interface FunctionFilters {
  q?: string;
  country?: string;
  kind?: string;
  organisationKind?: string;
  theme?: string;
  language?: string;
  organisation?: string;
  unit?: string;
  includeInactive?: boolean;
  limit?: number;
  offset?: number;
}

// "Today" is the database's: a period ending today still counts, one starting tomorrow not yet.
const heldToday = sql`h.starts_on <= current_date and (h.ends_on is null or h.ends_on >= current_date)`;

const functionColumns = sql`f.id, f.unit_id, un.name as unit_name, o.id as organisation_id, o.name as organisation_name,
  o.acronym as organisation_acronym, o.country::text as organisation_country, o.kind as organisation_kind,
  f.title, f.kind, f.themes, f.email, f.phone, f.description, f.active,
  coalesce((select json_agg(json_build_object('holderId', h.id, 'userId', u.id, 'name', u.display_name, 'email', u.email,
      'languages', u.languages, 'startsOn', h.starts_on, 'endsOn', h.ends_on) order by h.starts_on, u.display_name)
    from function_holders h join users u on u.id = h.user_id
    where h.function_id = f.id and u.active and ${heldToday}), '[]'::json) as current_holders`;

const functionSource = sql`unit_functions f join units un on un.id = f.unit_id join organisations o on o.id = un.organisation_id`;

export async function listFunctions(db: Db, filters: FunctionFilters): Promise<FunctionRow[]> {
  const pattern = containsPattern(filters.q);
  const result = await sql<FunctionRow>`select ${functionColumns}, count(*) over ()::int as total
    from ${functionSource}
    where (f.active or ${filters.includeInactive ?? false}) and un.active and o.active
      and (${filters.country ?? null}::text is null or o.country = ${filters.country ?? null})
      and (${filters.kind ?? null}::text is null or f.kind = ${filters.kind ?? null})
      and (${filters.organisationKind ?? null}::text is null or o.kind = ${filters.organisationKind ?? null})
      and (${filters.theme ?? null}::text is null or f.themes @> array[${filters.theme ?? null}]::text[])
      and (${filters.organisation ?? null}::uuid is null or o.id = ${filters.organisation ?? null}::uuid)
      and (${filters.unit ?? null}::uuid is null or un.id = ${filters.unit ?? null}::uuid)
      and (${filters.language ?? null}::text is null or exists (
        select 1 from function_holders h join users u on u.id = h.user_id
        where h.function_id = f.id and u.active and ${heldToday} and ${filters.language ?? null} = any(u.languages)))
      and (${pattern}::text is null
        or liaison_unaccent(f.title) ilike liaison_unaccent(${pattern})
        or liaison_unaccent(un.name) ilike liaison_unaccent(${pattern})
        or liaison_unaccent(o.name) ilike liaison_unaccent(${pattern})
        or o.acronym ilike ${pattern})
    order by o.country nulls last, o.name, un.name, f.title
    limit ${filters.limit ?? 50} offset ${filters.offset ?? 0}`.execute(db);
  return result.rows;
}

export async function findFunction(db: Db, id: string): Promise<FunctionRow | undefined> {
  const result = await sql<FunctionRow>`select ${functionColumns}, 1 as total from ${functionSource}
    where f.id = ${id}`.execute(db);
  return result.rows[0];
}

/** Every holder period of a function, latest first: the history a successor reads. */
export async function holderHistory(db: Db, functionId: string): Promise<HolderRow[]> {
  const result = await sql<HolderRow>`select h.id, h.user_id, u.display_name, u.email, u.languages,
      h.starts_on::text as starts_on, h.ends_on::text as ends_on, h.note, (u.active and ${heldToday}) as current
    from function_holders h join users u on u.id = h.user_id
    where h.function_id = ${functionId}
    order by h.starts_on desc, h.ends_on desc nulls first, u.display_name`.execute(db);
  return result.rows;
}

export interface UnitWithFunctionsRow {
  id: string;
  name: string;
  organisation_id: string;
  organisation_name: string;
  organisation_acronym: string | null;
  organisation_country: string | null;
  organisation_kind: string;
  functions: { id: string; title: string; kind: string }[];
}

export async function listUnitsWithFunctions(db: Db, filters: { country?: string; kind?: string; organisation?: string }) {
  const result = await sql<UnitWithFunctionsRow>`select un.id, un.name, o.id as organisation_id, o.name as organisation_name,
      o.acronym as organisation_acronym, o.country::text as organisation_country, o.kind as organisation_kind,
      coalesce((select json_agg(json_build_object('id', f.id, 'title', f.title, 'kind', f.kind) order by f.title)
        from unit_functions f where f.unit_id = un.id and f.active), '[]'::json) as functions
    from units un join organisations o on o.id = un.organisation_id
    where un.active and o.active
      and (${filters.country ?? null}::text is null or o.country = ${filters.country ?? null})
      and (${filters.kind ?? null}::text is null or o.kind = ${filters.kind ?? null})
      and (${filters.organisation ?? null}::uuid is null or o.id = ${filters.organisation ?? null}::uuid)
    order by o.country nulls last, o.name, un.name`.execute(db);
  return result.rows;
}

// ----- changes -----

export interface UnitOwner {
  id: string;
  organisation_id: string;
  organisation_country: string | null;
  active: boolean;
}

export async function findUnitOwner(db: Db, unitId: string): Promise<UnitOwner | undefined> {
  const result = await sql<UnitOwner>`select un.id, un.organisation_id, o.country::text as organisation_country, un.active
    from units un join organisations o on o.id = un.organisation_id where un.id = ${unitId}`.execute(db);
  return result.rows[0];
}

export interface FunctionFields {
  title: string;
  kind: string;
  themes: string[];
  email: string | null;
  phone: string | null;
  description: string;
  active: boolean;
}

export interface StoredFunction extends FunctionFields {
  id: string;
  unit_id: string;
  organisation_id: string;
  organisation_country: string | null;
}

/** The function row as stored, locked for the rest of the transaction when `lock` is set. */
export async function findStoredFunction(db: Db, id: string, lock = false): Promise<StoredFunction | undefined> {
  const result = await sql<StoredFunction>`select f.id, f.unit_id, un.organisation_id, o.country::text as organisation_country,
      f.title, f.kind, f.themes, f.email, f.phone, f.description, f.active
    from unit_functions f join units un on un.id = f.unit_id join organisations o on o.id = un.organisation_id
    where f.id = ${id} ${lock ? sql`for update of f` : sql``}`.execute(db);
  return result.rows[0];
}

export async function functionTitleTaken(db: Db, unitId: string, title: string, exceptId: string | null) {
  const result = await sql`select 1 from unit_functions where unit_id = ${unitId} and lower(title) = lower(${title})
    and id is distinct from ${exceptId}::uuid`.execute(db);
  return result.rows.length > 0;
}

export async function insertFunction(db: Db, unitId: string, fields: FunctionFields): Promise<string> {
  const result = await sql<{
    id: string;
  }>`insert into unit_functions (unit_id, title, kind, themes, email, phone, description, active)
    values (${unitId}, ${fields.title}, ${fields.kind}, ${fields.themes}::text[], ${fields.email}, ${fields.phone},
      ${fields.description}, ${fields.active}) returning id`.execute(db);
  return result.rows[0].id;
}

export async function updateFunction(db: Db, id: string, fields: FunctionFields) {
  await sql`update unit_functions set title = ${fields.title}, kind = ${fields.kind}, themes = ${fields.themes}::text[],
    email = ${fields.email}, phone = ${fields.phone}, description = ${fields.description}, active = ${fields.active},
    updated_at = now() where id = ${id}`.execute(db);
}

export async function isActiveMemberOf(db: Db, userId: string, organisationId: string): Promise<boolean> {
  const result = await sql`select 1 from users where id = ${userId} and organisation_id = ${organisationId}
    and active`.execute(db);
  return result.rows.length > 0;
}

export interface HolderPeriod {
  userId: string;
  startsOn: string;
  endsOn: string | null;
}

/** Whether the person already holds the function on any day of the period (another period than `exceptId`). */
export async function overlapsAnotherPeriod(db: Db, functionId: string, period: HolderPeriod, exceptId: string | null) {
  const result = await sql`select 1 from function_holders
    where function_id = ${functionId} and user_id = ${period.userId} and id is distinct from ${exceptId}::uuid
      and daterange(starts_on, ends_on, '[]') && daterange(${period.startsOn}::date, ${period.endsOn}::date, '[]')`.execute(db);
  return result.rows.length > 0;
}

export async function insertHolder(db: Db, functionId: string, period: HolderPeriod & { note: string }): Promise<string> {
  const result = await sql<{ id: string }>`insert into function_holders (function_id, user_id, starts_on, ends_on, note)
    values (${functionId}, ${period.userId}, ${period.startsOn}::date, ${period.endsOn}::date, ${period.note})
    returning id`.execute(db);
  return result.rows[0].id;
}

export interface StoredHolder {
  id: string;
  user_id: string;
  starts_on: string;
  ends_on: string | null;
  note: string;
}

export async function findHolder(db: Db, functionId: string, holderId: string): Promise<StoredHolder | undefined> {
  const result = await sql<StoredHolder>`select id, user_id, starts_on::text as starts_on, ends_on::text as ends_on, note
    from function_holders where id = ${holderId} and function_id = ${functionId}`.execute(db);
  return result.rows[0];
}

export async function updateHolder(db: Db, holderId: string, fields: { endsOn: string | null; note: string }) {
  await sql`update function_holders set ends_on = ${fields.endsOn}::date, note = ${fields.note}, updated_at = now()
    where id = ${holderId}`.execute(db);
}

export async function setLanguages(db: Db, userId: string, languages: string[]) {
  await sql`update users set languages = ${languages}::text[], updated_at = now() where id = ${userId}`.execute(db);
}

export async function languagesOf(db: Db, userId: string): Promise<string[]> {
  const result = await sql<{ languages: string[] }>`select languages from users where id = ${userId}`.execute(db);
  return result.rows[0]?.languages ?? [];
}
