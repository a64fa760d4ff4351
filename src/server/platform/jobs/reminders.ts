import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * Reminders sent by jobs (follow-up tasks, referral deadlines) are claimed in `followup_reminders`
 * (a table of any module, named for its first user) in the transaction that sends them, so a job that
 * runs again (a retry, a restart) sends nothing twice.
 */
/** True when this (subject, kind) had not been reminded yet and now is, in the caller's transaction. */
export async function claimReminder(db: Db, subjectId: string, kind: string): Promise<boolean> {
  const result = await sql<{ subject_id: string }>`insert into followup_reminders (subject_id, kind)
    values (${subjectId}, ${kind}) on conflict do nothing returning subject_id`.execute(db);
  return result.rows.length > 0;
}
