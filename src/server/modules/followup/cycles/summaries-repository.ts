import { sql } from 'kysely';
import type { CommitmentSummary } from '../../../../shared/followup/contract.js';
import { standingOf } from '../../../../shared/followup/indicators.js';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { visibleTo } from '../../../platform/policy/visibility-filter.js';

/**
 * Commitments as a cycle's pages and PDF list them (the commitments API's summary shape): two
 * statements for any number of commitments, both under the sharing rule.
 */

interface SummaryRow {
  id: string;
  title: string;
  status: CommitmentSummary['status'];
  starts_on: string;
  ends_on: string;
  lead_id: string;
  lead_name: string;
  lead_acronym: string | null;
  lead_country: string | null;
  plan_references: string[];
  handling_code: CommitmentSummary['handlingCode'];
  updated_at: Date;
  planned: number;
  in_progress: number;
  done: number;
  delayed: number;
  cancelled: number;
  overdue: number;
}

interface IndicatorRow {
  commitment_id: string;
  baseline_value: string;
  baseline_on: string;
  target_value: string;
  target_on: string;
  series: { value: string; on: string }[] | null;
}

export async function commitmentSummaries(db: Db, viewer: Viewer, ids: readonly string[]): Promise<CommitmentSummary[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  const result = await sql<SummaryRow>`select c.id, c.title, c.status, to_char(c.starts_on, 'YYYY-MM-DD') as starts_on,
      to_char(c.ends_on, 'YYYY-MM-DD') as ends_on, o.id as lead_id, o.name as lead_name, o.acronym as lead_acronym,
      o.country as lead_country, c.plan_references, c.handling_code, c.updated_at,
      count(a.id) filter (where a.status = 'planned')::int as planned,
      count(a.id) filter (where a.status = 'in_progress')::int as in_progress,
      count(a.id) filter (where a.status = 'done')::int as done,
      count(a.id) filter (where a.status = 'delayed')::int as delayed,
      count(a.id) filter (where a.status = 'cancelled')::int as cancelled,
      count(a.id) filter (where a.status not in ('done', 'cancelled') and a.due_on < current_date)::int as overdue
    from commitments c join organisations o on o.id = c.originator_organisation_id
    left join followup_actions a on a.commitment_id = c.id
    where c.id = any (${list}::uuid[]) and ${visibleTo(viewer, 'c')}
    group by c.id, o.id order by c.title, c.id`.execute(db);
  const indicators = await sql<IndicatorRow>`select i.commitment_id, i.baseline_value::text, 
      to_char(i.baseline_on, 'YYYY-MM-DD') as baseline_on, i.target_value::text, to_char(i.target_on, 'YYYY-MM-DD') as target_on,
      (select json_agg(json_build_object('value', m.value::text, 'on', to_char(m.measured_on, 'YYYY-MM-DD')))
         from indicator_measurements m where m.indicator_id = i.id and m.withdrawn_at is null) as series
    from indicators i join commitments c on c.id = i.commitment_id
    where i.commitment_id = any (${list}::uuid[]) and i.status = 'active' and ${visibleTo(viewer, 'c')}`.execute(db);
  const counts = new Map<string, CommitmentSummary['indicators']>();
  for (const row of indicators.rows) {
    const count = counts.get(row.commitment_id) ?? { total: 0, achieved: 0, onTrack: 0, offTrack: 0 };
    const { trend } = standingOf(
      {
        baseline: { value: Number(row.baseline_value), on: row.baseline_on },
        target: { value: Number(row.target_value), on: row.target_on },
      },
      (row.series ?? []).map((point) => ({ value: Number(point.value), on: point.on })),
    );
    count.total += 1;
    if (trend === 'achieved') count.achieved += 1;
    if (trend === 'on_track') count.onTrack += 1;
    if (trend === 'off_track') count.offTrack += 1;
    counts.set(row.commitment_id, count);
  }
  return result.rows.map((row) => ({
    id: row.id,
    title: row.title,
    status: row.status,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    lead: { id: row.lead_id, name: row.lead_name, acronym: row.lead_acronym, country: row.lead_country },
    references: row.plan_references,
    handlingCode: row.handling_code,
    actions: {
      planned: row.planned,
      in_progress: row.in_progress,
      done: row.done,
      delayed: row.delayed,
      cancelled: row.cancelled,
    },
    overdueActions: row.overdue,
    indicators: counts.get(row.id) ?? { total: 0, achieved: 0, onTrack: 0, offTrack: 0 },
    updatedAt: new Date(row.updated_at).toISOString(),
  }));
}
