import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * The channel on which a process tells every process that someone's access changed: a session or
 * token ended, or roles, units or sharing groups changed. Each process's live hub then checks the
 * affected event streams again at once, ending those whose sign-in no longer holds, rather than at
 * their next heartbeat.
 */
export const ACCESS_CHANNEL = 'liaison_access';

/** Whose access changed: users, every user of organisations, every member of units. Ids only. */
export interface AccessChange {
  users?: string[];
  organisations?: string[];
  units?: string[];
}

/** What a process heard: the change, or `all` when it may have missed one (or the list was too long). */
export type HeardAccessChange = Required<AccessChange> | 'all';

// NOTIFY payloads stop at 8000 bytes; a longer list becomes "check every stream".
const MAX_PAYLOAD = 7500;

/**
 * Announces that access changed, once the change is committed (call it after the transaction, or
 * inside it: NOTIFY is delivered at commit). Failing to announce leaves the heartbeat to notice.
 */
export async function announceAccessChange(db: Db, change: AccessChange): Promise<void> {
  const payload = JSON.stringify({
    users: change.users ?? [],
    organisations: change.organisations ?? [],
    units: change.units ?? [],
  });
  await sql`select pg_notify(${ACCESS_CHANNEL}, ${payload.length > MAX_PAYLOAD ? 'all' : payload})`.execute(db);
}

const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];

/** Reads a notice; anything unreadable (or none, after a lost connection) means: check every stream. */
export function parseAccessChange(payload: string | undefined): HeardAccessChange {
  if (!payload || payload === 'all') return 'all';
  try {
    const change = JSON.parse(payload) as Record<string, unknown>;
    return { users: ids(change.users), organisations: ids(change.organisations), units: ids(change.units) };
  } catch {
    return 'all';
  }
}
