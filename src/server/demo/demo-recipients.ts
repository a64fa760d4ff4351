import { sql } from 'kysely';
import type { DistributionTarget } from '../../shared/visibility.js';
import type { Db } from '../platform/db/database.js';

/** Recipients of demo messages and alerts, written by name: a group, an organisation's acronym, a unit. */
export type Target = { group: string } | { organisation: string } | { unit: [string, string] } | 'all';

async function one(db: Db, query: ReturnType<typeof sql<{ id: string }>>): Promise<string> {
  const row = (await query.execute(db)).rows[0];
  if (!row) throw new Error('demo exchange: the demo organisations must be seeded first');
  return row.id;
}

export async function targets(db: Db, to: Target[]): Promise<DistributionTarget[]> {
  const resolved: DistributionTarget[] = [];
  for (const target of to) {
    if (target === 'all') resolved.push({ kind: 'all_partners' });
    else if ('group' in target) {
      resolved.push({
        kind: 'sharing_group',
        id: await one(db, sql`select id from sharing_groups where name = ${target.group}`),
      });
    } else if ('organisation' in target) {
      resolved.push({
        kind: 'organisation',
        id: await one(db, sql`select id from organisations where acronym = ${target.organisation}`),
      });
    } else {
      const [acronym, unit] = target.unit;
      resolved.push({
        kind: 'unit',
        id: await one(
          db,
          sql`select u.id from units u join organisations o on o.id = u.organisation_id
          where o.acronym = ${acronym} and u.name = ${unit}`,
        ),
      });
    }
  }
  return resolved;
}

/** A demo account's user id, organisation and first unit. */
export async function account(db: Db, prefix: string) {
  const result = await sql<{ id: string; organisation_id: string; unit_id: string }>`select u.id, u.organisation_id,
      (select uu.unit_id from user_units uu where uu.user_id = u.id order by uu.unit_id limit 1) as unit_id
    from users u where u.email = ${`${prefix}@liaison.demo`}`.execute(db);
  const row = result.rows[0];
  if (!row?.unit_id) throw new Error(`demo exchange: ${prefix} has no unit`);
  return row;
}
