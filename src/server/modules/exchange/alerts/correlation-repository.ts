import { sql } from 'kysely';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { visibleTo } from '../../../platform/policy/visibility-filter.js';

/**
 * Correlation of alerts: two alerts are linked when they carry an observable with the same key
 * (`kind:value`). A link is symmetric (the earlier alert shows the later one and the other way
 * round), and only alerts the viewer may see are ever linked, counted or named: the visibility
 * rule sits on the correlated alert in every statement here.
 */

/** SQL: how many other alerts visible to `viewer` share a key with the alert aliased `alias`. */
export const correlationCountOf = (viewer: Viewer | null, alias: string) => sql<number>`(
  select count(distinct mine_other.alert_id)::int
  from alert_observables mine join alert_observables mine_other on mine_other.key = mine.key
    and mine_other.alert_id <> mine.alert_id
  join alerts linked on linked.id = mine_other.alert_id
  where mine.alert_id = ${sql.ref(`${alias}.id`)} and ${visibleTo(viewer, 'linked')})`;

/** A visible alert linked to another, through one observable they share. */
export interface CorrelatedAlert {
  id: string;
  title: string;
  severity: string;
  handlingCode: string;
  status: 'active' | 'withdrawn';
  validUntil: Date;
  createdAt: Date;
  /** One observable the two alerts share, as this alert writes it. */
  kind: string;
  display: string;
}

/** Rows read at most: a common name shared by thousands of alerts must not stall the page. */
const MAX_ROWS = 5000;

/** The visible alerts linked to one alert, one row per shared observable, newest alerts first. */
export async function correlatedAlerts(db: Db, viewer: Viewer | null, alertId: string): Promise<CorrelatedAlert[]> {
  const result = await sql<{
    id: string;
    title: string;
    severity: string;
    handling_code: string;
    status: 'active' | 'withdrawn';
    valid_until: Date;
    created_at: Date;
    kind: string;
    display: string;
  }>`select linked.id, linked.title, linked.severity, linked.handling_code,
      linked.status, linked.valid_until, linked.created_at, mine.kind, mine.display
    from alert_observables mine
    join alert_observables theirs on theirs.key = mine.key and theirs.alert_id <> mine.alert_id
    join alerts linked on linked.id = theirs.alert_id
    where mine.alert_id = ${alertId} and ${visibleTo(viewer, 'linked')}
    order by linked.created_at desc, linked.id, mine.position
    limit ${MAX_ROWS}`.execute(db);
  return result.rows.map((row) => ({
    id: row.id,
    title: row.title,
    severity: row.severity,
    handlingCode: row.handling_code,
    status: row.status,
    validUntil: row.valid_until,
    createdAt: row.created_at,
    kind: row.kind,
    display: row.display,
  }));
}
