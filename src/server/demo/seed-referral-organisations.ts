import { insertOrganisation } from '../modules/administration/organisations/repository.js';
import { insertUnit } from '../modules/administration/units/repository.js';
import { insertUser } from '../modules/administration/users/repository.js';
import { hashPassword } from '../platform/auth/passwords.js';
import type { Db } from '../platform/db/database.js';
import { DEMO_ORGANISATIONS } from './demo-data.js';
import { REFERRAL_DEMO_ACCOUNTS, REFERRAL_DEMO_ORGANISATIONS } from './referral-organisations-data.js';
import { organisationIdByAcronym, unitIdByName, userExists } from './seed-referral-repository.js';

/** The acronym of a demo organisation by key, in the referral demo's list or the main demo's. */
export function demoAcronym(key: string): string {
  const found = REFERRAL_DEMO_ORGANISATIONS.find((org) => org.key === key) ?? DEMO_ORGANISATIONS.find((org) => org.key === key);
  if (!found) throw new Error(`referral demo: no demo organisation "${key}"`);
  return found.acronym;
}

/**
 * Adds what is missing of the referral demo's organisations, units and accounts (all of it on a
 * fresh demo; on a demo database from before the referral demo, the same; afterwards nothing).
 * An organisation of the main demo that is gone (renamed by its users) stops the referral demo.
 * Returns the number of accounts added.
 */
export async function seedReferralOrganisations(db: Db, password: string): Promise<number> {
  for (const org of REFERRAL_DEMO_ORGANISATIONS) {
    let organisationId = await organisationIdByAcronym(db, org.acronym);
    organisationId ??= await insertOrganisation(db, {
      name: org.name,
      acronym: org.acronym,
      country: org.country,
      kind: org.kind,
    });
    for (const unit of org.units) {
      if (!(await unitIdByName(db, organisationId, unit))) await insertUnit(db, { organisationId, name: unit, description: '' });
    }
  }
  const missing = [];
  for (const account of REFERRAL_DEMO_ACCOUNTS) if (!(await userExists(db, account.email))) missing.push(account);
  if (missing.length === 0) return 0;
  // One hash for all demo accounts, as the main demo does: the first start stays quick.
  const passwordHash = await hashPassword(password);
  for (const account of missing) {
    const organisationId = await organisationIdByAcronym(db, demoAcronym(account.organisation));
    if (!organisationId) throw new Error(`referral demo: the organisation of ${account.email} is not in the database`);
    const unitIds: string[] = [];
    for (const name of account.units) {
      const unitId = await unitIdByName(db, organisationId, name);
      if (!unitId) throw new Error(`referral demo: no unit "${name}" for ${account.email}`);
      unitIds.push(unitId);
    }
    await insertUser(db, {
      email: account.email,
      displayName: account.name,
      organisationId,
      passwordHash,
      locale: 'en',
      roles: account.roles,
      unitIds,
    });
  }
  return missing.length;
}
