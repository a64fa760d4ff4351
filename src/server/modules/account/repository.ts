import { sql } from 'kysely';
import { type Db, withTransaction } from '../../platform/db/database.js';

export async function passwordHashOf(db: Db, userId: string): Promise<string> {
  const result = await sql<{ password_hash: string }>`select password_hash from users where id = ${userId}`.execute(db);
  return result.rows[0].password_hash;
}

/**
 * A new password ends every other session of the user and revokes all their API tokens: whoever
 * knew the old password (and may have made a token with it) is shut out.
 */
export async function setPassword(db: Db, userId: string, passwordHash: string, keepSessionHash: string | null) {
  return withTransaction(db, async (trx) => {
    await sql`update users set password_hash = ${passwordHash}, password_changed_at = now(), updated_at = now()
      where id = ${userId}`.execute(trx);
    await sql`update sessions set ended_at = now()
      where user_id = ${userId} and ended_at is null and token_hash is distinct from ${keepSessionHash}`.execute(trx);
    const revoked = await sql`update api_tokens set revoked_at = now()
      where user_id = ${userId} and revoked_at is null`.execute(trx);
    return { apiTokensRevoked: Number(revoked.numAffectedRows ?? 0) };
  });
}

export async function updateProfile(db: Db, userId: string, changes: { displayName?: string; locale?: string }) {
  await sql`update users set display_name = coalesce(${changes.displayName ?? null}, display_name),
    locale = coalesce(${changes.locale ?? null}, locale), updated_at = now() where id = ${userId}`.execute(db);
}

export async function setPendingTotp(db: Db, userId: string, encryptedSecret: string) {
  await sql`update users set totp_pending_encrypted = ${encryptedSecret} where id = ${userId}`.execute(db);
}

export async function pendingTotp(db: Db, userId: string): Promise<string | null> {
  const result = await sql<{ totp_pending_encrypted: string | null }>`
    select totp_pending_encrypted from users where id = ${userId}`.execute(db);
  return result.rows[0]?.totp_pending_encrypted ?? null;
}

export async function enableTotp(db: Db, userId: string, encryptedSecret: string, recoveryCodeHashes: string[]) {
  await withTransaction(db, async (trx) => {
    await sql`update users set totp_secret_encrypted = ${encryptedSecret}, totp_pending_encrypted = null,
      totp_enabled_at = now(), updated_at = now() where id = ${userId}`.execute(trx);
    await sql`update recovery_codes set used_at = now() where user_id = ${userId} and used_at is null`.execute(trx);
    for (const hash of recoveryCodeHashes) {
      await sql`insert into recovery_codes (user_id, code_hash) values (${userId}, ${hash})`.execute(trx);
    }
  });
}

export async function disableTotp(db: Db, userId: string) {
  await withTransaction(db, async (trx) => {
    await sql`update users set totp_secret_encrypted = null, totp_pending_encrypted = null, totp_enabled_at = null,
      updated_at = now() where id = ${userId}`.execute(trx);
    await sql`update recovery_codes set used_at = now() where user_id = ${userId} and used_at is null`.execute(trx);
  });
}

export interface TokenRow {
  id: string;
  name: string;
  roles: string[];
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

export async function listTokens(db: Db, userId: string): Promise<TokenRow[]> {
  const result = await sql<TokenRow>`select id, name, roles, created_at, expires_at, revoked_at, last_used_at
    from api_tokens where user_id = ${userId} order by created_at desc`.execute(db);
  return result.rows;
}

export async function insertToken(
  db: Db,
  input: { userId: string; name: string; tokenHash: string; roles: string[]; expiresInDays: number },
): Promise<TokenRow> {
  const result = await sql<TokenRow>`insert into api_tokens (user_id, name, token_hash, roles, expires_at)
    values (${input.userId}, ${input.name}, ${input.tokenHash}, ${input.roles}::text[],
      now() + make_interval(days => ${input.expiresInDays}))
    returning id, name, roles, created_at, expires_at, revoked_at, last_used_at`.execute(db);
  return result.rows[0];
}

/** True when the user's own, not yet revoked token was revoked now. */
export async function revokeToken(db: Db, userId: string, tokenId: string): Promise<boolean> {
  const result = await sql`update api_tokens set revoked_at = now()
    where id = ${tokenId} and user_id = ${userId} and revoked_at is null`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export async function tokenBelongsTo(db: Db, userId: string, tokenId: string): Promise<boolean> {
  const result = await sql`select 1 from api_tokens where id = ${tokenId} and user_id = ${userId}`.execute(db);
  return result.rows.length > 0;
}
