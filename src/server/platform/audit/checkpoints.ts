import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * Anchors of the audit chain kept outside the database. The chain proves that no row was changed
 * or removed in its middle, but not that its last rows were not removed: whoever can delete rows
 * can delete the newest ones and leave a shorter, intact chain. A checkpoint records the head (last
 * id, its hash and the number of rows up to it) in a file of the data directory and in the log;
 * `liaison audit verify` then checks that the chain still reaches that head.
 */
export interface AuditCheckpoint {
  at: string;
  lastId: number;
  hash: string;
  count: number;
}

export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';
export const checkpointPath = (dataDir: string) => path.join(dataDir, CHECKPOINT_FILE);

export async function auditHead(db: Db): Promise<Omit<AuditCheckpoint, 'at'> | null> {
  const head = await sql<{ id: number; hash: string; count: number }>`
    select id, hash, (select count(*)::int from audit_log) as count from audit_log order by id desc limit 1`.execute(db);
  const row = head.rows[0];
  return row ? { lastId: Number(row.id), hash: row.hash, count: row.count } : null;
}

/** Appends a checkpoint of the current head unless it is the one already recorded last. */
export async function writeCheckpoint(db: Db, file: string): Promise<AuditCheckpoint | null> {
  const head = await auditHead(db);
  if (!head) return null;
  const latest = readLatestCheckpoint(file);
  if (latest && latest.lastId === head.lastId && latest.hash === head.hash) return null;
  const checkpoint: AuditCheckpoint = { at: new Date().toISOString(), ...head };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // One line per checkpoint, appended and flushed: an earlier anchor is never rewritten.
  fs.appendFileSync(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  return checkpoint;
}

export function readLatestCheckpoint(file: string): AuditCheckpoint | null {
  if (!fs.existsSync(file)) return null;
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i--) {
    try {
      const parsed = JSON.parse(lines[i]) as AuditCheckpoint;
      if (typeof parsed.lastId === 'number' && typeof parsed.hash === 'string' && typeof parsed.count === 'number') return parsed;
    } catch {
      // A line cut by a crash mid-write: the one before it still anchors the chain.
    }
  }
  return null;
}

/** Why the chain no longer reaches the checkpoint's head, or null when it does. */
export async function checkAgainstCheckpoint(db: Db, checkpoint: AuditCheckpoint): Promise<string | null> {
  const found = await sql<{ hash: string | null; count: number }>`
    select (select hash from audit_log where id = ${checkpoint.lastId}) as hash,
      (select count(*)::int from audit_log where id <= ${checkpoint.lastId}) as count`.execute(db);
  const { hash, count } = found.rows[0];
  if (hash === null) {
    return `row ${checkpoint.lastId}, the head recorded at ${checkpoint.at}, is missing: rows were removed from the end`;
  }
  if (hash !== checkpoint.hash) return `row ${checkpoint.lastId} no longer has the hash recorded at ${checkpoint.at}`;
  if (count !== checkpoint.count) {
    return `${checkpoint.count} rows up to row ${checkpoint.lastId} were recorded at ${checkpoint.at}, ${count} remain`;
  }
  return null;
}
