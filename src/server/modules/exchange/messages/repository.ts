import { sql } from 'kysely';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { type ResolvedDistribution, visibleTo } from '../../../platform/policy/visibility-filter.js';

/**
 * SQL of messages. Every statement that reads a message puts `visibleTo` on it: a message the
 * viewer may not see is a missing one (404), in lists, counts, threads and forwards alike.
 */

export interface MessageRow {
  id: string;
  thread_id: string;
  in_reply_to: string | null;
  forwarded_from: string | null;
  kind: 'message' | 'rfi';
  subject: string;
  body: string;
  restrictions: string[];
  priority: string;
  deadline: Date | null;
  status: 'open' | 'answered' | 'closed' | null;
  handling_code: string;
  sender_user_id: string;
  sender_name: string;
  originator_unit_id: string;
  originator_unit_name: string;
  originator_organisation_id: string;
  originator_organisation_name: string;
  recipient_units: string[];
  recipient_organisations: string[];
  recipient_sharing_groups: string[];
  to_all_partners: boolean;
  created_at: Date;
  /** Whether one of the viewer's units acknowledged it. */
  read: boolean;
}

const COLUMNS = (viewer: Viewer) => sql`m.*, u.display_name as sender_name, un.name as originator_unit_name,
  o.name as originator_organisation_name,
  exists (select 1 from message_acknowledgements a where a.message_id = m.id
    and a.unit_id = any(${viewer.unitIds}::uuid[])) as read`;
const FROM = sql`messages m join users u on u.id = m.sender_user_id join units un on un.id = m.originator_unit_id
  join organisations o on o.id = m.originator_organisation_id`;

export interface NewMessage {
  threadId: string | null;
  inReplyTo: string | null;
  forwardedFrom: string | null;
  kind: 'message' | 'rfi';
  subject: string;
  body: string;
  restrictions: string[];
  priority: string;
  deadline: string | null;
  senderUserId: string;
  handlingCode: string;
  originatorUnitId: string;
  originatorOrganisationId: string;
  distribution: ResolvedDistribution;
}

export async function insertMessage(db: Db, message: NewMessage): Promise<string> {
  const d = message.distribution;
  const result = await sql<{ id: string }>`insert into messages (id, thread_id, in_reply_to, forwarded_from, kind, subject,
      body, restrictions, priority, deadline, status, sender_user_id, handling_code, originator_unit_id,
      originator_organisation_id, recipient_units, recipient_organisations, recipient_sharing_groups, to_all_partners)
    select id, coalesce(${message.threadId}::uuid, id), ${message.inReplyTo}, ${message.forwardedFrom}, ${message.kind},
      ${message.subject}, ${message.body}, ${message.restrictions}::text[], ${message.priority}, ${message.deadline}::timestamptz,
      ${message.kind === 'rfi' ? 'open' : null}, ${message.senderUserId}, ${message.handlingCode}, ${message.originatorUnitId},
      ${message.originatorOrganisationId}, ${d.recipientUnits}::uuid[], ${d.recipientOrganisations}::uuid[],
      ${d.recipientSharingGroups}::uuid[], ${d.toAllPartners}
    from (select gen_random_uuid() as id) as fresh
    returning id`.execute(db);
  return result.rows[0].id;
}

export async function findMessage(db: Db, viewer: Viewer, id: string): Promise<MessageRow | undefined> {
  const result = await sql<MessageRow>`select ${COLUMNS(viewer)} from ${FROM}
    where m.id = ${id} and ${visibleTo(viewer, 'm')}`.execute(db);
  return result.rows[0];
}

/** The visible messages of a thread, oldest first: a reply the viewer may not see is left out. */
export async function threadMessages(db: Db, viewer: Viewer, threadId: string): Promise<MessageRow[]> {
  const result = await sql<MessageRow>`select ${COLUMNS(viewer)} from ${FROM}
    where m.thread_id = ${threadId} and ${visibleTo(viewer, 'm')} order by m.created_at, m.id`.execute(db);
  return result.rows;
}

export interface ListFilter {
  box: 'inbox' | 'sent';
  kind?: 'message' | 'rfi';
  q?: string;
  limit: number;
  offset: number;
}

/**
 * A unit's shared inbox (what the viewer may see and no unit of theirs sent) or its sent box,
 * newest first, with the total and how many inbox messages no unit of the viewer has read.
 */
export async function listMessages(db: Db, viewer: Viewer, filter: ListFilter) {
  const conditions = [visibleTo(viewer, 'm')];
  const ownUnits = sql`${viewer.unitIds}::uuid[]`;
  conditions.push(
    filter.box === 'sent' ? sql`m.originator_unit_id = any(${ownUnits})` : sql`m.originator_unit_id <> all(${ownUnits})`,
  );
  if (filter.kind) conditions.push(sql`m.kind = ${filter.kind}`);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(m.subject ilike ${pattern} or m.body ilike ${pattern})`);
  }
  const where = sql.join(conditions, sql` and `);
  const rows = await sql<MessageRow>`select ${COLUMNS(viewer)} from ${FROM} where ${where}
    order by m.created_at desc, m.id desc limit ${filter.limit} offset ${filter.offset}`.execute(db);
  const counts = await sql<{ total: number; unread: number }>`select count(*)::int as total,
      count(*) filter (where not exists (select 1 from message_acknowledgements a where a.message_id = m.id
        and a.unit_id = any(${ownUnits})))::int as unread
    from messages m where ${where}`.execute(db);
  return { rows: rows.rows, ...counts.rows[0] };
}

export async function acknowledge(db: Db, messageId: string, unitId: string, userId: string): Promise<void> {
  await sql`insert into message_acknowledgements (message_id, unit_id, user_id) values (${messageId}, ${unitId}, ${userId})
    on conflict (message_id, unit_id) do nothing`.execute(db);
}

export async function acknowledgements(db: Db, messageId: string) {
  const result = await sql<{ unit_id: string; unit_name: string; organisation_name: string; at: Date }>`select a.unit_id,
      un.name as unit_name, o.name as organisation_name, a.at
    from message_acknowledgements a join units un on un.id = a.unit_id join organisations o on o.id = un.organisation_id
    where a.message_id = ${messageId} order by a.at`.execute(db);
  return result.rows;
}

/** An RFI is answered when a unit other than the asking one replies to it. */
export async function markAnswered(db: Db, rfiId: string): Promise<boolean> {
  const result =
    await sql`update messages set status = 'answered' where id = ${rfiId} and kind = 'rfi' and status = 'open'`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** Organisations in the given sharing groups (the community a TLP:GREEN message went to). */
export async function groupMembers(db: Db, groupIds: string[]): Promise<Map<string, string[]>> {
  const result = await sql<{ sharing_group_id: string; organisation_id: string }>`select sharing_group_id, organisation_id
    from sharing_group_members where sharing_group_id = any(${groupIds}::uuid[])`.execute(db);
  const members = new Map<string, string[]>(groupIds.map((id) => [id, []]));
  for (const row of result.rows) members.get(row.sharing_group_id)?.push(row.organisation_id);
  return members;
}

/** The organisation of each named unit. */
export async function unitOrganisations(db: Db, unitIds: string[]): Promise<Map<string, string>> {
  const result = await sql<{ id: string; organisation_id: string }>`select id, organisation_id from units
    where id = any(${unitIds}::uuid[])`.execute(db);
  return new Map(result.rows.map((row) => [row.id, row.organisation_id]));
}
