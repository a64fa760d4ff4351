import { sql } from 'kysely';
import { CASE_TYPES, RETENTION_MONTHS } from '../../../../shared/referral/vocabulary.js';
import type { Db } from '../../../platform/db/database.js';
import { encryptedColumns } from '../../../platform/personal-data/rotation.js';

/**
 * Personal columns of a case: every one is erased when its retention period is over. They are the
 * case's encrypted columns, as the key rotation registers them, so a column added there is erased too.
 */
const personalColumns = () => encryptedColumns().get('cases') ?? [];

/** Closed cases whose retention period (RETENTION_MONTHS of their type, from closure) is over, not yet pseudonymised. */
export async function dueCases(db: Db, now: Date, limit: number): Promise<{ id: string; caseType: string }[]> {
  const expired = CASE_TYPES.map(
    (type) =>
      sql`(case_type = ${type} and closed_at + ${RETENTION_MONTHS[type]}::int * interval '1 month' <= ${now.toISOString()}::timestamptz)`,
  );
  const { rows } = await sql<{ id: string; case_type: string }>`
    select id, case_type from cases
     where status = 'closed' and pseudonymised_at is null and (${sql.join(expired, sql` or `)})
     order by closed_at, id limit ${limit}`.execute(db);
  return rows.map((row) => ({ id: row.id, caseType: row.case_type }));
}

/**
 * Erases the personal fields of these cases (inside the caller's transaction): the case's encrypted
 * columns, its screenings' and best-interests steps' notes, its blind-index tokens; marks it
 * pseudonymised and records the event. A case already pseudonymised is left as it is.
 */
export async function pseudonymise(trx: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const erased = sql.join(personalColumns().map((column) => sql`${sql.ref(column)} = null`));
  const { rows } = await sql<{ id: string }>`
    update cases set ${erased}, pseudonymised_at = now(), updated_at = now(), revision = revision + 1
     where id = any(${ids}::uuid[]) and pseudonymised_at is null returning id`.execute(trx);
  const done = rows.map((row) => row.id);
  if (done.length === 0) return [];
  await sql`update case_screenings set notes_enc = null where case_id = any(${done}::uuid[]) and notes_enc is not null`.execute(
    trx,
  );
  await sql`update case_best_interests_steps set notes_enc = null where case_id = any(${done}::uuid[]) and notes_enc is not null`.execute(
    trx,
  );
  await sql`delete from case_search_tokens where case_id = any(${done}::uuid[])`.execute(trx);
  await sql`insert into case_events (case_id, event, fields)
    select id, 'pseudonymised', ${['givenNames', 'familyName', 'dateOfBirth', 'sex', 'nationality', 'languages', 'contact', 'placeFound', 'notes']}::text[]
      from unnest(${done}::uuid[]) as id`.execute(trx);
  return done;
}

export async function startRun(db: Db): Promise<number> {
  const { rows } = await sql<{ id: string }>`insert into retention_runs default values returning id`.execute(db);
  return Number(rows[0].id);
}

export async function finishRun(db: Db, id: number, pseudonymised: number, details: Record<string, unknown>): Promise<void> {
  await sql`update retention_runs set finished_at = now(), pseudonymised = ${pseudonymised}, details = ${JSON.stringify(details)}::jsonb
    where id = ${id}`.execute(db);
}

/** Whether a retention job waits or runs (other than `exceptId`, the run in progress). */
export async function hasWaitingRun(db: Db, kind: string, exceptId: string | null): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`select id from jobs where kind = ${kind} and status in ('queued', 'running')
    and id <> coalesce(${exceptId}::uuid, '00000000-0000-0000-0000-000000000000'::uuid) limit 1`.execute(db);
  return rows.length > 0;
}
