import { sql } from 'kysely';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import type { SharedRecordAccess, Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import type { EventType } from '../../../platform/events/record.js';
import { accessOfRow, visibleTo } from '../../../platform/policy/visibility-filter.js';
import type { RecordDetails } from './compose.js';
import type { Candidate, NoticeEvent } from './recipients.js';

// ---- Preferences

/** A user's e-mail notice settings (all off when they never saved any), with the address mailed. */
export interface NoticePreferences {
  email: string;
  emailEnabled: boolean;
  newMessages: boolean;
  rfiChanges: boolean;
  alerts: boolean;
}

export async function findPreferences(db: Db, userId: string): Promise<NoticePreferences | undefined> {
  const row = await db
    .selectFrom('users as u')
    .leftJoin('notice_preferences as p', 'p.user_id', 'u.id')
    .select((eb) => [
      'u.email',
      eb.fn.coalesce('p.email_enabled', eb.val(false)).as('email_enabled'),
      eb.fn.coalesce('p.new_messages', eb.val(false)).as('new_messages'),
      eb.fn.coalesce('p.rfi_changes', eb.val(false)).as('rfi_changes'),
      eb.fn.coalesce('p.alerts', eb.val(false)).as('alerts'),
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  return (
    row && {
      email: row.email,
      emailEnabled: row.email_enabled,
      newMessages: row.new_messages,
      rfiChanges: row.rfi_changes,
      alerts: row.alerts,
    }
  );
}

export async function savePreferences(
  db: Db,
  userId: string,
  p: { emailEnabled: boolean; newMessages: boolean; rfiChanges: boolean; alerts: boolean },
): Promise<void> {
  const settings = { email_enabled: p.emailEnabled, new_messages: p.newMessages, rfi_changes: p.rfiChanges, alerts: p.alerts };
  await db
    .insertInto('notice_preferences')
    .values({ user_id: userId, ...settings })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...settings, updated_at: sql`now()` }))
    .execute();
}

// ---- Events and who is mailed about them

/** The sweep's position, locked until its transaction commits: one sweep at a time across processes. */
export async function lockCursor(db: Db): Promise<number> {
  const row = await db.selectFrom('notice_cursor').select('last_seq').forUpdate().executeTakeFirst();
  return row?.last_seq ?? 0;
}

export async function advanceCursor(db: Db, seq: number): Promise<void> {
  await db.updateTable('notice_cursor').set({ last_seq: seq }).execute();
}

interface EventRow {
  seq: number;
  type: EventType;
  record_type: 'message' | 'alert';
  record_id: string;
  handling_code: HandlingCode;
  originator_unit_id: string;
  originator_organisation_id: string;
  recipient_units: string[];
  recipient_organisations: string[];
  recipient_sharing_groups: string[];
  to_all_partners: boolean;
  actor_user_id: string | null;
}

// A writer that does not name the actor of a new message: its sender is the author.
const eventColumns = sql`e.seq, e.type, e.record_type, e.record_id, e.handling_code, e.originator_unit_id,
  e.originator_organisation_id, e.recipient_units, e.recipient_organisations, e.recipient_sharing_groups,
  e.to_all_partners, coalesce(e.actor_user_id, case when e.type = 'message.new' and e.record_type = 'message'
    then (select m.sender_user_id from messages m where m.id = e.record_id) end) as actor_user_id`;

const toEvent = (row: EventRow): NoticeEvent => ({
  seq: Number(row.seq),
  type: row.type,
  recordType: row.record_type,
  recordId: row.record_id,
  actorUserId: row.actor_user_id,
  access: accessOfRow(row),
});

export async function eventsAfter(db: Db, seq: number, limit: number): Promise<NoticeEvent[]> {
  const result = await sql<EventRow>`select ${eventColumns} from exchange_events e
    where e.seq > ${seq} order by e.seq limit ${limit}`.execute(db);
  return result.rows.map(toEvent);
}

export async function findEvent(db: Db, seq: number): Promise<NoticeEvent | undefined> {
  const result = await sql<EventRow>`select ${eventColumns} from exchange_events e where e.seq = ${seq}`.execute(db);
  return result.rows[0] && toEvent(result.rows[0]);
}

