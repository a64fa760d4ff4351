import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database as Schema } from '../../src/server/platform/db/schema.js';
import { startPostgres } from './postgres-server.js';
import { prepareTemplate } from './templates.js';

export const TEMPLATE_DATABASE = 'liaison_template';

/** Starts a throw-away PostgreSQL server with a template database every test file copies. */
export default async function setup() {
  const server = await startPostgres();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();
  const db = new Kysely<Schema>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: server.urlFor(TEMPLATE_DATABASE) }) }),
  });
  await prepareTemplate(db);
  await db.destroy();
  process.env.LIAISON_TEST_PG_URL = server.url;
  return () => server.stop();
}
