/**
 * Writes src/server/platform/db/schema.ts, the table types of `Db`, from the migrations:
 * `npm run db:types` after adding a migration. It migrates a throw-away in-memory PGlite and reads
 * its catalog; the drift test (test/integration/db-types.int.test.ts) checks the committed file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/server/platform/db/database.js';
import { migrate } from '../src/server/platform/db/migrate.js';
import { generateSchemaTypes } from '../src/server/platform/db/schema-generator.js';

export const SCHEMA_FILE = path.resolve(import.meta.dirname, '../src/server/platform/db/schema.ts');

async function main() {
  const database = await openDatabase({});
  try {
    await migrate(database.db);
    fs.writeFileSync(SCHEMA_FILE, await generateSchemaTypes(database.db));
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
  } finally {
    await database.close();
  }
}

await main();
