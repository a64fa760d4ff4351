import { type RawBuilder, sql } from 'kysely';
import { appendAuditInTransaction } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import type { PersonalDataKeys } from './keyring.js';

/**
 * Every column that holds personal data encrypted under the data keys (`<key id>:v1:…`), by table;
 * each table has a uuid `id`. A module that adds such a column registers it here
 * (`registerEncryptedColumns`), so a rotation re-encrypts it and `keys status` counts it.
 */
const REGISTRY = new Map<string, string[]>([
  [
    'cases',
    [
      'given_names_enc',
      'family_name_enc',
      'date_of_birth_enc',
      'sex_enc',
      'nationality_enc',
      'languages_enc',
      'contact_enc',
      'place_found_enc',
      'notes_enc',
    ],
  ],
  ['case_screenings', ['notes_enc']],
  ['case_best_interests_steps', ['notes_enc']],
]);

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Adds encrypted columns of a table to the registry (idempotent). */
export function registerEncryptedColumns(table: string, columns: readonly string[]): void {
  if (![table, ...columns].every((name) => IDENTIFIER.test(name))) throw new Error(`not a plain identifier: ${table}`);
  const known = REGISTRY.get(table) ?? [];
  REGISTRY.set(table, [...new Set([...known, ...columns])]);
}

/** The registry as it stands: table → encrypted columns. */
export const encryptedColumns = (): ReadonlyMap<string, readonly string[]> => REGISTRY;

export interface RotateOptions {
  /** Rows re-encrypted per transaction. */
  batchSize?: number;
  /** Stop (unfinished) after this many batches: the rotation continues at the next run. */
  stopAfterBatches?: number;
}

export interface RotationResult {
  keyId: string;
  /** Whether this run continued a rotation an earlier run left unfinished. */
  continued: boolean;
  batches: number;
  /** Values re-encrypted by this run. */
  values: number;
  finished: boolean;
  /** Keys retired by this run (no value uses them any more). */
  retired: string[];
}

interface KeyRow {
  id: string;
  rotation_finished_at: Date | null;
  retired_at: Date | null;
}

const keyOf = (column: string) => sql`split_part(${sql.ref(column)}, ':', 1)`;

/** Values per key id over every registered column. */
export async function valuesPerKey(db: Db): Promise<Map<string, number>> {
  const parts: RawBuilder<unknown>[] = [];
  for (const [table, columns] of REGISTRY)
    for (const column of columns)
      parts.push(sql`select ${keyOf(column)} as key_id from ${sql.table(table)} where ${sql.ref(column)} is not null`);
  const { rows } = await sql<{ key_id: string; n: number }>`select key_id, count(*)::int as n
    from (${sql.join(parts, sql` union all `)}) v group by key_id`.execute(db);
  return new Map(rows.map((row) => [row.key_id, row.n]));
}

/** Re-encrypts one batch of a table's rows that still hold a value under another key than `keyId`. */
async function rotateBatch(db: Db, keys: PersonalDataKeys, table: string, keyId: string, batchSize: number) {
  const columns = REGISTRY.get(table) as string[];
  const stale = sql.join(
    columns.map((column) => sql`(${sql.ref(column)} is not null and ${keyOf(column)} <> ${keyId})`),
    sql` or `,
  );
  return db.transaction().execute(async (trx) => {
    // Skip rows a change holds: they are taken by a later batch or the next run.
    const { rows } = await sql<Record<string, string | null>>`select id, ${sql.join(columns.map((c) => sql.ref(c)))}
      from ${sql.table(table)} where ${stale} order by id limit ${batchSize} for update skip locked`.execute(trx);
    let values = 0;
    for (const row of rows) {
      const changes: RawBuilder<unknown>[] = [];
      for (const column of columns) {
        const stored = row[column];
        if (stored === null || stored.startsWith(`${keyId}:`)) continue;
        const again = await keys.encrypt(await keys.decrypt(stored));
        if (!again.startsWith(`${keyId}:`)) throw new Error('the active personal data key changed during the rotation');
        changes.push(sql`${sql.ref(column)} = ${again}`);
        values += 1;
      }
      if (changes.length > 0) await sql`update ${sql.table(table)} set ${sql.join(changes)} where id = ${row.id}`.execute(trx);
    }
    return { rows: rows.length, values };
  });
}

