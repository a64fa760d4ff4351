import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './database.js';

/** Same depth from src/ and from dist/, so both find the repository's migrations folder. */
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../migrations');

// An arbitrary constant shared by every process that migrates this database.
const MIGRATION_LOCK = 4_242_001;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file,
        sql: text,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    });
}

/**
 * Applies pending migrations in order, each in its own transaction under an advisory lock, so two
 * processes starting together apply each migration once. A landed migration that was edited stops
 * the start: migrations are never edited once applied.
 */
export async function migrate(db: Db, migrations = readMigrations()): Promise<string[]> {
  const applied: string[] = [];
  for (const migration of migrations) {
    const didApply = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
      await sql`create table if not exists schema_migrations (
        version integer primary key, name text not null, checksum text not null,
        applied_at timestamptz not null default now())`.execute(trx);
      const existing = await sql<{ checksum: string }>`
        select checksum from schema_migrations where version = ${migration.version}`.execute(trx);
      if (existing.rows.length > 0) {
        if (existing.rows[0].checksum !== migration.checksum) {
          throw new Error(`migration ${migration.name} was changed after it was applied`);
        }
        return false;
      }
      await sql.raw(migration.sql).execute(trx);
      await sql`insert into schema_migrations (version, name, checksum)
        values (${migration.version}, ${migration.name}, ${migration.checksum})`.execute(trx);
      return true;
    });
    if (didApply) applied.push(migration.name);
  }
  return applied;
}

/** True when every migration in the repository has been applied (for /readyz). */
export async function migrationsApplied(db: Db, migrations = readMigrations()): Promise<boolean> {
  const result = await sql<{ count: number }>`
    select count(*)::int as count from schema_migrations`.execute(db);
  return result.rows[0].count >= migrations.length;
}
