import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** Stored replies are kept this long; a retry after that runs again. */
export const KEEP_HOURS = 24;
/** A first request still "running" after this long died with its process: its key may be claimed again. */
export const ABANDONED_MINUTES = 10;

export interface KeyClaim {
  userId: string;
  key: string;
  method: string;
  url: string;
  requestHash: string;
}

export interface StoredKey {
  method: string;
  url: string;
  request_hash: string;
  /** Null while the first request is still running. */
  response_status: number | null;
  response_type: string | null;
  /** Encrypted (see idempotency.ts). */
  response_body: string | null;
}

/** Claims the key for this request; false when the user's key is already taken (and not expired or abandoned). */
export async function claimKey(db: Db, claim: KeyClaim): Promise<boolean> {
  const result = await sql`
    insert into idempotency_keys (user_id, key, method, url, request_hash)
    values (${claim.userId}, ${claim.key}, ${claim.method}, ${claim.url}, ${claim.requestHash})
    on conflict (user_id, key) do update set method = excluded.method, url = excluded.url,
      request_hash = excluded.request_hash, response_status = null, response_type = null, response_body = null,
      created_at = now()
    where idempotency_keys.created_at < now() - make_interval(hours => ${KEEP_HOURS})
      or (idempotency_keys.response_status is null
        and idempotency_keys.created_at < now() - make_interval(mins => ${ABANDONED_MINUTES}))
    returning 1 as claimed`.execute(db);
  return result.rows.length > 0;
}

export async function findKey(db: Db, userId: string, key: string): Promise<StoredKey | undefined> {
  const result = await sql<StoredKey>`
    select method, url, request_hash, response_status, response_type, response_body
    from idempotency_keys where user_id = ${userId} and key = ${key}`.execute(db);
  return result.rows[0];
}

export async function storeReply(
  db: Db,
  userId: string,
  key: string,
  reply: { status: number; type: string | null; body: string | null },
): Promise<void> {
  await sql`update idempotency_keys set response_status = ${reply.status}, response_type = ${reply.type},
    response_body = ${reply.body} where user_id = ${userId} and key = ${key}`.execute(db);
}

/** Gives the key up (the request failed on the server's side), so a retry runs again. */
export async function releaseKey(db: Db, userId: string, key: string): Promise<void> {
  await sql`delete from idempotency_keys where user_id = ${userId} and key = ${key}`.execute(db);
}

export async function purgeExpired(db: Db): Promise<void> {
  await sql`delete from idempotency_keys where created_at < now() - make_interval(hours => ${KEEP_HOURS})`.execute(db);
}