interface CandidateRow {
  id: string;
  email: string;
  locale: string;
  organisation_id: string;
  new_messages: boolean;
  rfi_changes: boolean;
  alerts: boolean;
  unit_ids: string[];
  sharing_group_ids: string[];
}

/**
 * Active users of active organisations who turned e-mail notices on, with their current units and
 * sharing groups (as the session's actor gets them), or one of them.
 */
export async function candidates(db: Db, userId?: string): Promise<Candidate[]> {
  const result = await sql<CandidateRow>`select u.id, u.email, u.locale, u.organisation_id,
      p.new_messages, p.rfi_changes, p.alerts,
      user_unit_ids(u.id)::text[] as unit_ids,
      array(select m.sharing_group_id from sharing_group_members m join sharing_groups g on g.id = m.sharing_group_id
            where m.organisation_id = u.organisation_id and g.active)::text[] as sharing_group_ids
    from notice_preferences p join users u on u.id = p.user_id join organisations o on o.id = u.organisation_id
    where p.email_enabled and u.active and o.active ${userId ? sql`and u.id = ${userId}` : sql``}
    order by u.id`.execute(db);
  return result.rows.map((row) => ({
    userId: row.id,
    email: row.email,
    locale: row.locale,
    kinds: { newMessages: row.new_messages, rfiChanges: row.rfi_changes, alerts: row.alerts },
    viewer: { organisationId: row.organisation_id, unitIds: row.unit_ids, sharingGroupIds: row.sharing_group_ids },
  }));
}

/**
 * What a TLP:CLEAR/GREEN notice may name, read as the recipient may see it (undefined when they
 * may not). Called only for events at or below GREEN; the caller checks the record's own code too.
 */
export async function recordDetails(
  db: Db,
  viewer: Viewer,
  event: NoticeEvent,
): Promise<(RecordDetails & { handlingCode: string }) | undefined> {
  const result =
    event.recordType === 'alert'
      ? await sql<RecordDetails & { handlingCode: string }>`select 'alert' as kind, a.title as subject,
            un.name as unit, o.name as organisation, a.handling_code as "handlingCode"
          from alerts a join units un on un.id = a.originator_unit_id join organisations o on o.id = a.originator_organisation_id
          where a.id = ${event.recordId} and ${visibleTo(viewer, 'a')}`.execute(db)
      : await sql<RecordDetails & { handlingCode: string }>`select m.kind, m.subject,
            un.name as unit, o.name as organisation, m.handling_code as "handlingCode"
          from messages m join units un on un.id = m.originator_unit_id join organisations o on o.id = m.originator_organisation_id
          where m.id = ${event.recordId} and ${visibleTo(viewer, 'm')}`.execute(db);
  return result.rows[0];
}

// ---- RFI reminders

const dueWithin = (leadHours: number) => sql<boolean>`deadline <= now() + make_interval(hours => ${leadHours})`;

/** Open RFIs due within the lead time (or overdue) and not yet reminded. */
export async function dueRfis(db: Db, leadHours: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('messages')
    .select('id')
    .where('kind', '=', 'rfi')
    .where('status', '=', 'open')
    .where('reminded_at', 'is', null)
    .where(dueWithin(leadHours))
    .orderBy('deadline')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Marks one RFI reminded if it still needs it, and answers who may see it. A concurrent sweep waits
 * on the row lock and then finds `reminded_at` set, so each RFI is reminded once.
 */
export async function markReminded(db: Db, id: string, leadHours: number): Promise<SharedRecordAccess | undefined> {
  const row = await db
    .updateTable('messages')
    .set({ reminded_at: sql`now()` })
    .where('id', '=', id)
    .where('kind', '=', 'rfi')
    .where('status', '=', 'open')
    .where('reminded_at', 'is', null)
    .where(dueWithin(leadHours))
    .returning([
      'handling_code',
      'originator_unit_id',
      'originator_organisation_id',
      'recipient_units',
      'recipient_organisations',
      'recipient_sharing_groups',
      'to_all_partners',
    ])
    .executeTakeFirst();
  return row && accessOfRow(row);
}
