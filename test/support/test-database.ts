import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import {
  type Backend,
  type Database,
  pgliteExtensions,
  pgliteListen,
  postgresListen,
} from '../../src/server/platform/db/database.js';
import { PGliteDialect } from '../../src/server/platform/db/pglite-dialect.js';
import type { Database as Schema } from '../../src/server/platform/db/schema.js';

export const TEST_BACKEND: Backend = process.env.LIAISON_TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';

/** A fresh copy of the seeded template on the backend this test project runs on. */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  if (TEST_BACKEND === 'postgres') {
    const base = process.env.LIAISON_TEST_PG_URL;
    if (!base) throw new Error('LIAISON_TEST_PG_URL is not set: run through the postgres vitest project');
    const name = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name} template liaison_template`);
    await admin.end();
    const url = base.replace(/\/postgres$/, `/${name}`);
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 10 }) }) });
    return { db, backend: 'postgres', url, listen: postgresListen(url), close: () => db.destroy() };
  }
  const template = process.env.LIAISON_TEST_PGLITE_TEMPLATE;
  if (!template) throw new Error('LIAISON_TEST_PGLITE_TEMPLATE is not set: run through the pglite vitest project');
  const client = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(template)]), extensions: pgliteExtensions });
  const db = new Kysely<Schema>({ dialect: new PGliteDialect(client) });
  return { db, backend: 'pglite', listen: pgliteListen(client), close: () => db.destroy() };
}
