import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import { containsPattern } from '../../administration/listing.js';
import type { ProviderFilters } from './schemas.js';

/**
 * SQL of the services directory: providers, their places, and the directory records they name
 * (organisation, unit, contact function). Providers are not shared records: every partner reads the
 * whole directory; deactivated entries are kept and shown only when asked for.
 */

export interface PlaceRecord {
  id: string;
  country: string;
  region: string;
  city: string;
  latitude: number | null;
  longitude: number | null;
}

export interface ProviderRecord {
  id: string;
  name: string;
  kind: 'organisation' | 'unit' | 'independent';
  organisation: { id: string; name: string; acronym: string | null } | null;
  unit: { id: string; name: string } | null;
  contactFunction: {
    id: string;
    title: string;
    unitId: string;
    unitName: string;
    organisationName: string;
    email: string | null;
    phone: string | null;
    active: boolean;
  } | null;
  description: string;
  services: string[];
  languages: string[];
  openingHours: string;
  capacity: number | null;
  active: boolean;
  managedBy: { id: string; name: string; acronym: string | null };
  places: PlaceRecord[];
  createdAt: Date;
  updatedAt: Date;
}

/** What is written for a provider; places are replaced as a whole. */
export interface ProviderFields {
  name: string;
  kind: ProviderRecord['kind'];
  organisationId: string | null;
  unitId: string | null;
  contactFunctionId: string | null;
  description: string;
  services: string[];
  languages: string[];
  openingHours: string;
  capacity: number | null;
  places: Omit<PlaceRecord, 'id'>[];
}

interface Row {
  id: string;
  name: string;
  provider_kind: ProviderRecord['kind'];
  organisation_id: string | null;
  organisation_name: string | null;
  organisation_acronym: string | null;
  unit_id: string | null;
  unit_name: string | null;
  function_id: string | null;
  function_title: string | null;
  function_unit_id: string | null;
  function_unit_name: string | null;
  function_organisation_name: string | null;
  function_email: string | null;
  function_phone: string | null;
  function_active: boolean | null;
  description: string;
  services: string[];
  languages: string[];
  opening_hours: string;
  capacity: number | null;
  active: boolean;
  managed_by_id: string;
  managed_by_name: string;
  managed_by_acronym: string | null;
  places: PlaceRecord[];
  created_at: Date;
  updated_at: Date;
  total: number;
}

