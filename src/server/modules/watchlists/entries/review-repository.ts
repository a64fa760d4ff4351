import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';

/** An active list with entries past their review date, as its daily notice needs it (no names). */
export interface ListDueForReview {
  id: string;
  name: string;
  handlingCode: string;
  ownerUnitId: string;
  ownerOrganisationId: string;
  createdBy: string;
  due: number;
  lapsed: number;
  /** References of the entries due, oldest review first (at most 50). */
  references: string[];
}

/** Lists with entries due for review that were not told yet under `kind` (one kind per day). */
export async function listsDueForReview(db: Db, kind: string, limit: number): Promise<ListDueForReview[]> {
  const { rows } = await sql<{
    id: string;
    name: string;
    handling_code: string;
    originator_unit_id: string;
    originator_organisation_id: string;
    created_by: string;
    due: number;
    lapsed: number;
    references: string[];
  }>`select w.id, w.name, w.handling_code, w.originator_unit_id, w.originator_organisation_id, w.created_by,
      d.due, d.lapsed, d.refs as references
    from watchlists w
    join units ou on ou.id = w.originator_unit_id and ou.active
    cross join lateral (
      select count(*)::int as due,
        count(*) filter (where e.review_date + w.grace_days < current_date)::int as lapsed,
        (array_agg(e.reference order by e.review_date, e.reference))[1:50] as refs
      from watchlist_entries e
      where e.watchlist_id = w.id and e.status = 'active' and e.review_date < current_date
    ) d
    where w.status = 'active' and d.due > 0
      and not exists (select 1 from followup_reminders r where r.subject_id = w.id and r.kind = ${kind})
    order by w.id limit ${limit}`.execute(db);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    handlingCode: row.handling_code,
    ownerUnitId: row.originator_unit_id,
    ownerOrganisationId: row.originator_organisation_id,
    createdBy: row.created_by,
    due: row.due,
    lapsed: row.lapsed,
    references: row.references,
  }));
}
