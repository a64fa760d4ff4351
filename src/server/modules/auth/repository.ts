import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

export interface LoginCandidate {
  id: string;
  organisation_id: string;
  password_hash: string;
  totp_secret_encrypted: string | null;
  totp_last_step: number | null;
}

export async function findActiveUserByEmail(db: Db, email: string): Promise<LoginCandidate | undefined> {
  const result = await sql<LoginCandidate>`
    select u.id, u.organisation_id, u.password_hash, u.totp_secret_encrypted, u.totp_last_step
    from users u join organisations o on o.id = u.organisation_id
    where lower(u.email) = lower(${email}) and u.active and o.active`.execute(db);
  return result.rows[0];
}

/** Marks a matching unused recovery code as used; true when one was found. */
export async function useRecoveryCode(db: Db, userId: string, codeHash: string): Promise<boolean> {
  const result = await sql`update recovery_codes set used_at = now()
    where id = (select id from recovery_codes where user_id = ${userId} and code_hash = ${codeHash} and used_at is null limit 1)`.execute(
    db,
  );
  return Number(result.numAffectedRows ?? 0) > 0;
}

export async function recordLogin(db: Db, userId: string): Promise<void> {
  await sql`update users set last_login_at = now() where id = ${userId}`.execute(db);
}

/** Records the step of an accepted code; false if that step (or a later one) was already used. */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const result = await sql`update users set totp_last_step = ${step}
    where id = ${userId} and (totp_last_step is null or totp_last_step < ${step})`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}
