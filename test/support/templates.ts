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
  // The corpus only: the knowledge tests count its documents. The bundled documents that every demo
  // starts with are tested on their own databases (demo-library.int.test.ts).
  await seedDemoLibrary(db, path.resolve(import.meta.dirname, '../../../shared/corpus'), { bundled: false });
  await sql`checkpoint`.execute(db);
}
