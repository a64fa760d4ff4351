import type { InferResult } from 'kysely';
import type { EventRecordType } from '../../../../shared/exchange/live/events.js';
import type { SharedRecordAccess, Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import type { EventType } from '../../../platform/events/record.js';
import { accessOfRow, visibleTo } from '../../../platform/policy/visibility-filter.js';

/** An event as the stream handles it: what is sent (ids only) and who may see it. */
export interface LiveEvent {
  seq: number;
  type: EventType;
  recordType: EventRecordType;
  recordId: string;
  at: string;
  access: SharedRecordAccess;
}

function selectEvents(db: Db) {
  return db
    .selectFrom('exchange_events as e')
    .select([
      'e.seq',
      'e.type',
      'e.record_type',
      'e.record_id',
      'e.created_at',
      'e.handling_code',
      'e.originator_unit_id',
      'e.originator_organisation_id',
      'e.recipient_units',
      'e.recipient_organisations',
      'e.recipient_sharing_groups',
      'e.to_all_partners',
    ])
    .orderBy('e.seq');
}

const toLiveEvent = (row: InferResult<ReturnType<typeof selectEvents>>[number]): LiveEvent => ({
  seq: row.seq,
  // Written only by recordEvent, from these unions.
  type: row.type as EventType,
  recordType: row.record_type as LiveEvent['recordType'],
  recordId: row.record_id,
  at: row.created_at.toISOString(),
  access: accessOfRow(row),
});

export async function lastSeq(db: Db): Promise<number> {
  const row = await db
    .selectFrom('exchange_events')
    .select((eb) => eb.fn.max<number | null>('seq').as('seq'))
    .executeTakeFirst();
  return row?.seq ?? 0;
}

/** Every event after `seq`, in order: the bus reads them once for all subscribers. */
export async function eventsAfter(db: Db, seq: number, limit: number): Promise<LiveEvent[]> {
  const rows = await selectEvents(db).where('e.seq', '>', seq).limit(limit).execute();
  return rows.map(toLiveEvent);
}

/** The events after `seq` that the viewer may see, in order: what a resuming client missed. */
export async function visibleEventsAfter(db: Db, viewer: Viewer, seq: number, limit: number): Promise<LiveEvent[]> {
  const rows = await selectEvents(db).where('e.seq', '>', seq).where(visibleTo(viewer, 'e')).limit(limit).execute();
  return rows.map(toLiveEvent);
}
