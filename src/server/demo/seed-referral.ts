import { runRetention } from '../modules/referral/retention/service.js';
import { create as createProvider } from '../modules/referral/services/service.js';
import type { Platform } from '../platform/context.js';
import { EVERYDAY_CASES } from './referral-cases-data.js';
import { REFERRAL_DEMO_ORGANISATIONS } from './referral-organisations-data.js';
import { DEMO_REFERRAL_PROVIDERS } from './referral-providers-data.js';
import { STORY_CASES } from './referral-story-data.js';
import { type SeededCase, seedDemoCase } from './seed-referral-cases.js';
import { type ReferralSeedKit, referralSeedKit } from './seed-referral-kit.js';
import { seedReferralOrganisations } from './seed-referral-organisations.js';
import { organisationIdByAcronym, organisationsHoldCases, providerExists, userExists } from './seed-referral-repository.js';
import { seedDemoServices } from './seed-referral-services.js';

/** Every demo case, the story's first. */
export const DEMO_REFERRAL_CASES = [...STORY_CASES, ...EVERYDAY_CASES];

export interface ReferralSeedResult {
  /** Accounts added (the referral demo's organisations and supervisors). */
  accounts: number;
  providers: number;
  cases: number;
  /** Cases pseudonymised by the retention run that follows the seeding (closed long ago). */
  pseudonymised: number;
  /** What the demo made of each case, by its key (empty when the cases were there already). */
  seeded: SeededCase[];
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
  // As the app does when it starts: the key ring is read here, never from inside a transaction.
  await platform.personalData.reload();
  const accounts = await db.transaction().execute((trx) => seedReferralOrganisations(trx, options.password));
  const organisationIds: string[] = [];
  for (const org of REFERRAL_DEMO_ORGANISATIONS) {
    const id = await organisationIdByAcronym(db, org.acronym);
    if (id) organisationIds.push(id);
  }
  const kit = referralSeedKit(platform);
  // The directory first: the NAPTIP entries need the organisation, the cases need the entries.
  const providers = (await seedDemoServices(db)) + (await seedProviders(kit));
  if (await organisationsHoldCases(db, organisationIds))
    return accounts + providers > 0 ? { accounts, providers, cases: 0, pseudonymised: 0, seeded: [] } : null;
  const seeded: SeededCase[] = [];
  // Oldest first, so that each case's messages and history come in the order they happened.
  for (const demo of [...DEMO_REFERRAL_CASES].sort((a, b) => a.opened - b.opened)) seeded.push(await seedDemoCase(kit, demo));
  // A case closed long ago is past its retention period: the daily retention run, run once now as
  // it would have run at night, pseudonymises it (its fields erased, its record and statistics kept).
  const retention = await runRetention(db, { trigger: 'job' });
  return { accounts, providers, cases: seeded.length, pseudonymised: retention.pseudonymised, seeded };
}

/** The directory entries the cases are referred to, each entered by its organisation's administrator if missing. */
async function seedProviders(kit: ReferralSeedKit): Promise<number> {
  let added = 0;
  for (const provider of DEMO_REFERRAL_PROVIDERS) {
    if (await providerExists(kit.platform.db, provider.entry.name)) continue;
    await createProvider(await kit.as(provider.by), {
      ...provider.entry,
      kind: 'unit',
      unitId: await kit.unit(provider.organisation, provider.unit),
    });
    added++;
  }
  return added;
}
