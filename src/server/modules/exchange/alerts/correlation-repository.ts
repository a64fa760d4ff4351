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

export interface CorrelationRow {
  id: string;
  title: string;
  severity: string;
  handling_code: string;
  status: 'active' | 'withdrawn';
  valid_until: Date;
  created_at: Date;
  /** One observable the two alerts share, as this alert writes it. */
  kind: string;
  display: string;
}

/** Rows read at most: a common name shared by thousands of alerts must not stall the page. */
const MAX_ROWS = 5000;

/** The visible alerts linked to one alert, one row per shared observable, newest alerts first. */
export async function correlatedAlerts(db: Db, viewer: Viewer | null, alertId: string): Promise<CorrelationRow[]> {
  const result = await sql<CorrelationRow>`select linked.id, linked.title, linked.severity, linked.handling_code,
      linked.status, linked.valid_until, linked.created_at, mine.kind, mine.display
    from alert_observables mine
    join alert_observables theirs on theirs.key = mine.key and theirs.alert_id <> mine.alert_id
    join alerts linked on linked.id = theirs.alert_id
    where mine.alert_id = ${alertId} and ${visibleTo(viewer, 'linked')}
    order by linked.created_at desc, linked.id, mine.position
    limit ${MAX_ROWS}`.execute(db);
  return result.rows;
}
