import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/platform/db/database.js';
import { generateSchemaTypes } from '../../src/server/platform/db/schema-generator.js';
import { openTestDatabase } from '../support/test-database.js';

const SCHEMA_FILE = path.resolve(import.meta.dirname, '../../src/server/platform/db/schema.ts');

let database: Database;
beforeAll(async () => {
  // A copy of the test template: migrated from this checkout's migrations, on this project's backend.
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('database types', () => {
  it('schema.ts is what the migrations give', async () => {
    const generated = await generateSchemaTypes(database.db);
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    expect(generated, 'src/server/platform/db/schema.ts and the migrations differ: run npm run db:types').toBe(committed);
  });

  it('sees a column a migration adds, with its type and nullability', async () => {
    // Added inside a transaction that is then rolled back, so the database stays as migrated.
    const rollback = new Error('rollback');
    let changed = '';
    await database.db
      .transaction()
      .execute(async (trx) => {
        await sql`alter table organisations add column drift_probe text`.execute(trx);
        await sql`alter table units add column drift_probe_on date not null default current_date`.execute(trx);
        changed = await generateSchemaTypes(trx);
        throw rollback;
      })
      .catch((error) => {
        if (error !== rollback) throw error;
      });
    expect(changed).not.toBe(fs.readFileSync(SCHEMA_FILE, 'utf8'));
    expect(changed).toMatch(/export interface Organisations \{[^}]*\n {2}drift_probe: string \| null;\n/);
    expect(changed).toMatch(/export interface Units \{[^}]*\n {2}drift_probe_on: Generated<Timestamp>;\n/);
  });
});
