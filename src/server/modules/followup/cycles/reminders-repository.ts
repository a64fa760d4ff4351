import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';

/** What the follow-up's jobs read (reminders are claimed with `platform/jobs/reminders.ts`). */

export interface DueAction {
  id: string;
  title: string;
  dueOn: string;
  ownerUnitId: string;
  commitmentId: string;
  commitmentTitle: string;
  handlingCode: string;
  fromUnitId: string;
  fromOrganisationId: string;
  senderUserId: string;
}

/**
 * Open actions due within `days` (today included) not yet reminded, whose owner unit is active;
 * the reminder comes from the commitment's unit in the name of the person who created it.
 */
export async function dueActions(db: Db, days: number, kind: string, limit: number): Promise<DueAction[]> {
  const result = await sql<{
    id: string;
    title: string;
    due_on: string;
    owner_unit_id: string;
    commitment_id: string;
    commitment_title: string;
    handling_code: string;
    originator_unit_id: string;
    originator_organisation_id: string;
    created_by: string;
  }>`select a.id, a.title, to_char(a.due_on, 'YYYY-MM-DD') as due_on, a.owner_unit_id, c.id as commitment_id,
      c.title as commitment_title, c.handling_code, c.originator_unit_id, c.originator_organisation_id, c.created_by
    from followup_actions a join commitments c on c.id = a.commitment_id
    join units ou on ou.id = a.owner_unit_id and ou.active
    where a.status not in ('done', 'cancelled') and c.status = 'active'
      and a.due_on between current_date and current_date + ${days}::int
      and not exists (select 1 from followup_reminders r where r.subject_id = a.id and r.kind = ${kind})
    order by a.due_on, a.id limit ${limit}`.execute(db);
  return result.rows.map((row) => ({
    id: row.id,
    title: row.title,
    dueOn: row.due_on,
    ownerUnitId: row.owner_unit_id,
    commitmentId: row.commitment_id,
    commitmentTitle: row.commitment_title,
    handlingCode: row.handling_code,
    fromUnitId: row.originator_unit_id,
    fromOrganisationId: row.originator_organisation_id,
    senderUserId: row.created_by,
  }));
}
