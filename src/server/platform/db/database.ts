import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import { PreparingClient } from './prepared.js';
import type { Database as Schema } from './schema.js';

/**
 * The database, typed by its tables. `schema.ts` is generated from the migrations
 * (`npm run db:types`); a test fails when they disagree. A transaction is also a `Db`.
 */
export type Db = Kysely<Schema>;
export type Trx = Transaction<Schema>;

export type Backend = 'pglite' | 'postgres';

/**
 * Calls `onNotify` with the payload of each NOTIFY of `channel` (without one after a lost connection,
 * when notifications may have been missed); resolves to a function that stops listening.
 */
export type Listen = (channel: string, onNotify: (payload?: string) => void) => Promise<() => Promise<void>>;

export interface Database {
  db: Db;
  backend: Backend;
  /** LISTEN/NOTIFY, for the live stream; without it listeners fall back to polling. */
  listen?: Listen;
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
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 20,
      Client: PreparingClient,
      // No JIT compilation: the platform's queries are short, and a broad library search crosses
      // JIT's cost threshold, so PostgreSQL spent about 40 ms compiling a search that runs in 30.
      options: '-c jit=off',
    });
    // Fail fast on a wrong address or credentials rather than on the first request.
    const client = await pool.connect();
    client.release();
    const db: Db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    return { db, backend: 'postgres', listen: postgresListen(options.databaseUrl), close: () => db.destroy() };
  }
  const dir = options.pgliteDir;
  if (dir && !dir.startsWith('memory://')) fs.mkdirSync(path.dirname(dir), { recursive: true });
  const client = await PGlite.create(dir ?? 'memory://', { extensions: pgliteExtensions });
  const db: Db = new Kysely<Schema>({ dialect: new PGliteDialect(client) });
  return { db, backend: 'pglite', listen: pgliteListen(client), close: () => db.destroy() };
}

/** PGlite has one session: LISTEN on it, and notifications arrive when a transaction commits. */
export const pgliteListen =
  (client: PGlite): Listen =>
  async (channel, onNotify) =>
    client.listen(channel, (payload) => onNotify(payload));

/**
 * A pooled connection cannot hold a LISTEN, so each listener gets its own client. When that
 * connection drops it reconnects (1 s, doubling up to 30 s) and calls `onNotify` once so the
 * listener catches up on what it missed meanwhile.
 */
export const postgresListen =
  (connectionString: string): Listen =>
  async (channel, onNotify) => {
    let client: pg.Client | undefined;
    let stopped = false;
    let retryMs = 1000;
    let timer: NodeJS.Timeout | undefined;
    const connect = async () => {
      const next = new pg.Client({ connectionString });
      next.on('notification', (message) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      });
      const lost = () => {
        if (client !== next || stopped) return;
        client = undefined;
        next.end().catch(() => undefined);
        timer = setTimeout(reconnect, retryMs);
        retryMs = Math.min(retryMs * 2, 30_000);
      };
      next.on('error', lost);
      next.on('end', lost);
      await next.connect();
      await next.query(`listen ${pg.escapeIdentifier(channel)}`);
      client = next;
      retryMs = 1000;
    };
    const reconnect = () => {
      connect().then(
        () => onNotify(),
        () => {
          if (stopped) return;
          timer = setTimeout(reconnect, retryMs);
          retryMs = Math.min(retryMs * 2, 30_000);
        },
      );
    };
    await connect();
    return async () => {
      stopped = true;
      clearTimeout(timer);
      await client?.end().catch(() => undefined);
    };
  };

/**
 * Runs `work` in a transaction: the caller's own when `db` already is one (a change and its audit
 * entry commit together), a new one otherwise. Kysely does not nest transactions.
 */
export function withTransaction<DB, T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
