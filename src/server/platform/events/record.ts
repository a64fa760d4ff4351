import { sql } from 'kysely';
import type { EventRecordType, EventType } from '../../../shared/exchange/live/events.js';
import type { SharedRecordAccess } from '../../../shared/visibility.js';
import type { Db } from '../db/database.js';

// The web app reacts to the same types: they are the live stream's contract.
export { EVENT_TYPES, type EventType } from '../../../shared/exchange/live/events.js';

export interface NewEvent {
  type: EventType;
  recordType: EventRecordType;
  recordId: string;
  /** Who may see the event: usually the record's own access, narrower for e.g. feedback. */
  access: SharedRecordAccess;
  /** Who caused it: e-mail notices are not sent to the person who acted. */
  actorUserId?: string | null;
}

/** The channel on which PostgreSQL tells listeners that events were committed. */
export const EVENTS_CHANNEL = 'liaison_events';

/**
 * Records an event in the caller's transaction. Writers take one lock so that sequence numbers
 * commit in order: a reader resuming "after seq N" can never miss an event committed later with a
 * smaller number. NOTIFY is delivered only when the transaction commits.
 */
export async function recordEvent(db: Db, event: NewEvent): Promise<void> {
  const a = event.access;
  await sql`select pg_advisory_xact_lock(4242002)`.execute(db);
  await sql`insert into exchange_events (type, record_type, record_id, handling_code, originator_unit_id,
      originator_organisation_id, recipient_units, recipient_organisations, recipient_sharing_groups, to_all_partners,
      actor_user_id)
    values (${event.type}, ${event.recordType}, ${event.recordId}, ${a.handlingCode}, ${a.originatorUnitId},
      ${a.originatorOrganisationId}, ${a.recipientUnits}::uuid[], ${a.recipientOrganisations}::uuid[],
      ${a.recipientSharingGroups}::uuid[], ${a.toAllPartners}, ${event.actorUserId ?? null})`.execute(db);
  await sql`select pg_notify(${EVENTS_CHANNEL}, '')`.execute(db);
}
