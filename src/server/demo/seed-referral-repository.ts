import { sql } from 'kysely';
import type { Actor } from '../platform/auth/actor.js';
import { actorOfUser } from '../platform/auth/actor-of-user.js';
import type { Db } from '../platform/db/database.js';

/**
 * The referral demo's own reads and writes. Cases, screenings, consents and referrals are made by
 * their services, as their people would make them; this file only finds who and where they are, and
 * moves the times of what was just made back to when the demo story says it happened.
 */

export async function organisationIdByAcronym(db: Db, acronym: string): Promise<string | undefined> {
  const row = await db.selectFrom('organisations').select('id').where('acronym', '=', acronym).executeTakeFirst();
  return row?.id;
}

export async function unitIdByName(db: Db, organisationId: string, name: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('units')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.id;
}

export async function userExists(db: Db, email: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return row !== undefined;
}

/** Whether the organisations hold any case: the referral demo is then in place (or theirs to keep). */
export async function organisationsHoldCases(db: Db, organisationIds: string[]): Promise<boolean> {
  if (organisationIds.length === 0) return false;
  const row = await db
    .selectFrom('cases')
    .select('id')
    .where('owner_organisation_id', 'in', organisationIds)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function providerExists(db: Db, name: string): Promise<boolean> {
  const row = await db.selectFrom('service_providers').select('id').where('name', '=', name).executeTakeFirst();
  return row !== undefined;
}

/** The active provider of the directory whose name holds `fragment` (the first by name). */
export async function providerIdByName(db: Db, fragment: string): Promise<string> {
  const row = await db
    .selectFrom('service_providers')
    .select('id')
    .where('active', '=', true)
    .where('name', 'ilike', `%${fragment}%`)
    .orderBy('name')
    .executeTakeFirst();
  if (!row) throw new Error(`referral demo: no active provider named like "${fragment}"`);
  return row.id;
}

export async function caseRevision(db: Db, caseId: string): Promise<number> {
  const row = await db.selectFrom('cases').select('revision').where('id', '=', caseId).executeTakeFirstOrThrow();
  return row.revision;
}

/** The partner unit's own copy of the case a transnational referral made; null for a service referral. */
export async function receivedCaseOf(db: Db, referralId: string): Promise<string | null> {
  const row = await db.selectFrom('referrals').select('received_case_id').where('id', '=', referralId).executeTakeFirstOrThrow();
  return row.received_case_id;
}

/** A demo person as a signed-in actor (as `resolve_actor` reads one, without a session); null when gone. */
export const demoActor = (db: Db, email: string): Promise<Actor | null> => actorOfUser(db, { email }, 'demo-seed');

/**
 * Moves a freshly made case and everything about it (its history, screenings, consents,
 * best-interests steps, referrals and their history) back by `shiftMs`, so the demo's cases look
 * opened over the past months. Only rows of this case move; the gaps between them stay.
 */
export async function backdateCase(db: Db, caseId: string, shiftMs: number): Promise<void> {
  const shift = sql`make_interval(secs => ${shiftMs / 1000})`;
  await sql`update cases set created_at = created_at - ${shift}, updated_at = updated_at - ${shift},
      closed_at = closed_at - ${shift}, pseudonymised_at = pseudonymised_at - ${shift}
    where id = ${caseId}`.execute(db);
  await sql`update case_events set at = at - ${shift} where case_id = ${caseId}`.execute(db);
  await sql`update case_screenings set screened_at = screened_at - ${shift} where case_id = ${caseId}`.execute(db);
  await sql`update case_consents set given_at = given_at - ${shift}, recorded_at = recorded_at - ${shift},
      withdrawn_at = withdrawn_at - ${shift} where case_id = ${caseId}`.execute(db);
  await sql`update case_best_interests_steps set recorded_at = recorded_at - ${shift} where case_id = ${caseId}`.execute(db);
  await sql`update referral_events set at = at - ${shift}
    where referral_id in (select id from referrals where case_id = ${caseId})`.execute(db);
  await sql`update referrals set created_at = created_at - ${shift}, updated_at = updated_at - ${shift},
      respond_by = respond_by - ${shift}, sharing_stopped_at = sharing_stopped_at - ${shift}
    where case_id = ${caseId}`.execute(db);
}
