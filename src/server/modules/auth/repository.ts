import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

export interface LoginCandidate {
  id: string;
  organisationId: string;
  passwordHash: string;
  totpSecretEncrypted: string | null;
  totpLastStep: number | null;
}

export async function findActiveUserByEmail(db: Db, email: string): Promise<LoginCandidate | undefined> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.organisation_id', 'u.password_hash', 'u.totp_secret_encrypted', 'u.totp_last_step'])
    .where((eb) => eb(eb.fn('lower', ['u.email']), '=', eb.fn('lower', [eb.val(email)])))
    .where('u.active', '=', true)
    .where('o.active', '=', true)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      organisationId: row.organisation_id,
      passwordHash: row.password_hash,
      totpSecretEncrypted: row.totp_secret_encrypted,
      totpLastStep: row.totp_last_step,
    }
  );
}

/** Marks a matching unused recovery code as used; true when one was found. */
export async function useRecoveryCode(db: Db, userId: string, codeHash: string): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: sql`now()` })
    .where('id', '=', (eb) =>
      eb
        .selectFrom('recovery_codes')
        .select('id')
        .where('user_id', '=', userId)
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .limit(1),
    )
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function recordLogin(db: Db, userId: string): Promise<void> {
  await db.updateTable('users').set({ last_login_at: sql`now()` }).where('id', '=', userId).execute();
}

/** Records the step of an accepted code; false if that step (or a later one) was already used. */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
