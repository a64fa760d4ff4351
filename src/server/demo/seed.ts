import { sql } from 'kysely';
import { insertUser } from '../modules/administration/users/repository.js';
import { hashPassword } from '../platform/auth/passwords.js';
import type { Db } from '../platform/db/database.js';
import { DEMO_ORGANISATIONS, DEMO_PLATFORM_ADMIN, DEMO_ROLES, DEMO_SHARING_GROUPS, type DemoAccount } from './demo-data.js';
import { seedAlerts } from './seed-alerts.js';
import { seedDemoDirectory } from './seed-directory.js';
import { seedMessages } from './seed-messages.js';

export async function isEmpty(db: Db): Promise<boolean> {
  const result = await sql<{ count: number }>`select count(*)::int as count from organisations`.execute(db);
  return result.rows[0].count === 0;
}

/** Loads the demo organisations, units, people and sharing groups in one transaction. */
export async function seedDemo(db: Db, password: string): Promise<{ users: number }> {
  // One hash for all demo accounts keeps the first start quick; real accounts each get their own.
  const passwordHash = await hashPassword(password);
  let users = 0;
  await db.transaction().execute(async (trx) => {
    const organisationIds = new Map<string, string>();
    for (const org of DEMO_ORGANISATIONS) {
      const inserted = await sql<{ id: string }>`insert into organisations (name, acronym, country, kind)
        values (${org.name}, ${org.acronym}, ${org.country}, ${org.kind}) returning id`.execute(trx);
      const organisationId = inserted.rows[0].id;
      organisationIds.set(org.key, organisationId);
      const unitIds: string[] = [];
      for (const unit of org.units) {
        const row = await sql<{ id: string }>`insert into units (organisation_id, name)
          values (${organisationId}, ${unit}) returning id`.execute(trx);
        unitIds.push(row.rows[0].id);
      }
      for (const [account, name] of Object.entries(org.people) as [DemoAccount, string][]) {
        // Operational people sit in the first unit; admins and readers in none or all as needed.
        const units = account === 'orgadmin' ? [] : account === 'analyst' ? unitIds.slice(-1) : unitIds.slice(0, 1);
        await insertUser(trx, {
          email: `${account}.${org.key}@liaison.demo`,
          displayName: name,
          organisationId,
          passwordHash,
          locale: 'en',
          roles: DEMO_ROLES[account],
          unitIds: units,
        });
        users++;
      }
    }
    const adminOrg = organisationIds.get(DEMO_PLATFORM_ADMIN.organisationKey) as string;
    await insertUser(trx, {
      email: DEMO_PLATFORM_ADMIN.email,
      displayName: DEMO_PLATFORM_ADMIN.name,
      organisationId: adminOrg,
      passwordHash,
      locale: 'en',
      roles: ['platform_admin'],
      unitIds: [],
    });
    users++;
    for (const group of DEMO_SHARING_GROUPS) {
      const row = await sql<{ id: string }>`insert into sharing_groups (name, description)
        values (${group.name}, ${group.description}) returning id`.execute(trx);
      const members = group.members.map((key) => organisationIds.get(key) as string);
      await sql`insert into sharing_group_members (sharing_group_id, organisation_id)
        select ${row.rows[0].id}, unnest(${members}::uuid[])`.execute(trx);
    }
    await seedDemoDirectory(trx, organisationIds);
    await seedAlerts(trx);
    await seedMessages(trx);
  });
  return { users };
}
