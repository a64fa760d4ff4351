import { type RawBuilder, sql } from 'kysely';
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
  recipient_functions: string[];
  closed_at: Date | null;
  created_at: Date;
  /** Whether one of the viewer's units acknowledged it. */
  read: boolean;
  acknowledgement_count: number;
}

/** `read`: whether one of the given units (the viewer's, or the inbox's unit) acknowledged it. */
const COLUMNS = (unitIds: string[]) => sql`m.id, m.thread_id, m.in_reply_to, m.forwarded_from, m.kind, m.subject,
  m.body, m.restrictions, m.priority, m.deadline, m.status, m.handling_code, m.sender_user_id, m.originator_unit_id,
  m.originator_organisation_id, m.recipient_units, m.recipient_organisations, m.recipient_sharing_groups,
  m.to_all_partners, m.recipient_functions, m.closed_at, m.created_at,
  u.display_name as sender_name, un.name as originator_unit_name, o.name as originator_organisation_name,
  exists (select 1 from message_acknowledgements a where a.message_id = m.id
    and a.unit_id = any(${unitIds}::uuid[])) as read,
  (select count(*)::int from message_acknowledgements a where a.message_id = m.id) as acknowledgement_count`;
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
  /** Organisations named as recipients (not those of named units): all their units are addressed. */
  addressedOrganisations: string[];
  recipientFunctions: string[];
}

export async function insertMessage(db: Db, message: NewMessage): Promise<string> {
  const d = message.distribution;
  const result = await sql<{ id: string }>`insert into messages (id, thread_id, in_reply_to, forwarded_from, kind, subject,
      body, restrictions, priority, deadline, status, sender_user_id, handling_code, originator_unit_id,
      originator_organisation_id, recipient_units, recipient_organisations, recipient_sharing_groups, to_all_partners,
      addressed_organisations, recipient_functions)
    select id, coalesce(${message.threadId}::uuid, id), ${message.inReplyTo}, ${message.forwardedFrom}, ${message.kind},
      ${message.subject}, ${message.body}, ${message.restrictions}::text[], ${message.priority}, ${message.deadline}::timestamptz,
      ${message.kind === 'rfi' ? 'open' : null}, ${message.senderUserId}, ${message.handlingCode}, ${message.originatorUnitId},
      ${message.originatorOrganisationId}, ${d.recipientUnits}::uuid[], ${d.recipientOrganisations}::uuid[],
      ${d.recipientSharingGroups}::uuid[], ${d.toAllPartners}, ${message.addressedOrganisations}::uuid[],
      ${message.recipientFunctions}::uuid[]
    from (select gen_random_uuid() as id) as fresh
    returning id`.execute(db);
  return result.rows[0].id;
}

export async function findMessage(db: Db, viewer: Viewer, id: string): Promise<MessageRow | undefined> {
  const result = await sql<MessageRow>`select ${COLUMNS(viewer.unitIds)} from ${FROM}
    where m.id = ${id} and ${visibleTo(viewer, 'm')}`.execute(db);
  return result.rows[0];
}

/** The visible messages of a thread, oldest first: a reply the viewer may not see is left out. */
export async function threadMessages(db: Db, viewer: Viewer, threadId: string): Promise<MessageRow[]> {
  const result = await sql<MessageRow>`select ${COLUMNS(viewer.unitIds)} from ${FROM}
    where m.thread_id = ${threadId} and ${visibleTo(viewer, 'm')} order by m.created_at, m.id`.execute(db);
  return result.rows;
}

export interface ListFilter {
  /**
   * inbox / archive: what was delivered to `unitId` (archived or not); sent: what `unitId` sent;
   * all: every message the viewer may see, wherever it came from (search, late-joining units).
   */
  box: 'inbox' | 'archive' | 'sent' | 'all';
  unitId: string | null;
  kind?: 'message' | 'rfi';
  q?: string;
  limit: number;
  offset: number;
}

/** Words of a search, matched as prefixes on the message's subject and body, accents ignored. */
function textCondition(q: string) {
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  const query = words.map((word) => `${word.toLowerCase()}:*`).join(' & ');
  return sql`m.search_vector @@ to_tsquery('public.liaison_simple'::regconfig, ${query})`;
}

/**
 * A box of a unit or every visible message, newest first, with the total and the unread count.
 * Inbox and archive are ranges of the unit's deliveries; the visibility rule is applied all the
 * same, so a delivery the viewer may no longer see (a sharing group left) is neither listed nor
 * counted.
 */
