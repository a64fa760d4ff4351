import { sql } from 'kysely';
import * as repo from '../modules/referral/services/repository.js';
import type { Db } from '../platform/db/database.js';
import { DEMO_PROVIDERS, type DemoProvider } from './referral-services-data.js';

/** Entries whose managing organisation is not on the platform are kept by the dialogue's secretariat. */
const FALLBACK_MANAGER = 'RPS';

const organisationByAcronym = async (db: Db, acronym: string) =>
  (
    await db
      .selectFrom('organisations')
      .select('id')
      .where('acronym', '=', acronym)
      .where('active', '=', true)
      .orderBy('created_at')
      .executeTakeFirst()
  )?.id ?? null;

/** Who added the entries of an organisation: its administrator, else its first member, else a platform admin. */
async function creatorOf(db: Db, organisationId: string): Promise<string | null> {
  const result = await sql<{ id: string }>`select u.id from users u
    where u.organisation_id = ${organisationId}
       or exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'platform_admin')
    order by (u.organisation_id = ${organisationId}) desc,
      exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'org_admin') desc, u.created_at, u.id
    limit 1`.execute(db);
  return result.rows[0]?.id ?? null;
}

/** What a demo entry names on the platform; an organisation or unit not there makes it independent. */
async function fieldsOf(db: Db, demo: DemoProvider): Promise<repo.ProviderFields> {
  const organisationId = demo.organisation ? await organisationByAcronym(db, demo.organisation) : null;
  const unitId =
    demo.unit && organisationId
      ? ((
          await db
            .selectFrom('units')
            .select('id')
            .where('organisation_id', '=', organisationId)
            .where('name', '=', demo.unit)
            .executeTakeFirst()
        )?.id ?? null)
      : null;
  const contactFunctionId = demo.contactFunction
    ? ((
        await db
          .selectFrom('unit_functions as f')
          .innerJoin('units as u', 'u.id', 'f.unit_id')
          .select('f.id')
          .where('f.title', '=', demo.contactFunction)
          .where('f.active', '=', true)
          .$if(organisationId !== null, (query) => query.where('u.organisation_id', '=', organisationId as string))
          .executeTakeFirst()
      )?.id ?? null)
    : null;
  const kind =
    demo.kind === 'unit'
      ? unitId
        ? 'unit'
        : 'independent'
      : demo.kind === 'organisation' && !organisationId
        ? 'independent'
        : demo.kind;
  return {
    name: demo.name,
    kind,
    organisationId: kind === 'independent' ? null : organisationId,
    unitId: kind === 'unit' ? unitId : null,
    contactFunctionId,
    description: demo.description,
    services: demo.services,
    languages: demo.languages,
    openingHours: demo.openingHours,
    capacity: demo.capacity,
    places: demo.places.map((place) => ({
      country: place.country,
      region: place.region ?? '',
      city: place.city ?? '',
      latitude: place.at?.[0] ?? null,
      longitude: place.at?.[1] ?? null,
    })),
  };
}

/**
 * Adds the demo providers that are missing (by name), each with its places in one transaction, so
 * a restart adds nothing and an entry its users changed or deactivated is left as it is. Returns how
 * many were added.
 */
export async function seedDemoServices(db: Db): Promise<number> {
  const present = new Set((await db.selectFrom('service_providers').select('name').execute()).map((row) => row.name));
  let added = 0;
  for (const demo of DEMO_PROVIDERS) {
    if (present.has(demo.name)) continue;
    const managedBy = (await organisationByAcronym(db, demo.managedBy)) ?? (await organisationByAcronym(db, FALLBACK_MANAGER));
    const createdBy = managedBy ? await creatorOf(db, managedBy) : null;
    // Not a demo database (no demo organisations or people): nothing to attach the entry to.
    if (!managedBy || !createdBy) continue;
    const fields = await fieldsOf(db, demo);
    const insert = (trx: Db) => repo.insertProvider(trx, fields, managedBy, createdBy);
    await (db.isTransaction ? insert(db) : db.transaction().execute(insert));
    added++;
  }
  return added;
}
