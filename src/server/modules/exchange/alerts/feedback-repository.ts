import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';

/**
 * SQL of alert feedback. The caller has already read the alert through the visibility rule; what
 * part of the feedback a viewer sees (all units, or only their own) is the service's rule.
 */

/** A unit's current feedback on an alert. */
export interface UnitFeedback {
  unitId: string;
  unitName: string;
  organisationId: string;
  organisationName: string;
  verdict: string;
  comment: string | null;
  at: Date;
}

/** Current feedback on an alert (no superseded rows), of the given units only when `unitIds` is set. */
export async function currentFeedback(db: Db, alertId: string, unitIds: string[] | null): Promise<UnitFeedback[]> {
  if (unitIds?.length === 0) return [];
  const rows = await db
    .selectFrom('alert_feedback as f')
    .innerJoin('units as un', 'un.id', 'f.unit_id')
    .innerJoin('organisations as o', 'o.id', 'un.organisation_id')
    .select([
      'f.unit_id',
      'un.name as unit_name',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'f.verdict',
      'f.comment',
      'f.at',
    ])
    .where('f.alert_id', '=', alertId)
    .where('f.superseded_at', 'is', null)
    .$if(unitIds !== null, (qb) => qb.where('f.unit_id', 'in', unitIds!))
    .orderBy('f.at')
    .orderBy('f.unit_id')
    .execute();
  return rows.map((row) => ({
    unitId: row.unit_id,
    unitName: row.unit_name,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    verdict: row.verdict,
    comment: row.comment,
    at: row.at,
  }));
}

/**
 * Records a unit's feedback, superseding its previous one (kept as history). The alert row is
 * locked first so two members of a unit answering at once cannot both become "current".
 */
export async function recordFeedback(
  db: Db,
  feedback: { alertId: string; unitId: string; userId: string; verdict: string; comment: string | null },
): Promise<void> {
  await db.selectFrom('alerts').select('id').where('id', '=', feedback.alertId).forUpdate().execute();
  await db
    .updateTable('alert_feedback')
    .set({ superseded_at: sql`now()` })
    .where('alert_id', '=', feedback.alertId)
    .where('unit_id', '=', feedback.unitId)
    .where('superseded_at', 'is', null)
    .execute();
  await db
    .insertInto('alert_feedback')
    .values({
      alert_id: feedback.alertId,
      unit_id: feedback.unitId,
      verdict: feedback.verdict,
      comment: feedback.comment,
      user_id: feedback.userId,
    })
    .execute();
}
