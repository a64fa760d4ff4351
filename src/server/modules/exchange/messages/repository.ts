import { randomUUID } from 'node:crypto';
import { type RawBuilder, sql } from 'kysely';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import type { SharedRecordAccess, Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { prepared } from '../../../platform/db/prepared.js';
import { type ResolvedDistribution, visibleTo } from '../../../platform/policy/visibility-filter.js';

/**
 * SQL of messages. Every statement that reads a message puts `visibleTo` on it: a message the
 * viewer may not see is a missing one (404), in lists, counts, threads and forwards alike.
 */

/** What the sender of a message writes: what it answers or forwards, its kind, its words and how to treat them. */
export interface MessageContent {
  inReplyTo: string | null;
  forwardedFrom: string | null;
  kind: 'message' | 'rfi';
  subject: string;
  body: string;
  restrictions: string[];
  priority: string;
}

/** A message as its reader sees it: the stored row, its sender's and originator's names, its reads. */
export interface Message extends SharedRecordAccess, MessageContent {
  id: string;
  threadId: string;
  deadline: Date | null;
  status: 'open' | 'answered' | 'closed' | null;
  senderUserId: string;
  senderName: string;
  originatorUnitName: string;
  originatorOrganisationName: string;
  recipientFunctions: string[];
  closedAt: Date | null;
  createdAt: Date;
  /** Whether one of the viewer's units (or the inbox's unit) acknowledged it. */
  read: boolean;
  acknowledgementCount: number;
}

interface MessageRow {
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
  handling_code: HandlingCode;
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
  read: boolean;
  acknowledgement_count: number;
}

/** A row of an outer join: every column may be null. */
type Nullable<T> = { [K in keyof T]: T[K] | null };

const toMessage = (row: MessageRow): Message => ({
  id: row.id,
  threadId: row.thread_id,
  inReplyTo: row.in_reply_to,
  forwardedFrom: row.forwarded_from,
  kind: row.kind,
  subject: row.subject,
  body: row.body,
  restrictions: row.restrictions,
  priority: row.priority,
  deadline: row.deadline,
  status: row.status,
  handlingCode: row.handling_code,
  senderUserId: row.sender_user_id,
  senderName: row.sender_name,
  originatorUnitId: row.originator_unit_id,
  originatorUnitName: row.originator_unit_name,
  originatorOrganisationId: row.originator_organisation_id,
  originatorOrganisationName: row.originator_organisation_name,
  recipientUnits: row.recipient_units,
  recipientOrganisations: row.recipient_organisations,
  recipientSharingGroups: row.recipient_sharing_groups,
  toAllPartners: row.to_all_partners,
  recipientFunctions: row.recipient_functions,
  closedAt: row.closed_at,
  createdAt: row.created_at,
  read: row.read,
  acknowledgementCount: row.acknowledgement_count,
});

/**
 * `read`: whether one of the given units (the viewer's, or the inbox's unit) acknowledged it; in a
 * unit's box, whether the unit read it (opened its thread or acknowledged it).
 */
const COLUMNS = (
  unitIds: string[],
  read: RawBuilder<boolean> = sql`exists (select 1 from message_acknowledgements a where a.message_id = m.id
    and a.unit_id = any(${unitIds}::uuid[]))`,
) => sql`m.id, m.thread_id, m.in_reply_to, m.forwarded_from, m.kind, m.subject,
  m.body, m.restrictions, m.priority, m.deadline, m.status, m.handling_code, m.sender_user_id, m.originator_unit_id,
  m.originator_organisation_id, m.recipient_units, m.recipient_organisations, m.recipient_sharing_groups,
  m.to_all_partners, m.recipient_functions, m.closed_at, m.created_at,
  u.display_name as sender_name, un.name as originator_unit_name, o.name as originator_organisation_name,
  ${read} as read,
  (select count(*)::int from message_acknowledgements a where a.message_id = m.id) as acknowledgement_count`;
const FROM = sql`messages m join users u on u.id = m.sender_user_id join units un on un.id = m.originator_unit_id
  join organisations o on o.id = m.originator_organisation_id`;

export interface NewMessage extends MessageContent {
  threadId: string | null;
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
  // The id is chosen here because a new thread is named after its first message.
  const id = randomUUID();
  await db
    .insertInto('messages')
    .values({
      id,
      thread_id: message.threadId ?? id,
      in_reply_to: message.inReplyTo,
      forwarded_from: message.forwardedFrom,
      kind: message.kind,
      subject: message.subject,
      body: message.body,
      restrictions: message.restrictions,
      priority: message.priority,
      deadline: message.deadline,
      status: message.kind === 'rfi' ? 'open' : null,
      sender_user_id: message.senderUserId,
      handling_code: message.handlingCode,
      originator_unit_id: message.originatorUnitId,
      originator_organisation_id: message.originatorOrganisationId,
      recipient_units: d.recipientUnits,
      recipient_organisations: d.recipientOrganisations,
      recipient_sharing_groups: d.recipientSharingGroups,
      to_all_partners: d.toAllPartners,
      addressed_organisations: message.addressedOrganisations,
      recipient_functions: message.recipientFunctions,
    })
    .execute();
  return id;
}

export async function findMessage(db: Db, viewer: Viewer, id: string): Promise<Message | undefined> {
  const result = await sql<MessageRow>`select ${COLUMNS(viewer.unitIds)} from ${FROM}
    where m.id = ${id} and ${visibleTo(viewer, 'm')}`.execute(db);
  return result.rows[0] && toMessage(result.rows[0]);
}

/** The visible messages of a thread, oldest first: a reply the viewer may not see is left out. */
export async function threadMessages(db: Db, viewer: Viewer, threadId: string): Promise<Message[]> {
  const result = await sql<MessageRow>`select ${COLUMNS(viewer.unitIds)} from ${FROM}
    where m.thread_id = ${threadId} and ${visibleTo(viewer, 'm')} order by m.created_at, m.id`.execute(db);
  return result.rows.map(toMessage);
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
export async function listMessages(
  db: Db,
  viewer: Viewer,
  filter: ListFilter,
): Promise<{ messages: Message[]; total: number; unread: number }> {
  const conditions: RawBuilder<unknown>[] = [visibleTo(viewer, 'm')];
  if (filter.kind) conditions.push(sql`m.kind = ${filter.kind}`);
  const text = filter.q ? textCondition(filter.q) : null;
  if (filter.q && !text) return { messages: [], total: 0, unread: 0 };
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
    // Deliveries are kept in step with the visibility rule (revoked when a unit may no longer see
    // a message), and their counts are kept per box by triggers; a text search must look inside.
    const counts = text
      ? sql`select count(*)::int as total, count(*) filter (where d.read_at is null)::int as unread from ${from} where ${where}`
      : sql`select coalesce(sum(total), 0)::int as total, coalesce(sum(unread), 0)::int as unread from message_box_counts
          where unit_id = ${filter.unitId} and box = ${filter.box} ${filter.kind ? sql`and kind = ${filter.kind}` : sql``}`;
    // The page and its counts in one statement (one round trip): the counts row always comes back,
    // with the page's messages joined to it, or with nulls when the page is empty.
    const statement = sql<Nullable<MessageRow> & { total: number; unread: number }>`select counts.total, counts.unread, page.*
      from (${counts}) counts left join lateral (select ${COLUMNS([filter.unitId ?? ''], sql`d.read_at is not null`)},
          d.created_at as box_at, d.message_id as box_id from ${from}
        join users u on u.id = m.sender_user_id join units un on un.id = m.originator_unit_id
        join organisations o on o.id = m.originator_organisation_id
        where ${where} order by d.created_at desc, d.message_id desc ${page}) page on true
      order by page.box_at desc, page.box_id desc`;
    // The plain box page is the hottest read of the exchange: plan it once. A text search is planned
    // for its own words each time.
    const rows = await (text ? statement : prepared(statement)).execute(db);
    const { total, unread } = rows.rows[0];
    const messages = rows.rows.filter((row): row is MessageRow & typeof row => row.id !== null).map(toMessage);
    return { messages, total, unread };
  }
  if (filter.box === 'sent') conditions.push(sql`m.originator_unit_id = ${filter.unitId}`);
  const where = sql.join(conditions, sql` and `);
  const rows = await sql<MessageRow>`select ${COLUMNS(viewer.unitIds)} from ${FROM} where ${where}
    order by m.created_at desc, m.id desc ${page}`.execute(db);
  const counts = await sql<{ total: number }>`select count(*)::int as total from messages m where ${where}`.execute(db);
  return { messages: rows.rows.map(toMessage), total: counts.rows[0].total, unread: 0 };
}

/** An open RFI of one of the viewer's units, and whether one of them asked it (else one must answer it). */
export interface OpenRfi extends Message {
  asked: boolean;
}

/**
 * Open RFIs that the given units asked or received (a delivery not revoked), soonest deadline first
 * (so overdue ones lead), with how many there are and how many are overdue. Visibility applied.
 */
export async function openRfis(
  db: Db,
  viewer: Viewer,
  unitIds: string[],
  limit: number,
): Promise<{ rfis: OpenRfi[]; total: number; overdue: number }> {
  const where = sql`m.kind = 'rfi' and m.status = 'open' and ${visibleTo(viewer, 'm')}
    and (m.originator_unit_id = any(${unitIds}::uuid[]) or exists (select 1 from message_deliveries d
      where d.message_id = m.id and d.unit_id = any(${unitIds}::uuid[]) and d.revoked_at is null))`;
  const rows = await sql<MessageRow & { asked: boolean }>`select ${COLUMNS(unitIds)},
      m.originator_unit_id = any(${unitIds}::uuid[]) as asked
    from ${FROM} where ${where} order by m.deadline asc nulls last, m.created_at desc, m.id limit ${limit}`.execute(db);
  const counts = await sql<{ total: number; overdue: number }>`select count(*)::int as total,
      count(*) filter (where m.deadline < now())::int as overdue from messages m where ${where}`.execute(db);
  return {
    rfis: rows.rows.map((row) => ({ ...toMessage(row), asked: row.asked })),
    total: counts.rows[0].total,
    overdue: counts.rows[0].overdue,
  };
}

export async function acknowledge(db: Db, messageId: string, unitId: string, userId: string): Promise<void> {
  await db
    .insertInto('message_acknowledgements')
    .values({ message_id: messageId, unit_id: unitId, user_id: userId })
    .onConflict((oc) => oc.columns(['message_id', 'unit_id']).doNothing())
    .execute();
  await db
    .updateTable('message_deliveries')
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where('message_id', '=', messageId)
    .where('unit_id', '=', unitId)
    .execute();
}

export interface Acknowledgement {
  unitId: string;
  unitName: string;
  organisationName: string;
  at: Date;
}

export async function acknowledgements(db: Db, messageId: string): Promise<Acknowledgement[]> {
  const rows = await db
    .selectFrom('message_acknowledgements as a')
    .innerJoin('units as un', 'un.id', 'a.unit_id')
    .innerJoin('organisations as o', 'o.id', 'un.organisation_id')
    .select(['a.unit_id', 'un.name as unit_name', 'o.name as organisation_name', 'a.at'])
    .where('a.message_id', '=', messageId)
    .orderBy('a.at')
    .execute();
  return rows.map((row) => ({
    unitId: row.unit_id,
    unitName: row.unit_name,
    organisationName: row.organisation_name,
    at: row.at,
  }));
}

/** An RFI is answered when a unit other than the asking one replies to it. */
export async function markAnswered(db: Db, rfiId: string): Promise<boolean> {
  const result = await db
    .updateTable('messages')
    .set({ status: 'answered' })
    .where('id', '=', rfiId)
    .where('kind', '=', 'rfi')
    .where('status', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Closes an open or answered RFI; false when it was closed already. */
export async function closeRfi(db: Db, rfiId: string, userId: string): Promise<boolean> {
  const result = await db
    .updateTable('messages')
    .set({ status: 'closed', closed_at: sql`now()`, closed_by: userId })
    .where('id', '=', rfiId)
    .where('kind', '=', 'rfi')
    .where('status', '<>', 'closed')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Organisations in the given sharing groups (the community a TLP:GREEN message went to). */
export async function groupMembers(db: Db, groupIds: string[]): Promise<Map<string, string[]>> {
  const members = new Map<string, string[]>(groupIds.map((id) => [id, []]));
  if (groupIds.length === 0) return members;
  const rows = await db
    .selectFrom('sharing_group_members')
    .select(['sharing_group_id', 'organisation_id'])
    .where('sharing_group_id', 'in', groupIds)
    .execute();
  for (const row of rows) members.get(row.sharing_group_id)?.push(row.organisation_id);
  return members;
}

/** The organisation of each named unit. */
export async function unitOrganisations(db: Db, unitIds: string[]): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'organisation_id']).where('id', 'in', unitIds).execute();
  return new Map(rows.map((row) => [row.id, row.organisation_id]));
}

/** The unit of each active function of an active unit among the given ids. */
export async function activeFunctionUnits(db: Db, functionIds: string[]): Promise<{ functionId: string; unitId: string }[]> {
  if (functionIds.length === 0) return [];
  const rows = await db
    .selectFrom('unit_functions as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .select(['f.id', 'f.unit_id'])
    .where('f.id', 'in', functionIds)
    .where('f.active', '=', true)
    .where('u.active', '=', true)
    .execute();
  return rows.map((row) => ({ functionId: row.id, unitId: row.unit_id }));
}