const toProvider = (row: Row): ProviderRecord => ({
  id: row.id,
  name: row.name,
  kind: row.provider_kind,
  organisation:
    row.organisation_id && row.organisation_name !== null
      ? { id: row.organisation_id, name: row.organisation_name, acronym: row.organisation_acronym }
      : null,
  unit: row.unit_id && row.unit_name !== null ? { id: row.unit_id, name: row.unit_name } : null,
  contactFunction:
    row.function_id && row.function_title !== null
      ? {
          id: row.function_id,
          title: row.function_title,
          unitId: row.function_unit_id as string,
          unitName: row.function_unit_name as string,
          organisationName: row.function_organisation_name as string,
          email: row.function_email,
          phone: row.function_phone,
          active: row.function_active === true,
        }
      : null,
  description: row.description,
  services: row.services,
  languages: row.languages,
  openingHours: row.opening_hours,
  capacity: row.capacity,
  active: row.active,
  managedBy: { id: row.managed_by_id, name: row.managed_by_name, acronym: row.managed_by_acronym },
  // Coordinates come back as JSON numbers from both drivers.
  places: row.places,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

const columns = sql`p.id, p.name, p.provider_kind, p.description, p.services, p.languages, p.opening_hours, p.capacity,
  p.active, p.created_at, p.updated_at,
  po.id as organisation_id, po.name as organisation_name, po.acronym as organisation_acronym,
  pu.id as unit_id, pu.name as unit_name,
  f.id as function_id, f.title as function_title, fu.id as function_unit_id, fu.name as function_unit_name,
  fo.name as function_organisation_name, f.email as function_email, f.phone as function_phone,
  (f.active and fu.active) as function_active,
  m.id as managed_by_id, m.name as managed_by_name, m.acronym as managed_by_acronym,
  coalesce((select json_agg(json_build_object('id', sp.id, 'country', sp.country, 'region', sp.region, 'city', sp.city,
      'latitude', sp.latitude, 'longitude', sp.longitude) order by sp.country, sp.city, sp.id)
    from service_places sp where sp.provider_id = p.id), '[]'::json) as places`;

const source = sql`service_providers p
  join organisations m on m.id = p.managed_by_organisation_id
  left join organisations po on po.id = p.organisation_id
  left join units pu on pu.id = p.unit_id
  left join unit_functions f on f.id = p.contact_function_id
  left join units fu on fu.id = f.unit_id
  left join organisations fo on fo.id = fu.organisation_id`;

/** The filters as one condition on `p`: any of the needs, a place in the country and city, a language, words. */
function matching(filters: ProviderFilters) {
  const needs = filters.need && filters.need.length > 0 ? filters.need : null;
  const pattern = containsPattern(filters.q);
  const country = filters.country ?? null;
  const city = filters.city?.trim() || null;
  return sql`(p.active or ${filters.includeInactive ?? false})
    and (${needs}::text[] is null or p.services && ${needs}::text[])
    and (${filters.language ?? null}::text is null or ${filters.language ?? null} = any(p.languages))
    and ((${country}::text is null and ${city}::text is null) or exists (
      select 1 from service_places sp where sp.provider_id = p.id
        and (${country}::text is null or sp.country = ${country})
        and (${city}::text is null or lower(liaison_unaccent(sp.city)) = lower(liaison_unaccent(${city})))))
    and (${pattern}::text is null
      or liaison_unaccent(p.name) ilike liaison_unaccent(${pattern})
      or liaison_unaccent(p.description) ilike liaison_unaccent(${pattern}))`;
}

const byName = sql`lower(p.name), p.id`;

export async function listProviders(
  db: Db,
  filters: ProviderFilters,
  limit: number,
  offset: number,
): Promise<{ items: ProviderRecord[]; total: number }> {
  const result = await sql<Row>`select ${columns}, count(*) over ()::int as total
    from ${source} where ${matching(filters)} order by ${byName} limit ${limit} offset ${offset}`.execute(db);
  if (result.rows.length > 0 || offset === 0) return { items: result.rows.map(toProvider), total: result.rows[0]?.total ?? 0 };
  // A page past the end carries no row to count with.
  const count = await sql<{
    total: number;
  }>`select count(*)::int as total from service_providers p where ${matching(filters)}`.execute(db);
  return { items: [], total: count.rows[0].total };
}

export async function findProvider(db: Db, id: string): Promise<ProviderRecord | null> {
  const result = await sql<Row>`select ${columns}, 1 as total from ${source} where p.id = ${id}`.execute(db);
  return result.rows[0] ? toProvider(result.rows[0]) : null;
}

/** Who manages an entry and whether it is active, the row locked for a change. */
export async function lockProvider(db: Db, id: string) {
  const row = await db
    .selectFrom('service_providers')
    .select(['id', 'managed_by_organisation_id', 'active'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ? { id: row.id, managedByOrganisationId: row.managed_by_organisation_id, active: row.active } : null;
}

export interface MapPointRow {
  providerId: string;
  placeId: string;
  name: string;
  services: string[];
  country: string;
  city: string;
  latitude: number | null;
  longitude: number | null;
}

/** The places of matching providers, by provider name; one more than `limit` tells the caller it was capped. */
export async function mapPlaces(db: Db, filters: ProviderFilters, limit: number): Promise<MapPointRow[]> {
  const city = filters.city?.trim() || null;
  const result = await sql<{
    provider_id: string;
    place_id: string;
    name: string;
    services: string[];
    country: string;
    city: string;
    latitude: number | null;
    longitude: number | null;
  }>`select p.id as provider_id, sp.id as place_id, p.name, p.services, sp.country::text as country, sp.city,
      sp.latitude, sp.longitude
    from service_providers p join service_places sp on sp.provider_id = p.id
    where ${matching(filters)}
      -- Only the places in the country and city asked for, not the provider's others.
      and (${filters.country ?? null}::text is null or sp.country = ${filters.country ?? null})
      and (${city}::text is null or lower(liaison_unaccent(sp.city)) = lower(liaison_unaccent(${city})))
    order by ${byName}, sp.country, sp.city, sp.id
    limit ${limit + 1}`.execute(db);
  return result.rows.map((row) => ({
    providerId: row.provider_id,
    placeId: row.place_id,
    name: row.name,
    services: row.services,
    country: row.country,
    city: row.city,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
  }));
}

/** A provider's own columns, as both creating and editing write them. */
function providerColumns(fields: ProviderFields) {
  return {
    name: fields.name,
    provider_kind: fields.kind,
    organisation_id: fields.organisationId,
    unit_id: fields.unitId,
    contact_function_id: fields.contactFunctionId,
    description: fields.description,
    services: fields.services,
    languages: fields.languages,
    opening_hours: fields.openingHours,
    capacity: fields.capacity,
  };
}

export async function insertProvider(db: Db, fields: ProviderFields, managedBy: string, createdBy: string): Promise<string> {
  const row = await db
    .insertInto('service_providers')
    .values({
      ...providerColumns(fields),
      managed_by_organisation_id: managedBy,
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertPlaces(db, row.id, fields.places);
  return row.id;
}

async function insertPlaces(db: Db, providerId: string, places: ProviderFields['places']) {
  if (places.length === 0) return;
  await db
    .insertInto('service_places')
    .values(places.map((place) => ({ provider_id: providerId, ...place })))
    .execute();
}

export async function updateProvider(db: Db, id: string, fields: ProviderFields, placesChanged: boolean) {
  await db
    .updateTable('service_providers')
    .set({
      ...providerColumns(fields),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
  if (!placesChanged) return;
  await db.deleteFrom('service_places').where('provider_id', '=', id).execute();
  await insertPlaces(db, id, fields.places);
}

export async function deactivateProvider(db: Db, id: string) {
  await db.updateTable('service_providers').set({ active: false, updated_at: sql`now()` }).where('id', '=', id).execute();
}

/** The directory records a provider may name, as the checks need them. */
export async function findOrganisation(db: Db, id: string) {
  return (await db.selectFrom('organisations').select(['id', 'active']).where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function findUnit(db: Db, id: string) {
  const row = await db.selectFrom('units').select(['id', 'organisation_id', 'active']).where('id', '=', id).executeTakeFirst();
  return row ? { id: row.id, organisationId: row.organisation_id, active: row.active } : null;
}

/** A function of the directory that can be written to: active, in an active unit. */
export async function functionIsActive(db: Db, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('unit_functions as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .select('f.id')
    .where('f.id', '=', id)
    .where('f.active', '=', true)
    .where('u.active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}