/**
 * Rotates the personal data keys: adds a key (or continues the rotation an interrupted run left,
 * recognised by its newest key having no `rotation_finished_at` while older keys still hold
 * values), re-encrypts every registered value under it in batches (each batch one transaction),
 * then marks the rotation finished and retires the keys no value uses. Safe to interrupt and run
 * again; values stay readable throughout, since every key decrypts.
 */
export async function rotate(db: Db, keys: PersonalDataKeys, options: RotateOptions = {}): Promise<RotationResult> {
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const ring = await db
    .selectFrom('data_keys')
    .select(['id', 'rotation_finished_at', 'retired_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const newest = ring.find((key) => key.retired_at === null) as KeyRow | undefined;
  const perKey = await valuesPerKey(db);
  const olderInUse = [...perKey.keys()].some((id) => id !== newest?.id);
  const continued = newest !== undefined && newest.rotation_finished_at === null && olderInUse;
  const keyId = continued ? (newest as KeyRow).id : await keys.addKey();
  await keys.reload();
  if ((await keys.activeKeyId()) !== keyId) throw new Error('the newest personal data key is not the active one');

  const result: RotationResult = { keyId, continued, batches: 0, values: 0, finished: false, retired: [] };
  const budgetLeft = () => options.stopAfterBatches === undefined || result.batches < options.stopAfterBatches;
  for (const table of REGISTRY.keys()) {
    while (budgetLeft()) {
      const batch = await rotateBatch(db, keys, table, keyId, batchSize);
      if (batch.rows === 0) break;
      result.batches += 1;
      result.values += batch.values;
    }
  }
  if (!budgetLeft()) return result;

  await db.transaction().execute(async (trx) => {
    // Rows skipped while locked, or written meanwhile under a key a process had not yet reloaded,
    // keep their key in use: the rotation then stays open for the next run.
    const remaining = await valuesPerKey(trx);
    if ([...remaining.keys()].some((id) => id !== keyId)) return;
    await trx.updateTable('data_keys').set({ rotation_finished_at: sql`now()` }).where('id', '=', keyId).execute();
    const retired = await trx
      .updateTable('data_keys')
      .set({ retired_at: sql`now()` })
      .where('id', '<>', keyId)
      .where('retired_at', 'is', null)
      .returning('id')
      .execute();
    result.finished = true;
    result.retired = retired.map((row) => row.id);
    await appendAuditInTransaction(trx, [
      {
        action: 'personal-data.keys.rotate',
        targetType: 'data_key',
        targetId: keyId,
        outcome: 'success',
        details: { continued, batches: result.batches, values: result.values, retired: result.retired },
      },
    ]);
  });
  return result;
}

export interface KeyStatus {
  id: string;
  createdAt: Date;
  rotationFinishedAt: Date | null;
  retiredAt: Date | null;
  /** Encrypted values under this key, over every registered column. */
  values: number;
}

/** Each data key, oldest first, with how many values it encrypts. */
export async function keyStatus(db: Db): Promise<KeyStatus[]> {
  const ring = await db
    .selectFrom('data_keys')
    .select(['id', 'created_at', 'rotation_finished_at', 'retired_at'])
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  const perKey = await valuesPerKey(db);
  return ring.map((key) => ({
    id: key.id,
    createdAt: new Date(key.created_at as unknown as string),
    rotationFinishedAt: key.rotation_finished_at ? new Date(key.rotation_finished_at as unknown as string) : null,
    retiredAt: key.retired_at ? new Date(key.retired_at as unknown as string) : null,
    values: perKey.get(key.id) ?? 0,
  }));
}
