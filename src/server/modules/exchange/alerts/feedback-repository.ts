import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';

/**
 * SQL of alert feedback. The caller has already read the alert through the visibility rule; what
 * part of the feedback a viewer sees (all units, or only their own) is the service's rule.
 */

export interface FeedbackRow {
  unit_id: string;
  unit_name: string;
  organisation_id: string;
  organisation_name: string;
  verdict: string;
  comment: string | null;
  at: Date;
}

/** Current feedback on an alert (no superseded rows), of the given units only when `unitIds` is set. */
export async function currentFeedback(db: Db, alertId: string, unitIds: string[] | null): Promise<FeedbackRow[]> {
  const onlyUnits = unitIds ? sql`and f.unit_id = any(${unitIds}::uuid[])` : sql``;
  const result = await sql<FeedbackRow>`select f.unit_id, un.name as unit_name, o.id as organisation_id,
      o.name as organisation_name, f.verdict, f.comment, f.at
    from alert_feedback f join units un on un.id = f.unit_id join organisations o on o.id = un.organisation_id
    where f.alert_id = ${alertId} and f.superseded_at is null ${onlyUnits}
    order by f.at, f.unit_id`.execute(db);
  return result.rows;
}

/**
 * Records a unit's feedback, superseding its previous one (kept as history). The alert row is
 * locked first so two members of a unit answering at once cannot both become "current".
 */
export async function recordFeedback(
  db: Db,
  feedback: { alertId: string; unitId: string; userId: string; verdict: string; comment: string | null },
): Promise<void> {
  await sql`select id from alerts where id = ${feedback.alertId} for update`.execute(db);
  await sql`update alert_feedback set superseded_at = now()
    where alert_id = ${feedback.alertId} and unit_id = ${feedback.unitId} and superseded_at is null`.execute(db);
  await sql`insert into alert_feedback (alert_id, unit_id, verdict, comment, user_id)
    values (${feedback.alertId}, ${feedback.unitId}, ${feedback.verdict}, ${feedback.comment}, ${feedback.userId})`.execute(db);
}
