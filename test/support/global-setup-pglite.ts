import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { pgliteExtensions } from '../../src/server/platform/db/database.js';
import { PGliteDialect } from '../../src/server/platform/db/pglite-dialect.js';
import type { Database as Schema } from '../../src/server/platform/db/schema.js';
import { prepareTemplate } from './templates.js';

/** Builds one migrated, seeded PGlite database and dumps it; every test file loads a copy. */
export default async function setup() {
  const client = await PGlite.create('memory://', { extensions: pgliteExtensions });
  const db = new Kysely<Schema>({ dialect: new PGliteDialect(client) });
  await prepareTemplate(db);
  const dump = await client.dumpDataDir('none');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-pglite-')), 'template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.destroy();
  process.env.LIAISON_TEST_PGLITE_TEMPLATE = file;
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
