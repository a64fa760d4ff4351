import { type RawBuilder, sql } from 'kysely';
import { ACTION_STATUSES } from '../../../../shared/followup/vocabulary.js';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { visibleTo } from '../../../platform/policy/visibility-filter.js';

/**
 * SQL of the dashboards and drill-down lists. Every statement reads commitments as `c` under the
 * sharing rule (`visibleTo(viewer, 'c')`), and everything else (actions, indicators, measurements,
 * partners, linked recommendations) only through a visible commitment. Figures are aggregated in
 * SQL, one statement per group; what needs the indicator rule (`standingOf`) reads each indicator's
 * two latest measurements only, which is all the rule looks at.
 */

/** Which commitments a figure or list is about (all optional; AND between them). */
export interface CommitmentScope {
  /** Any of these action-plan references (a plan's parts). */
  references?: readonly string[];
  /** A partner (lead or contributor). */
  organisationId?: string;
  commitmentId?: string;
  commitmentIds?: readonly string[];
  /** Leave cancelled commitments out. */
  activeOnly?: boolean;
}

export interface ActionFilter extends CommitmentScope {
  statuses?: readonly string[];
  /** Open (not done nor cancelled) and due before `today`. */
  overdue?: boolean;
  /** Open and due from `today` to `dueUntil`. */
  dueUntil?: string;
  today: string;
}

const OPEN_ACTION = sql`a.status not in ('done', 'cancelled')`;

/** A page asked without its total (`count: false`: a dashboard's inline list) skips the count statement. */
export const noCount = Promise.resolve({ rows: [] as { total: number }[] });

function scopeOf(viewer: Viewer | null, scope: CommitmentScope): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [visibleTo(viewer, 'c')];
  if (scope.references) conditions.push(sql`c.plan_references && ${[...scope.references]}::text[]`);
  if (scope.organisationId) {
    conditions.push(sql`exists (select 1 from commitment_partners p
      where p.commitment_id = c.id and p.organisation_id = ${scope.organisationId})`);
  }
  if (scope.commitmentId) conditions.push(sql`c.id = ${scope.commitmentId}`);
  if (scope.commitmentIds) conditions.push(sql`c.id = any(${[...scope.commitmentIds]}::uuid[])`);
  if (scope.activeOnly) conditions.push(sql`c.status <> 'cancelled'`);
  return sql.join(conditions, sql` and `);
}

function actionConditions(viewer: Viewer | null, filter: ActionFilter): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [scopeOf(viewer, filter)];
  if (filter.statuses) conditions.push(sql`a.status = any(${[...filter.statuses]}::text[])`);
  if (filter.overdue === true) conditions.push(sql`${OPEN_ACTION} and a.due_on < ${filter.today}::date`);
  if (filter.overdue === false) conditions.push(sql`not (${OPEN_ACTION} and a.due_on < ${filter.today}::date)`);
  if (filter.dueUntil) {
    conditions.push(sql`${OPEN_ACTION} and a.due_on between ${filter.today}::date and ${filter.dueUntil}::date`);
  }
  return sql.join(conditions, sql` and `);
}

/**
 * Library items some commitment the viewer may see (not cancelled) acts on: the one definition of
 * "followed up", for the dashboards and the library's facet.
 */
export const followedUpItems = (viewer: Viewer | null) => sql`select cr.item_id from commitment_recommendations cr
  join commitments c on c.id = cr.commitment_id where c.status <> 'cancelled' and ${visibleTo(viewer, 'c')}`;

export interface ReferenceCount {
  /** null: the total over all the references asked (each record counted once). */
  reference: string | null;
  count: number;
  followedUp: number;
}

/** Published recommendations the viewer may see tagged with each reference, and how many are followed up. */
export async function recommendationCounts(db: Db, viewer: Viewer | null, references: readonly string[]) {
  const result = await sql<{ reference: string | null; count: number; followed_up: number }>`
    select r.ref as reference, count(distinct i.id)::int as count,
      count(distinct i.id) filter (where f.item_id is not null)::int as followed_up
    from knowledge_items i
    join knowledge_documents d on d.id = i.document_id
    cross join lateral (select e ->> 'id' as ref from jsonb_array_elements(i."references") e) r
    left join (${followedUpItems(viewer)}) f on f.item_id = i.id
    where i.type = 'recommendation' and i.status = 'published' and d.status = 'published'
      and ${visibleTo(viewer, 'd')} and r.ref = any(${[...references]}::text[])
    group by grouping sets ((r.ref), ())`.execute(db);
  return result.rows.map((row): ReferenceCount => ({ reference: row.reference, count: row.count, followedUp: row.followed_up }));
}

/** Visible commitments per reference (every status, as the commitments list counts them). */
export async function commitmentCounts(db: Db, viewer: Viewer | null, references: readonly string[]) {
  const result = await sql<{ reference: string | null; count: number }>`
    select r.ref as reference, count(distinct c.id)::int as count
    from commitments c cross join unnest(c.plan_references) r(ref)
    where ${scopeOf(viewer, { references })} and r.ref = any(${[...references]}::text[])
    group by grouping sets ((r.ref), ())`.execute(db);
  return result.rows;
}

