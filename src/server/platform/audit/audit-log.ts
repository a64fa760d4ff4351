import { sql } from 'kysely';
import { sha256Hex } from '../crypto.js';
import type { Db } from '../db/database.js';
import { GroupCommit } from './group-commit.js';

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  actorUserId?: string | null;
  actorOrganisationId?: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome: AuditOutcome;
  ip?: string | null;
  requestId?: string | null;
  /** Never personal data or secrets: ids, changed field names, reasons. */
  details?: Record<string, unknown>;
}

interface AuditRow {
  id: number;
  at: Date;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  ip: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
// Serialises appends so each row links to the one before it, across processes on PostgreSQL.
const AUDIT_CHAIN_LOCK = 4_242_002;

/** JSON with object keys sorted, so the same content always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function rowHash(prevHash: string, row: Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>): string {
  const canonical = canonicalJson([
    row.at.toISOString(),
    row.actor_user_id,
    row.actor_organisation_id,
    row.action,
    row.target_type,
    row.target_id,
    row.outcome,
    row.ip,
    row.request_id,
    row.details,
  ]);
  return sha256Hex(`${prevHash}\n${canonical}`);
}

export async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
  await appendAuditBatch(db, [entry]);
}

const groupCommits = new WeakMap<Db, GroupCommit<AuditEntry>>();

/**
 * Appends several entries in their own transaction, chained in order: a list page that shows thirty
 * restricted records writes thirty entries at the cost of one statement, and concurrent callers
 * share one transaction (group commit). Resolves once the entries are committed. For reads and
 * refusals; a change is audited with `appendAuditInTransaction`, inside its own transaction.
 */
export async function appendAuditBatch(db: Db, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  let group = groupCommits.get(db);
  if (!group) {
    group = new GroupCommit((batch) => db.transaction().execute((trx) => appendAuditInTransaction(trx, batch)));
    groupCommits.set(db, group);
  }
  await group.append(entries);
}

/**
 * Appends entries inside the caller's transaction, so the change and its audit rows commit or fail
 * together: an audit row that cannot be written undoes the change. The chain lock is held until
 * that transaction ends, so call this last, after the change's own statements (a lock taken early
 * would serialise every write of the platform for the whole transaction).
 */
export async function appendAuditInTransaction(db: Db, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (!db.isTransaction) return appendAuditBatch(db, entries);
  const trx = db;
  const at = new Date();
  const rows = entries.map((entry) => ({
    at,
    actor_user_id: entry.actorUserId ?? null,
    actor_organisation_id: entry.actorOrganisationId ?? null,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    outcome: entry.outcome,
    ip: entry.ip ?? null,
    request_id: entry.requestId ?? null,
    details: JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown>,
  }));
  // Under READ COMMITTED each statement sees what committed before it: once the lock is ours, the
  // last row read is the true head of the chain, whichever process wrote it.
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  const last = await sql<{ hash: string }>`select hash from audit_log order by id desc limit 1`.execute(trx);
  let prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
  const values = rows.map((row) => {
    const hash = rowHash(prevHash, row);
    const value = sql`(${row.at}, ${row.actor_user_id}, ${row.actor_organisation_id}, ${row.action}, ${row.target_type},
      ${row.target_id}, ${row.outcome}, ${row.ip}, ${row.request_id}, ${JSON.stringify(row.details)}::jsonb,
      ${prevHash}, ${hash})`;
    prevHash = hash;
    return value;
  });
  // Ids follow the order of the values list, so the chain reads in id order.
  await sql`insert into audit_log (at, actor_user_id, actor_organisation_id, action, target_type, target_id,
      outcome, ip, request_id, details, prev_hash, hash)
    values ${sql.join(values)}`.execute(trx);
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBadId?: number;
  reason?: string;
}

/** Walks the chain in order; the first row whose link or content does not match is named. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const batch = await sql<AuditRow>`select * from audit_log where id > ${lastId} order by id limit ${batchSize}`.execute(db);
    for (const row of batch.rows) {
      if (row.prev_hash !== prevHash) {
        return { ok: false, checked, firstBadId: row.id, reason: 'link to the previous row is broken' };
      }
      if (rowHash(prevHash, row) !== row.hash) {
        return { ok: false, checked, firstBadId: row.id, reason: 'row content does not match its hash' };
      }
      prevHash = row.hash;
      lastId = row.id;
      checked++;
    }
    if (batch.rows.length < batchSize) return { ok: true, checked };
  }
}

export interface AuditQuery {
  actorUserId?: string;
  actorOrganisationId?: string;
  limit: number;
  beforeId?: number;
}

export async function listAudit(db: Db, query: AuditQuery) {
  const rows = await sql<AuditRow>`select * from audit_log
    where (${query.actorUserId ?? null}::uuid is null or actor_user_id = ${query.actorUserId ?? null}::uuid)
      and (${query.actorOrganisationId ?? null}::uuid is null or actor_organisation_id = ${query.actorOrganisationId ?? null}::uuid)
      and (${query.beforeId ?? null}::bigint is null or id < ${query.beforeId ?? null}::bigint)
    order by id desc limit ${query.limit}`.execute(db);
  return rows.rows.map((row) => ({
    /** The row's place in the global chain: never published as is (see administration/audit-service.ts). */
    position: Number(row.id),
    at: row.at.toISOString(),
    actorUserId: row.actor_user_id,
    actorOrganisationId: row.actor_organisation_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    outcome: row.outcome,
    ip: row.ip,
    requestId: row.request_id,
    details: row.details,
  }));
}
