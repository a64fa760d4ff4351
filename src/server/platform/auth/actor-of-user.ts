import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Actor } from './actor.js';

interface ActorRow {
  id: string;
  email: string;
  display_name: string;
  organisation_id: string;
  locale: string;
  roles: string[];
  unit_ids: string[];
  sharing_group_ids: string[];
  organisation: Actor['organisation'];
  units: Actor['units'];
}

/**
 * A person as a signed-in actor (as `resolve_actor` reads one), for work done on their behalf
 * outside any request: the demo data entered as its people would, a background job acting for the
 * person who asked for it. Roles, units and sharing groups are read as they stand now. Null when
 * the account or its organisation is no longer active. `credential` names where the actor came from.
 */
export async function actorOfUser(
  db: Db,
  who: { email: string } | { userId: string },
  credential: string,
): Promise<Actor | null> {
  const match = 'email' in who ? sql`u.email = ${who.email}` : sql`u.id = ${who.userId}`;
  const { rows } = await sql<ActorRow>`
    select u.id, u.email, u.display_name, u.organisation_id, u.locale,
      array(select r.role from user_roles r where r.user_id = u.id order by r.role)::text[] as roles,
      user_unit_ids(u.id)::text[] as unit_ids,
      array(select m.sharing_group_id from sharing_group_members m join sharing_groups g on g.id = m.sharing_group_id
            where m.organisation_id = u.organisation_id and g.active order by m.sharing_group_id)::text[] as sharing_group_ids,
      json_build_object('id', o.id, 'name', o.name, 'acronym', o.acronym, 'country', o.country, 'kind', o.kind) as organisation,
      coalesce((select json_agg(json_build_object('id', un.id, 'name', un.name) order by un.name)
        from units un where un.id = any(user_unit_ids(u.id))), '[]'::json) as units
    from users u join organisations o on o.id = u.organisation_id
    where ${match} and u.active and o.active`.execute(db);
  const row = rows[0];
  if (!row) return null;
  return {
    userId: row.id,
    email: row.email,
    displayName: row.display_name,
    organisationId: row.organisation_id,
    unitIds: row.unit_ids,
    roles: row.roles as Actor['roles'],
    sharingGroupIds: row.sharing_group_ids,
    organisation: row.organisation,
    units: row.units,
    locale: row.locale,
    via: 'session',
    credentialHash: credential,
    totpEnabled: false,
    mustEnrolTotp: false,
  };
}
