import { sql } from 'kysely';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { visibleTo } from '../../../platform/policy/visibility-filter.js';

/**
 * SQL of the unit boxes: each unit's delivery of a message (inbox or archive, read or not), kept in
 * step with the visibility rule, and the unread counts the navigation shows. Reading messages
 * themselves, through `visibleTo`, is in repository.ts.
 */

/** Unread messages in each of the given units' inboxes (the navigation badge). */
export async function unreadByUnit(db: Db, unitIds: string[]): Promise<Map<string, number>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('message_box_counts')
    .select(['unit_id', sql<number>`sum(unread)::int`.as('unread')])
    .where('unit_id', 'in', unitIds)
    .where('box', '=', 'inbox')
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((row) => [row.unit_id, row.unread]));
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
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('message_deliveries')
    .select((eb) => [
      'unit_id',
      eb('archived_at', 'is not', null).$castTo<boolean>().as('archived'),
      eb('read_at', 'is not', null).$castTo<boolean>().as('read'),
    ])
    .where('message_id', '=', messageId)
    .where('unit_id', 'in', unitIds)
    .where('revoked_at', 'is', null)
    .orderBy(sql`array_position(${unitIds}::uuid[], unit_id)`)
    .execute();
  return rows.map((row) => ({ unitId: row.unit_id, archived: row.archived, read: row.read }));
}

/** Files a delivered message away for one unit, or brings it back to the inbox. Nothing is deleted. */
export async function setArchived(db: Db, messageId: string, unitId: string, archived: boolean): Promise<boolean> {
  const result = await db
    .updateTable('message_deliveries')
    .set({ archived_at: archived ? sql`coalesce(archived_at, now())` : null })
    .where('message_id', '=', messageId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Marks read, for the given units, every message of a thread they received and the viewer may
 * see: a thread is read as a whole, so its earlier messages leave the unread count too. The
 * formal acknowledgement stays a separate, explicit act.
 */
export async function markThreadRead(db: Db, viewer: Viewer, threadId: string, unitIds: string[]): Promise<number> {
  if (unitIds.length === 0) return 0;
  const result = await sql`update message_deliveries d set read_at = now() from messages m
    where m.id = d.message_id and m.thread_id = ${threadId} and d.unit_id = any(${unitIds}::uuid[])
      and d.read_at is null and d.revoked_at is null and ${visibleTo(viewer, 'm')}`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}
