import { type Selectable, sql } from 'kysely';
import { type Db, withTransaction } from '../../platform/db/database.js';
import type { ApiTokens } from '../../platform/db/schema.js';

export async function passwordHashOf(db: Db, userId: string): Promise<string> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow();
  return row.password_hash;
}

/**
 * A new password ends every other session of the user and revokes all their API tokens: whoever
 * knew the old password (and may have made a token with it) is shut out.
 */
export async function setPassword(db: Db, userId: string, passwordHash: string, keepSessionHash: string | null) {
  return withTransaction(db, async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: sql`now()`, updated_at: sql`now()` })
      .where('id', '=', userId)
      .execute();
    await trx
      .updateTable('sessions')
      .set({ ended_at: sql`now()` })
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .$if(keepSessionHash !== null, (qb) => qb.where('token_hash', '<>', keepSessionHash!))
      .execute();
    const revoked = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: sql`now()` })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return { apiTokensRevoked: Number(revoked.numUpdatedRows) };
  });
}

export async function updateProfile(db: Db, userId: string, changes: { displayName?: string; locale?: string }) {
  await db
    .updateTable('users')
    .set({ display_name: changes.displayName, locale: changes.locale, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

export async function setPendingTotp(db: Db, userId: string, encryptedSecret: string) {
  await db.updateTable('users').set({ totp_pending_encrypted: encryptedSecret }).where('id', '=', userId).execute();
}

export async function pendingTotp(db: Db, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('totp_pending_encrypted').where('id', '=', userId).executeTakeFirst();
  return row?.totp_pending_encrypted ?? null;
}

async function useUpRecoveryCodes(db: Db, userId: string) {
  await db
    .updateTable('recovery_codes')
    .set({ used_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

export async function enableTotp(db: Db, userId: string, encryptedSecret: string, recoveryCodeHashes: string[]) {
  await withTransaction(db, async (trx) => {
    await trx
      .updateTable('users')
      .set({
        totp_secret_encrypted: encryptedSecret,
        totp_pending_encrypted: null,
        totp_enabled_at: sql`now()`,
        updated_at: sql`now()`,
      })
      .where('id', '=', userId)
      .execute();
    await useUpRecoveryCodes(trx, userId);
    if (recoveryCodeHashes.length > 0) {
      await trx
        .insertInto('recovery_codes')
        .values(recoveryCodeHashes.map((hash) => ({ user_id: userId, code_hash: hash })))
        .execute();
    }
  });
}

export async function disableTotp(db: Db, userId: string) {
  await withTransaction(db, async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_secret_encrypted: null, totp_pending_encrypted: null, totp_enabled_at: null, updated_at: sql`now()` })
      .where('id', '=', userId)
      .execute();
    await useUpRecoveryCodes(trx, userId);
  });
}

export interface ApiToken {
  id: string;
  name: string;
  roles: string[];
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

const tokenColumns = ['id', 'name', 'roles', 'created_at', 'expires_at', 'revoked_at', 'last_used_at'] as const;

const toApiToken = (row: Pick<Selectable<ApiTokens>, (typeof tokenColumns)[number]>): ApiToken => ({
  id: row.id,
  name: row.name,
  roles: row.roles,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  lastUsedAt: row.last_used_at,
});

export async function listTokens(db: Db, userId: string): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(tokenColumns)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toApiToken);
}

export async function insertToken(
  db: Db,
  input: { userId: string; name: string; tokenHash: string; roles: string[]; expiresInDays: number },
): Promise<ApiToken> {
  const row = await db
    .insertInto('api_tokens')
    .values({
      user_id: input.userId,
      name: input.name,
      token_hash: input.tokenHash,
      roles: input.roles,
      expires_at: sql`now() + make_interval(days => ${input.expiresInDays})`,
    })
    .returning(tokenColumns)
    .executeTakeFirstOrThrow();
  return toApiToken(row);
}

/** True when the user's own, not yet revoked token was revoked now. */
export async function revokeToken(db: Db, userId: string, tokenId: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function tokenBelongsTo(db: Db, userId: string, tokenId: string): Promise<boolean> {
  const row = await db
    .selectFrom('api_tokens')
    .select('id')
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}
