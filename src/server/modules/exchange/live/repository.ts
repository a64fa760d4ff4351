import { sql } from 'kysely';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import type { SharedRecordAccess, Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import type { EventType } from '../../../platform/events/record.js';
import { accessOfRow, visibleTo } from '../../../platform/policy/visibility-filter.js';

/** An event as the stream handles it: what is sent (ids only) and who may see it. */
export interface LiveEvent {
  seq: number;
  type: EventType;
  recordType: 'message' | 'alert';
  recordId: string;
  at: string;
  access: SharedRecordAccess;
}

interface EventRow {
  seq: number;
  type: EventType;
  record_type: 'message' | 'alert';
  record_id: string;
  created_at: Date;
  handling_code: HandlingCode;
  originator_unit_id: string;
  originator_organisation_id: string;
  recipient_units: string[];
  recipient_organisations: string[];
  recipient_sharing_groups: string[];
  to_all_partners: boolean;
}

const toLiveEvent = (row: EventRow): LiveEvent => ({
  seq: Number(row.seq),
  type: row.type,
  recordType: row.record_type,
  recordId: row.record_id,
  at: new Date(row.created_at).toISOString(),
  access: accessOfRow(row),
});

const COLUMNS = sql`e.seq, e.type, e.record_type, e.record_id, e.created_at, e.handling_code, e.originator_unit_id,
  e.originator_organisation_id, e.recipient_units, e.recipient_organisations, e.recipient_sharing_groups, e.to_all_partners`;

export async function lastSeq(db: Db): Promise<number> {
  const result = await sql<{ seq: number | null }>`select max(seq) as seq from exchange_events`.execute(db);
  return Number(result.rows[0]?.seq ?? 0);
}

/** Every event after `seq`, in order: the bus reads them once for all subscribers. */
export async function eventsAfter(db: Db, seq: number, limit: number): Promise<LiveEvent[]> {
  const result = await sql<EventRow>`select ${COLUMNS} from exchange_events e
    where e.seq > ${seq} order by e.seq limit ${limit}`.execute(db);
  return result.rows.map(toLiveEvent);
}

/** The events after `seq` that the viewer may see, in order: what a resuming client missed. */
export async function visibleEventsAfter(db: Db, viewer: Viewer, seq: number, limit: number): Promise<LiveEvent[]> {
  const result = await sql<EventRow>`select ${COLUMNS} from exchange_events e
    where e.seq > ${seq} and ${visibleTo(viewer, 'e')} order by e.seq limit ${limit}`.execute(db);
  return result.rows.map(toLiveEvent);
}
