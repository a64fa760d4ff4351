import type { Config } from '../config.js';
import { ActorCache } from '../platform/auth/actor-cache.js';
import { CsrfTokens } from '../platform/auth/csrf.js';
import type { ActorContext, Platform } from '../platform/context.js';
import type { FieldCipher } from '../platform/crypto.js';
import type { Db } from '../platform/db/database.js';
import { serviceContext } from '../platform/http/authenticate.js';
import { PersonalDataKeys } from '../platform/personal-data/keyring.js';
import { demoAcronym } from './seed-referral-organisations.js';
import { backdateCase, demoActor, organisationIdByAcronym, unitIdByName } from './seed-referral-repository.js';

const DAY_MS = 86_400_000;

/**
 * What the referral demo needs to act as its people: the platform (database, keys of personal
 * data), a service context per demo account (its audit entries say the demo loaded them), units by
 * organisation key and name, and the clock of the story (days relative to the seeding day).
 */
export interface ReferralSeedKit {
  platform: Platform;
  /** The service context of a demo account, by e-mail. */
  as(email: string): Promise<ActorContext>;
  unit(organisationKey: string, name: string): Promise<string>;
  organisation(organisationKey: string): Promise<string>;
  /**
   * Moves everything of a case made so far (and of its partners' copies) back by `days`: the
   * story's next step happens `days` after the previous one, so what came before moves back and the
   * next step happens now.
   */
  elapse(seeded: { id: string; receivedCaseIds: string[] }, days: number): Promise<void>;
}

/** The platform as the app builds it, for code that runs before the app (the demo at start-up). */
export function demoPlatform(db: Db, config: Config, cipher: FieldCipher): Platform {
  return {
    db,
    config,
    cipher,
    personalData: new PersonalDataKeys(db, cipher),
    csrf: new CsrfTokens(cipher.keyForPurpose('csrf')),
    actorCache: new ActorCache(0),
  };
}

export function referralSeedKit(platform: Platform): ReferralSeedKit {
  const { db } = platform;
  const contexts = new Map<string, ActorContext>();
  const organisations = new Map<string, string>();
  const units = new Map<string, string>();
  const organisation = async (key: string) => {
    const known = organisations.get(key);
    if (known) return known;
    const id = await organisationIdByAcronym(db, demoAcronym(key));
    if (!id) throw new Error(`referral demo: organisation "${key}" is not in the database`);
    organisations.set(key, id);
    return id;
  };
  return {
    platform,
    async as(email) {
      const known = contexts.get(email);
      if (known) return known;
      const actor = await demoActor(db, email);
      if (!actor) throw new Error(`referral demo: no active account ${email}`);
      const ctx = serviceContext(platform, actor, '127.0.0.1', 'demo-referral') as ActorContext;
      contexts.set(email, ctx);
      return ctx;
    },
    organisation,
    async unit(key, name) {
      const known = units.get(`${key}:${name}`);
      if (known) return known;
      const id = await unitIdByName(db, await organisation(key), name);
      if (!id) throw new Error(`referral demo: no unit "${name}" in "${key}"`);
      units.set(`${key}:${name}`, id);
      return id;
    },
    async elapse(seeded, days) {
      if (days <= 0) return;
      for (const id of [seeded.id, ...seeded.receivedCaseIds]) await backdateCase(db, id, days * DAY_MS);
    },
  };
}
