import path from 'node:path';
import type { Config } from '../config.js';
import { isEmpty, seedDemo } from '../demo/seed.js';
import { seedDemoFollowUp } from '../demo/seed-followup.js';
import { seedDemoLibrary } from '../demo/seed-library.js';
import { seedDemoReferral } from '../demo/seed-referral.js';
import { demoPlatform } from '../demo/seed-referral-kit.js';
import { seedDemoWatchlists } from '../demo/seed-watchlists.js';
import { loadFieldCipher } from './crypto.js';
import { type Database, openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';

export const pgliteDirOf = (config: Config) => path.join(config.dataDir, 'pglite');

/** Opens the configured database (PGlite in the data directory unless DATABASE_URL is set). */
export function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: pgliteDirOf(config) });
}

/** Opens the database, applies migrations and, on an empty database in demo mode, loads demo data. */
export async function preparePlatform(config: Config) {
  const database = await openConfiguredDatabase(config);
  try {
    const applied = await migrate(database.db);
    const seedStarted = Date.now();
    const seeded = config.demo && (await isEmpty(database.db)) ? await seedDemo(database.db, config.demoPassword) : null;
    const libraryDocuments = seeded ? await seedDemoLibrary(database.db, config.corpusDir) : 0;
    // The follow-up acts on the library's recommendations, so it comes once the library is in place;
    // it seeds only what is missing, so a demo database from before the follow-up gets it at its next start.
    const followUpStarted = Date.now();
    let followUp: Awaited<ReturnType<typeof seedDemoFollowUp>> = null;
    let followUpSkipped: string | null = null;
    try {
      if (config.demo) followUp = await seedDemoFollowUp(database.db, { publicUrl: config.publicUrl });
    } catch (error) {
      // A demo database its users have changed (a unit renamed, an account removed) still starts,
      // without the follow-up demo (its transaction left nothing behind); a fresh one must seed it all.
      if (seeded) throw error;
      followUpSkipped = error instanceof Error ? error.message : String(error);
    }
    // The referral demo writes personal fields, encrypted under keys the platform key wraps.
    const cipher = loadFieldCipher(config.encryptionKey, config.dataDir);
    const referralStarted = Date.now();
    let referral: Awaited<ReturnType<typeof seedDemoReferral>> = null;
    let referralSkipped: string | null = null;
    try {
      // Like the follow-up: once, only what is missing; a demo its users changed still starts.
      if (config.demo)
        referral = await seedDemoReferral(demoPlatform(database.db, config, cipher), { password: config.demoPassword });
    } catch (error) {
      if (seeded) throw error;
      referralSkipped = error instanceof Error ? error.message : String(error);
    }
    // Watch-lists last: their screenings read the lists of every demo unit. Once, like the others.
    const watchlistsStarted = Date.now();
    let watchlists: Awaited<ReturnType<typeof seedDemoWatchlists>> = null;
    let watchlistsSkipped: string | null = null;
    try {
      if (config.demo) watchlists = await seedDemoWatchlists(demoPlatform(database.db, config, cipher));
    } catch (error) {
      if (seeded) throw error;
      watchlistsSkipped = error instanceof Error ? error.message : String(error);
    }
    const seedMs = {
      total: Date.now() - seedStarted,
      followUp: referralStarted - followUpStarted,
      referral: watchlistsStarted - referralStarted,
      watchlists: Date.now() - watchlistsStarted,
    };
    return {
      database,
      cipher,
      applied,
      seeded,
      libraryDocuments,
      followUp,
      followUpSkipped,
      referral,
      referralSkipped,
      watchlists,
      watchlistsSkipped,
      seedMs,
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
