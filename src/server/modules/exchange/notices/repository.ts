import { sql } from 'kysely';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import type { EventType } from '../../../platform/events/record.js';
import { accessOfRow, visibleTo } from '../../../platform/policy/visibility-filter.js';
import type { RecordDetails } from './compose.js';
import type { Candidate, NoticeEvent } from './recipients.js';

// ---- Preferences

export interface PreferencesRow {
  email: string;
  email_enabled: boolean;
  new_messages: boolean;
  rfi_changes: boolean;
  alerts: boolean;
}

export async function findPreferences(db: Db, userId: string): Promise<PreferencesRow | undefined> {
  const result = await sql<PreferencesRow>`select u.email, coalesce(p.email_enabled, false) as email_enabled,
      coalesce(p.new_messages, false) as new_messages, coalesce(p.rfi_changes, false) as rfi_changes,
      coalesce(p.alerts, false) as alerts
    from users u left join notice_preferences p on p.user_id = u.id
    where u.id = ${userId}`.execute(db);
  return result.rows[0];
}

export async function savePreferences(
  db: Db,
  userId: string,
  p: { emailEnabled: boolean; newMessages: boolean; rfiChanges: boolean; alerts: boolean },
): Promise<void> {
  await sql`insert into notice_preferences (user_id, email_enabled, new_messages, rfi_changes, alerts)
    values (${userId}, ${p.emailEnabled}, ${p.newMessages}, ${p.rfiChanges}, ${p.alerts})
    on conflict (user_id) do update set email_enabled = excluded.email_enabled, new_messages = excluded.new_messages,
      rfi_changes = excluded.rfi_changes, alerts = excluded.alerts, updated_at = now()`.execute(db);
}

// ---- Events and who is mailed about them

/** The sweep's position, locked until its transaction commits: one sweep at a time across processes. */
export async function lockCursor(db: Db): Promise<number> {
  const result = await sql<{ last_seq: number }>`select last_seq from notice_cursor for update`.execute(db);
  return Number(result.rows[0]?.last_seq ?? 0);
}

export async function advanceCursor(db: Db, seq: number): Promise<void> {
  await sql`update notice_cursor set last_seq = ${seq}`.execute(db);
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

/** Open RFIs due within the lead time (or overdue) and not yet reminded. */
export async function dueRfis(db: Db, leadHours: number, limit: number): Promise<string[]> {
  const result = await sql<{ id: string }>`select id from messages
    where kind = 'rfi' and status = 'open' and reminded_at is null and deadline <= now() + make_interval(hours => ${leadHours})
    order by deadline limit ${limit}`.execute(db);
  return result.rows.map((row) => row.id);
}

export interface RemindedRow {
  handling_code: HandlingCode;
  originator_unit_id: string;
  originator_organisation_id: string;
  recipient_units: string[];
  recipient_organisations: string[];
  recipient_sharing_groups: string[];
  to_all_partners: boolean;
}

/**
 * Marks one RFI reminded if it still needs it. A concurrent sweep waits on the row lock and then
 * finds `reminded_at` set, so each RFI is reminded once.
 */
export async function markReminded(db: Db, id: string, leadHours: number): Promise<RemindedRow | undefined> {
  const result = await sql<RemindedRow>`update messages set reminded_at = now()
    where id = ${id} and kind = 'rfi' and status = 'open' and reminded_at is null
      and deadline <= now() + make_interval(hours => ${leadHours})
    returning handling_code, originator_unit_id, originator_organisation_id, recipient_units, recipient_organisations,
      recipient_sharing_groups, to_all_partners`.execute(db);
  return result.rows[0];
}