/** The action counts of `followup_action_counts` (migration 0024), one column per status. */
const STATUS_SUMS = sql`coalesce(sum(k.planned), 0)::int as planned, coalesce(sum(k.in_progress), 0)::int as in_progress,
  coalesce(sum(k.done), 0)::int as done, coalesce(sum(k.delayed), 0)::int as delayed,
  coalesce(sum(k.cancelled), 0)::int as cancelled`;
type StatusSums = Record<(typeof ACTION_STATUSES)[number], number>;
const unpivot = <T extends StatusSums>(row: T) => ACTION_STATUSES.map((status) => ({ status, count: row[status] }));

/** Actions per reference and status, and per status over all the references (null reference), each once. */
export async function actionCountsByReference(db: Db, viewer: Viewer | null, references: readonly string[]) {
  const result = await sql<StatusSums & { reference: string | null }>`
    with visible as (select c.id, c.plan_references from commitments c where ${scopeOf(viewer, { references })})
    select r.ref as reference, ${STATUS_SUMS}
    from visible c join followup_action_counts k on k.commitment_id = c.id cross join unnest(c.plan_references) r(ref)
    where r.ref = any(${[...references]}::text[]) group by r.ref
    union all
    select null, ${STATUS_SUMS} from visible c join followup_action_counts k on k.commitment_id = c.id`.execute(db);
  return result.rows.flatMap((row) => unpivot(row).map((count) => ({ reference: row.reference, ...count })));
}

/** Actions per status among the commitments of a scope. */
export async function actionCounts(db: Db, viewer: Viewer | null, scope: CommitmentScope) {
  const result = await sql<StatusSums>`select ${STATUS_SUMS}
    from commitments c join followup_action_counts k on k.commitment_id = c.id where ${scopeOf(viewer, scope)}`.execute(db);
  return result.rows.flatMap(unpivot);
}

export interface ActionRecord {
  id: string;
  title: string;
  dueOn: string;
  status: string;
  commitment: { id: string; title: string };
  ownerUnit: { id: string; name: string };
  /** The commitment's, for the audit of sensitive reads (not published). */
  handlingCode: string;
}

/** A page of actions in due-date order (`desc`: latest first), and how many match. */
export async function listActions(
  db: Db,
  viewer: Viewer | null,
  filter: ActionFilter,
  page: { limit: number; offset: number; desc?: boolean; count?: boolean },
) {
  const where = actionConditions(viewer, filter);
  const order = page.desc ? sql`a.due_on desc, a.id desc` : sql`a.due_on, a.id`;
  const [rows, total] = await Promise.all([
    sql<{
      id: string;
      title: string;
      due_on: string;
      status: string;
      commitment_id: string;
      commitment_title: string;
      handling_code: string;
      unit_id: string;
      unit_name: string;
    }>`
      select a.id, a.title, a.due_on::text as due_on, a.status, c.id as commitment_id, c.title as commitment_title, c.handling_code,
        u.id as unit_id, u.name as unit_name
      from commitments c join followup_actions a on a.commitment_id = c.id join units u on u.id = a.owner_unit_id
      where ${where} order by ${order} limit ${page.limit} offset ${page.offset}`.execute(db),
    page.count === false
      ? noCount
      : sql<{ total: number }>`select count(*)::int as total from commitments c join followup_actions a on a.commitment_id = c.id
      where ${where}`.execute(db),
  ]);
  return {
    total: total.rows[0]?.total ?? 0,
    items: rows.rows.map(
      (row): ActionRecord => ({
        id: row.id,
        title: row.title,
        dueOn: row.due_on,
        status: row.status,
        commitment: { id: row.commitment_id, title: row.commitment_title },
        handlingCode: row.handling_code,
        ownerUnit: { id: row.unit_id, name: row.unit_name },
      }),
    ),
  };
}

// Where an indicator stands (trend, attainment), kept in `indicator_recent` by the SQL twin of
// `standingOf` (migration 0024); read with indicators as `i` and indicator_recent as `r`.
const TREND = sql`coalesce(r.trend, 'no_data')`;
const ATTAINMENT = sql`r.attainment`;
const INDICATORS = sql`join indicators i on i.commitment_id = c.id and i.status = 'active'
  left join indicator_recent r on r.indicator_id = i.id`;
/** Most off track first, then least attained; by id so that pages are stable. */
const WORST_FIRST = sql`case ${TREND} when 'off_track' then 0 when 'on_track' then 1 when 'no_data' then 2 else 3 end,
  ${ATTAINMENT} nulls last, i.id`;

export interface TrendCount {
  /** null: over all the references asked (each indicator once). */
  reference: string | null;
  trend: string;
  count: number;
  /** Sum and number of the attainments (each held to 0..1) of the indicators with data. */
  attainedSum: number;
  attainedCount: number;
}

