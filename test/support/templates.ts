import path from 'node:path';
import { sql } from 'kysely';
import { seedDemo } from '../../src/server/demo/seed.js';
import { seedDemoLibrary } from '../../src/server/demo/seed-library.js';
import type { Db } from '../../src/server/platform/db/database.js';
import { migrate } from '../../src/server/platform/db/migrate.js';

export const TEST_DEMO_PASSWORD = 'liaison-demo-2026';

/** Each test database starts migrated, with the demo organisations and accounts. */
export async function prepareTemplate(db: Db): Promise<void> {
  await migrate(db);
  await seedDemo(db, TEST_DEMO_PASSWORD);
  await seedDemoLibrary(db, path.resolve(import.meta.dirname, '../../../shared/corpus'));
  await sql`checkpoint`.execute(db);
}
