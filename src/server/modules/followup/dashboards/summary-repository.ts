import { sql } from 'kysely';
import { ACTION_STATUSES } from '../../../../shared/followup/vocabulary.js';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { visibleTo } from '../../../platform/policy/visibility-filter.js';
import { noCount, type OrganisationRecord } from './repository.js';

/**
 * Commitments as dashboards list them (lead, references, counts of actions) and the reports waiting
 * for an organisation. Commitments are read under the sharing rule like every other statement here.
 */

export interface CommitmentSummaryRecord {
  id: string;
  title: string;
  status: string;
  startsOn: string;
  endsOn: string;
  lead: OrganisationRecord;
  references: string[];
  handlingCode: string;
  /** Actions per status. */
  actions: Record<(typeof ACTION_STATUSES)[number], number>;
  overdueActions: number;
  /** Active indicators, and how many stand where (`indicator_recent`, migration 0024). */
  indicators: { total: number; achieved: number; onTrack: number; offTrack: number };
  updatedAt: Date;
}

interface SummaryRow {
  id: string;
  title: string;
  status: string;
  starts_on: string;
  ends_on: string;
  plan_references: string[];
  handling_code: string;
  updated_at: Date;
  lead_id: string;
  lead_name: string;
  lead_acronym: string | null;
  lead_country: string | null;
  planned: number;
  in_progress: number;
  done: number;
  delayed: number;
  cancelled: number;
  overdue: number;
  indicators: number;
  achieved: number;
  on_track: number;
  off_track: number;
}

/**
 * Visible commitments where `organisationId` is a partner, or (without it) that name any of
 * `references`; newest first, a page and the total.
 */
export async function commitmentSummaries(
  db: Db,
  viewer: Viewer | null,
  scope: { organisationId?: string; references?: readonly string[]; today: string },
  page: { limit: number; offset: number; count?: boolean },
) {
  const where = sql.join(
    [
      visibleTo(viewer, 'c'),
      scope.organisationId
        ? sql`exists (select 1 from commitment_partners p where p.commitment_id = c.id and p.organisation_id = ${scope.organisationId})`
        : sql`true`,
      scope.references ? sql`c.plan_references && ${[...scope.references]}::text[]` : sql`true`,
    ],
    sql` and `,
  );
  const [rows, total] = await Promise.all([
    sql<SummaryRow>`
      select c.id, c.title, c.status, c.starts_on::text as starts_on, c.ends_on::text as ends_on, c.plan_references,
        c.handling_code, c.updated_at, o.id as lead_id, o.name as lead_name, o.acronym as lead_acronym,
        o.country::text as lead_country, coalesce(k.planned, 0) as planned, coalesce(k.in_progress, 0) as in_progress,
        coalesce(k.done, 0) as done, coalesce(k.delayed, 0) as delayed, coalesce(k.cancelled, 0) as cancelled,
        (select count(*) from followup_actions a where a.commitment_id = c.id and a.status not in ('done', 'cancelled')
          and a.due_on < ${scope.today}::date)::int as overdue,
        n.indicators, n.achieved, n.on_track, n.off_track
      from commitments c join organisations o on o.id = c.originator_organisation_id
      left join followup_action_counts k on k.commitment_id = c.id
      cross join lateral (
        select count(*)::int as indicators, count(*) filter (where r.trend = 'achieved')::int as achieved,
          count(*) filter (where r.trend = 'on_track')::int as on_track,
          count(*) filter (where r.trend = 'off_track')::int as off_track
        from indicators i left join indicator_recent r on r.indicator_id = i.id
        where i.commitment_id = c.id and i.status = 'active'
      ) n
      where ${where} order by c.created_at desc, c.id desc limit ${page.limit} offset ${page.offset}`.execute(db),
    page.count === false
      ? noCount
      : sql<{ total: number }>`select count(*)::int as total from commitments c where ${where}`.execute(db),
  ]);
  return {
    total: total.rows[0]?.total ?? 0,
    items: rows.rows.map(
      (row): CommitmentSummaryRecord => ({
        id: row.id,
        title: row.title,
        status: row.status,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        lead: { id: row.lead_id, name: row.lead_name, acronym: row.lead_acronym, country: row.lead_country },
        references: row.plan_references,
        handlingCode: row.handling_code,
        actions: Object.fromEntries(ACTION_STATUSES.map((status) => [status, row[status]])) as CommitmentSummaryRecord['actions'],
        overdueActions: row.overdue,
        indicators: { total: row.indicators, achieved: row.achieved, onTrack: row.on_track, offTrack: row.off_track },
        updatedAt: row.updated_at,
      }),
    ),
  };
}

export interface ReportTaskRecord {
  reportId: string;
  cycleId: string;
  cycleTitle: string;
  deadline: string;
  status: string;
}

/** Reports of open cycles an organisation has not submitted yet (or must correct), soonest deadline first. */
export async function reportsToSubmit(db: Db, organisationId: string) {
  const result = await sql<{ report_id: string; cycle_id: string; cycle_title: string; deadline: string; status: string }>`
    select r.id as report_id, y.id as cycle_id, y.title as cycle_title, y.deadline::text as deadline, r.status
    from review_reports r join review_cycles y on y.id = r.cycle_id
    where r.organisation_id = ${organisationId} and y.status = 'open' and r.status not in ('submitted', 'accepted')
    order by y.deadline, r.id`.execute(db);
  return result.rows.map(
    (row): ReportTaskRecord => ({
      reportId: row.report_id,
      cycleId: row.cycle_id,
      cycleTitle: row.cycle_title,
      deadline: row.deadline,
      status: row.status,
    }),
  );
}
