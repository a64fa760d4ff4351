import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import { containsPattern, listPage, type Page } from '../../administration/listing.js';
import { type FunctionFields, pickFunctionFields } from './function-fields.js';

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

/** A function of a unit, with its unit, organisation and current holders. */
export interface DirectoryFunction extends FunctionFields {
  id: string;
  unitId: string;
  unitName: string;
  organisationId: string;
  organisationName: string;
  organisationAcronym: string | null;
  organisationCountry: string | null;
  organisationKind: string;
  currentHolders: HolderJson[];
}

interface FunctionRow extends FunctionFields {
  id: string;
  unit_id: string;
  unit_name: string;
  organisation_id: string;
  organisation_name: string;
  organisation_acronym: string | null;
  organisation_country: string | null;
  organisation_kind: string;
  current_holders: HolderJson[];
  total: number;
}

const toDirectoryFunction = (row: FunctionRow): DirectoryFunction => ({
  id: row.id,
  unitId: row.unit_id,
  unitName: row.unit_name,
  organisationId: row.organisation_id,
  organisationName: row.organisation_name,
  organisationAcronym: row.organisation_acronym,
  organisationCountry: row.organisation_country,
  organisationKind: row.organisation_kind,
  ...pickFunctionFields(row),
  currentHolders: row.current_holders,
});

/** One period of a function's holder history. */
export interface HolderPeriodRecord {
  id: string;
  userId: string;
  displayName: string;
  email: string;
  languages: string[];
  /** ISO dates. */
  startsOn: string;
  endsOn: string | null;
  note: string;
  /** Held today by an active user. */
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
const heldToday = sql<boolean>`h.starts_on <= current_date and (h.ends_on is null or h.ends_on >= current_date)`;

const functionColumns = sql`f.id, f.unit_id, un.name as unit_name, o.id as organisation_id, o.name as organisation_name,
  o.acronym as organisation_acronym, o.country::text as organisation_country, o.kind as organisation_kind,
  f.title, f.kind, f.themes, f.email, f.phone, f.description, f.active,
  coalesce((select json_agg(json_build_object('holderId', h.id, 'userId', u.id, 'name', u.display_name, 'email', u.email,
      'languages', u.languages, 'startsOn', h.starts_on, 'endsOn', h.ends_on) order by h.starts_on, u.display_name)
    from function_holders h join users u on u.id = h.user_id
    where h.function_id = f.id and u.active and ${heldToday}), '[]'::json) as current_holders`;

const functionSource = sql`unit_functions f join units un on un.id = f.unit_id join organisations o on o.id = un.organisation_id`;

export async function listFunctions(db: Db, filters: FunctionFilters): Promise<Page<DirectoryFunction>> {
  return listPage(filters, (query) => fetchFunctions(db, query), toDirectoryFunction);
}

async function fetchFunctions(db: Db, filters: FunctionFilters): Promise<FunctionRow[]> {
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

export async function findFunction(db: Db, id: string): Promise<DirectoryFunction | undefined> {
  const result = await sql<FunctionRow>`select ${functionColumns}, 1 as total from ${functionSource}
    where f.id = ${id}`.execute(db);
  return result.rows[0] && toDirectoryFunction(result.rows[0]);
}

/** Every holder period of a function, latest first: the history a successor reads. */
export async function holderHistory(db: Db, functionId: string): Promise<HolderPeriodRecord[]> {
  const rows = await db
    .selectFrom('function_holders as h')
    .innerJoin('users as u', 'u.id', 'h.user_id')
    .select((eb) => [
      'h.id',
      'h.user_id',
      'u.display_name',
      'u.email',
      'u.languages',
      isoDate('h.starts_on').as('starts_on'),
      isoDate('h.ends_on').as('ends_on'),
      'h.note',
      eb
        .and([eb('u.active', '=', true), heldToday])
        .$castTo<boolean>()
        .as('current'),
    ])
    .where('h.function_id', '=', functionId)
    .orderBy('h.starts_on', 'desc')
    .orderBy(sql`h.ends_on desc nulls first`)
    .orderBy('u.display_name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    displayName: row.display_name,
    email: row.email,
    languages: row.languages,
    startsOn: row.starts_on!,
    endsOn: row.ends_on,
    note: row.note,
    current: row.current,
  }));
}

/** A date column as its ISO text (`2026-03-01`), as the API gives dates: no time zone involved. */
export const isoDate = (column: string) => sql<string | null>`${sql.ref(column)}::text`;

export interface UnitWithFunctions {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
  organisationAcronym: string | null;
  organisationCountry: string | null;
  organisationKind: string;
  /** Active functions, by title. */
  functions: { id: string; title: string; kind: string }[];
}

export interface UnitFilters {
  country?: string;
  kind?: string;
  organisation?: string;
  /** Text: a unit's name, its organisation's name or acronym, a function's title… */
  q?: string;
  /** …or one of these countries (those the text names, in any language). */
  countries?: string[];
}

interface UnitWithFunctionsRow {
  id: string;
  name: string;
  organisation_id: string;
  organisation_name: string;
  organisation_acronym: string | null;
  organisation_country: string | null;
  organisation_kind: string;
  functions: { id: string; title: string; kind: string }[];
}

export async function listUnitsWithFunctions(db: Db, filters: UnitFilters): Promise<UnitWithFunctions[]> {
  const pattern = containsPattern(filters.q);
  const result = await sql<UnitWithFunctionsRow>`select un.id, un.name, o.id as organisation_id, o.name as organisation_name,
      o.acronym as organisation_acronym, o.country::text as organisation_country, o.kind as organisation_kind,
      coalesce((select json_agg(json_build_object('id', f.id, 'title', f.title, 'kind', f.kind) order by f.title)
        from unit_functions f where f.unit_id = un.id and f.active), '[]'::json) as functions
    from units un join organisations o on o.id = un.organisation_id
    where un.active and o.active
      and (${filters.country ?? null}::text is null or o.country = ${filters.country ?? null})
      and (${filters.kind ?? null}::text is null or o.kind = ${filters.kind ?? null})
      and (${filters.organisation ?? null}::uuid is null or o.id = ${filters.organisation ?? null}::uuid)
      and (${pattern}::text is null
        or o.country = any(${filters.countries ?? []}::text[])
        or liaison_unaccent(un.name) ilike liaison_unaccent(${pattern})
        or liaison_unaccent(o.name) ilike liaison_unaccent(${pattern})
        or o.acronym ilike ${pattern}
        or exists (select 1 from unit_functions f where f.unit_id = un.id and f.active
          and liaison_unaccent(f.title) ilike liaison_unaccent(${pattern})))
    order by o.country nulls last, o.name, un.name`.execute(db);
  return result.rows.map((row) => ({
    id: row.id,
    name: row.name,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationAcronym: row.organisation_acronym,
    organisationCountry: row.organisation_country,
    organisationKind: row.organisation_kind,
    functions: row.functions,
  }));
}

export async function setLanguages(db: Db, userId: string, languages: string[]) {
  await db.updateTable('users').set({ languages, updated_at: sql`now()` }).where('id', '=', userId).execute();
}

export async function languagesOf(db: Db, userId: string): Promise<string[]> {
  const row = await db.selectFrom('users').select('languages').where('id', '=', userId).executeTakeFirst();
  return row?.languages ?? [];
}