/** Active indicators per reference and trend, and per trend over all the references. */
export async function indicatorCountsByReference(db: Db, viewer: Viewer | null, references: readonly string[]) {
  const result = await sql<{
    reference: string | null;
    trend: string;
    count: number;
    attained_sum: number | null;
    attained_count: number;
  }>`
    with standing as (
      select c.plan_references, ${TREND} as trend, count(*) as n, sum(least(1, greatest(0, ${ATTAINMENT}))) as attained,
        count(${ATTAINMENT}) as with_data
      from commitments c ${INDICATORS} where ${scopeOf(viewer, { references })} group by c.id, ${TREND})
    select r.ref as reference, s.trend, sum(s.n)::int as count, sum(s.attained)::float8 as attained_sum,
      sum(s.with_data)::int as attained_count
    from standing s cross join unnest(s.plan_references) r(ref) where r.ref = any(${[...references]}::text[])
    group by r.ref, s.trend
    union all
    select null, s.trend, sum(s.n)::int, sum(s.attained)::float8, sum(s.with_data)::int from standing s group by s.trend`.execute(
    db,
  );
  return result.rows.map(
    (row): TrendCount => ({
      reference: row.reference,
      trend: row.trend,
      count: row.count,
      attainedSum: row.attained_sum ?? 0,
      attainedCount: row.attained_count,
    }),
  );
}

/** Ids of a page of active indicators of a scope (of some trends), most off track first, and how many match. */
export async function listIndicatorIds(
  db: Db,
  viewer: Viewer | null,
  filter: CommitmentScope & { trends?: readonly string[] },
  page: { limit: number; offset: number; count?: boolean },
) {
  const where = sql.join(
    [scopeOf(viewer, filter), filter.trends ? sql`${TREND} = any(${[...filter.trends]}::text[])` : sql`true`],
    sql` and `,
  );
  const [rows, total] = await Promise.all([
    sql<{ id: string }>`select i.id from commitments c ${INDICATORS} where ${where}
      order by ${WORST_FIRST} limit ${page.limit} offset ${page.offset}`.execute(db),
    page.count === false
      ? noCount
      : sql<{ total: number }>`select count(*)::int as total from commitments c ${INDICATORS} where ${where}`.execute(db),
  ]);
  return { ids: rows.rows.map((row) => row.id), total: total.rows[0]?.total ?? 0 };
}

export interface IndicatorRecord {
  id: string;
  name: string;
  measureUnit: string;
  direction: string;
  valueType: string;
  commitment: { id: string; title: string };
  /** The commitment's, for the audit of sensitive reads (not published). */
  handlingCode: string;
  baseline: { value: number; on: string };
  target: { value: number; on: string };
  /** Measurements not withdrawn, oldest first. */
  series: { value: number; on: string }[];
}

/** Indicators by id with their whole series, under the sharing rule again. */
export async function indicatorsWithSeries(db: Db, viewer: Viewer | null, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const result = await sql<{
    id: string;
    name: string;
    measure_unit: string;
    direction: string;
    value_type: string;
    commitment_id: string;
    commitment_title: string;
    handling_code: string;
    baseline_value: number;
    baseline_on: string;
    target_value: number;
    target_on: string;
    series: { value: number; on: string }[];
  }>`
    select i.id, i.name, i.measure_unit, i.direction, i.value_type, c.id as commitment_id, c.title as commitment_title, c.handling_code,
      i.baseline_value::float8 as baseline_value, i.baseline_on::text as baseline_on,
      i.target_value::float8 as target_value, i.target_on::text as target_on,
      coalesce((select json_agg(json_build_object('value', m.value::float8, 'on', m.measured_on::text)
          order by m.measured_on, m.reported_at)
        from indicator_measurements m where m.indicator_id = i.id and m.withdrawn_at is null), '[]') as series
    from commitments c join indicators i on i.commitment_id = c.id
    where i.id = any(${[...ids]}::uuid[]) and ${visibleTo(viewer, 'c')}`.execute(db);
  const byId = new Map(
    result.rows.map((row): [string, IndicatorRecord] => [
      row.id,
      {
        id: row.id,
        name: row.name,
        measureUnit: row.measure_unit,
        direction: row.direction,
        valueType: row.value_type,
        commitment: { id: row.commitment_id, title: row.commitment_title },
        handlingCode: row.handling_code,
        baseline: { value: row.baseline_value, on: row.baseline_on },
        target: { value: row.target_value, on: row.target_on },
        series: row.series,
      },
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export interface OrganisationRecord {
  id: string;
  name: string;
  acronym: string | null;
  country: string | null;
}

/** Partner organisations (lead or contributor) of the visible commitments of a scope, with how many each. */
export async function partnerCounts(db: Db, viewer: Viewer | null, scope: CommitmentScope) {
  const result = await sql<OrganisationRecord & { commitments: number }>`
    select o.id, o.name, o.acronym, o.country::text as country, count(*)::int as commitments
    from commitments c join commitment_partners p on p.commitment_id = c.id join organisations o on o.id = p.organisation_id
    where ${scopeOf(viewer, scope)}
    group by o.id order by commitments desc, o.name`.execute(db);
  return result.rows;
}

export async function findOrganisation(db: Db, id: string) {
  const result = await sql<OrganisationRecord>`
    select id, name, acronym, country::text as country from organisations where id = ${id}`.execute(db);
  return result.rows[0] ?? null;
}
