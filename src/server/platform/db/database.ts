import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';

/** Rows are typed per query with `sql<Row>`; the schema lives in the SQL migrations. */
// biome-ignore lint/suspicious/noExplicitAny: tables are typed at each query, not globally.
export type Db = Kysely<any>;

export type Backend = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  backend: Backend;
  close(): Promise<void>;
}

// Counts and identities are int8; at this platform's scale they fit in a JS number on both backends.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * The contrib extensions the migrations create (knowledge search). Every PGlite instance opened on
 * a Liaison database — including one loaded from a dump — must be created with them.
 */
export const pgliteExtensions = { unaccent, pg_trgm };

export interface DatabaseOptions {
  databaseUrl?: string;
  /** PGlite data directory; `memory://` (or undefined) for an in-memory database. */
  pgliteDir?: string;
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 20 });
    // Fail fast on a wrong address or credentials rather than on the first request.
    const client = await pool.connect();
    client.release();
    const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) });
    return { db, backend: 'postgres', close: () => db.destroy() };
  }
  const dir = options.pgliteDir;
  if (dir && !dir.startsWith('memory://')) fs.mkdirSync(path.dirname(dir), { recursive: true });
  const client = await PGlite.create(dir ?? 'memory://', { extensions: pgliteExtensions });
  const db: Db = new Kysely({ dialect: new PGliteDialect(client) });
  return { db, backend: 'pglite', close: () => db.destroy() };
}
