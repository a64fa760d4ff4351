import { sql } from 'kysely';
import type { Db } from '../server/platform/db/database.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An active organisation named on the command line by id, name or acronym. */
export async function findOrganisationId(db: Db, nameOrId: string): Promise<string> {
  const byId = UUID.test(nameOrId);
  const organisation = await sql<{ id: string }>`select id from organisations where active and
    (${byId} and id = ${byId ? nameOrId : null}::uuid or lower(name) = lower(${nameOrId})
     or lower(acronym) = lower(${nameOrId}))`.execute(db);
  if (organisation.rows.length !== 1) throw new Error(`no single active organisation matches "${nameOrId}"`);
  return organisation.rows[0].id;
}

/** The dialogue secretariat, which owns documents ingested without a named organisation. */
export async function secretariatId(db: Db): Promise<string> {
  const result = await sql<{ id: string }>`select id from organisations where active and kind = 'secretariat'
    order by created_at limit 1`.execute(db);
  if (!result.rows[0]) throw new Error('no active secretariat organisation: name one with --organisation');
  return result.rows[0].id;
}
