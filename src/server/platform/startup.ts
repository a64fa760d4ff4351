import path from 'node:path';
import type { Config } from '../config.js';
import { isEmpty, seedDemo } from '../demo/seed.js';
import { seedDemoFollowUp } from '../demo/seed-followup.js';
import { seedDemoLibrary } from '../demo/seed-library.js';
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
    const seedMs = { total: Date.now() - seedStarted, followUp: Date.now() - followUpStarted };
    const cipher = loadFieldCipher(config.encryptionKey, config.dataDir);
    return { database, cipher, applied, seeded, libraryDocuments, followUp, followUpSkipped, seedMs };
  } catch (error) {
    await database.close();
    throw error;
  }
}