export async function listMessages(db: Db, viewer: Viewer, filter: ListFilter) {
  const conditions: RawBuilder<unknown>[] = [visibleTo(viewer, 'm')];
  if (filter.kind) conditions.push(sql`m.kind = ${filter.kind}`);
  const text = filter.q ? textCondition(filter.q) : null;
  if (filter.q && !text) return { rows: [] as MessageRow[], total: 0, unread: 0 };
  if (text) conditions.push(text);
  const page = sql`limit ${filter.limit} offset ${filter.offset}`;
  if (filter.box === 'inbox' || filter.box === 'archive') {
    const inBox = [
      sql`d.unit_id = ${filter.unitId}`,
      sql`d.revoked_at is null`,
      filter.box === 'inbox' ? sql`d.archived_at is null` : sql`d.archived_at is not null`,
    ];
    if (filter.kind) inBox.push(sql`d.kind = ${filter.kind}`);
    const where = sql.join([...inBox, ...conditions], sql` and `);
    const from = sql`message_deliveries d join messages m on m.id = d.message_id`;
    const rows = await sql<MessageRow>`select ${COLUMNS([filter.unitId ?? ''])} from ${from}
      join users u on u.id = m.sender_user_id join units un on un.id = m.originator_unit_id
      join organisations o on o.id = m.originator_organisation_id
      where ${where} order by d.created_at desc, d.message_id desc ${page}`.execute(db);
    // Deliveries are kept in step with the visibility rule (revoked when a unit may no longer see
    // a message), and their counts are kept per box by triggers; a text search must look inside.
    const counts = text
      ? await sql<{ total: number; unread: number }>`select count(*)::int as total,
          count(*) filter (where d.read_at is null)::int as unread from ${from} where ${where}`.execute(db)
      : await sql<{ total: number; unread: number }>`select coalesce(sum(total), 0)::int as total,
          coalesce(sum(unread), 0)::int as unread from message_box_counts
          where unit_id = ${filter.unitId} and box = ${filter.box} ${filter.kind ? sql`and kind = ${filter.kind}` : sql``}`.execute(
          db,
        );
    return { rows: rows.rows, ...counts.rows[0] };
  }
  if (filter.box === 'sent') conditions.push(sql`m.originator_unit_id = ${filter.unitId}`);
  const where = sql.join(conditions, sql` and `);
  const rows = await sql<MessageRow>`select ${COLUMNS(viewer.unitIds)} from ${FROM} where ${where}
    order by m.created_at desc, m.id desc ${page}`.execute(db);
  const counts = await sql<{ total: number }>`select count(*)::int as total from messages m where ${where}`.execute(db);
  return { rows: rows.rows, total: counts.rows[0].total, unread: 0 };
}

/** Unread messages in each of the given units' inboxes (the navigation badge). */
export async function unreadByUnit(db: Db, unitIds: string[]) {
  const result = await sql<{ unit_id: string; unread: number }>`select unit_id, sum(unread)::int as unread
    from message_box_counts where unit_id = any(${unitIds}::uuid[]) and box = 'inbox' group by unit_id`.execute(db);
  return new Map(result.rows.map((row) => [row.unit_id, row.unread]));
}

/**
 * Writes the deliveries of new messages: one per active unit addressed — named units and the
 * units of named functions always; for anything but TLP:RED also every unit of a named
 * organisation, of a sharing group's organisations, or of all partners. Never the sending unit.
 */
export async function deliverMessages(db: Db, messageIds: string[]): Promise<void> {
  await sql`insert into message_deliveries (unit_id, message_id, created_at, kind)
    select u.id, m.id, m.created_at, m.kind from messages m
    join units u on u.active and u.id <> m.originator_unit_id
    where m.id = any(${messageIds}::uuid[]) and (u.id = any(m.recipient_units)
      or (m.handling_code <> 'TLP:RED' and (
        u.organisation_id = any(m.addressed_organisations)
        or m.to_all_partners
        or exists (select 1 from sharing_group_members g join sharing_groups sg on sg.id = g.sharing_group_id and sg.active
          where g.sharing_group_id = any(m.recipient_sharing_groups) and g.organisation_id = u.organisation_id))))
    on conflict do nothing`.execute(db);
}

/** Where the message sits for each of the given units that received it: inbox or archive, read or not. */
export async function deliveriesOf(db: Db, messageId: string, unitIds: string[]) {
  const result = await sql<{ unit_id: string; archived: boolean; read: boolean }>`select unit_id,
      archived_at is not null as archived, read_at is not null as read
    from message_deliveries where message_id = ${messageId} and unit_id = any(${unitIds}::uuid[]) and revoked_at is null
    order by array_position(${unitIds}::uuid[], unit_id)`.execute(db);
  return result.rows.map((row) => ({ unitId: row.unit_id, archived: row.archived, read: row.read }));
}

/** Files a delivered message away for one unit, or brings it back to the inbox. Nothing is deleted. */
export async function setArchived(db: Db, messageId: string, unitId: string, archived: boolean): Promise<boolean> {
  const result = await sql`update message_deliveries set archived_at = ${archived ? sql`coalesce(archived_at, now())` : null}
    where message_id = ${messageId} and unit_id = ${unitId}`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export async function acknowledge(db: Db, messageId: string, unitId: string, userId: string): Promise<void> {
  await sql`insert into message_acknowledgements (message_id, unit_id, user_id) values (${messageId}, ${unitId}, ${userId})
    on conflict (message_id, unit_id) do nothing`.execute(db);
  await sql`update message_deliveries set read_at = coalesce(read_at, now())
    where message_id = ${messageId} and unit_id = ${unitId}`.execute(db);
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

/** Closes an open or answered RFI; false when it was closed already. */
export async function closeRfi(db: Db, rfiId: string, userId: string): Promise<boolean> {
  const result = await sql`update messages set status = 'closed', closed_at = now(), closed_by = ${userId}
    where id = ${rfiId} and kind = 'rfi' and status <> 'closed'`.execute(db);
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
