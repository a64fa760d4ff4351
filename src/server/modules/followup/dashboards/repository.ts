import { type RawBuilder, sql } from 'kysely';
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

/** Actions per reference and status, and per status over all the references (null reference). */
export async function actionCountsByReference(db: Db, viewer: Viewer | null, references: readonly string[]) {
  const result = await sql<{ reference: string | null; status: string; count: number }>`
    select r.ref as reference, a.status, count(distinct a.id)::int as count
    from commitments c join followup_actions a on a.commitment_id = c.id
    cross join unnest(c.plan_references) r(ref)
    where ${scopeOf(viewer, { references })} and r.ref = any(${[...references]}::text[])
    group by grouping sets ((r.ref, a.status), (a.status))`.execute(db);
  return result.rows;
}

/** Actions per status among the commitments of a scope. */
export async function actionCounts(db: Db, viewer: Viewer | null, scope: CommitmentScope) {
  const result = await sql<{ status: string; count: number }>`
    select a.status, count(*)::int as count from commitments c join followup_actions a on a.commitment_id = c.id
    where ${scopeOf(viewer, scope)} group by a.status`.execute(db);
  return result.rows;
}

export interface ActionRecord {
  id: string;
  title: string;
  dueOn: string;
  status: string;
  commitment: { id: string; title: string };
  ownerUnit: { id: string; name: string };
}

/** A page of actions in due-date order (`desc`: latest first), and how many match. */
export async function listActions(
  db: Db,
  viewer: Viewer | null,
  filter: ActionFilter,
  page: { limit: number; offset: number; desc?: boolean },
) {
  const where = actionConditions(viewer, filter);
  const order = page.desc ? sql`a.due_on desc, a.id desc` : sql`a.due_on, a.id`;
  const [rows, total] = await Promise.all([
    sql<{ id: string; title: string; due_on: string; status: string; commitment_id: string; commitment_title: string; unit_id: string; unit_name: string }>`
      select a.id, a.title, a.due_on::text as due_on, a.status, c.id as commitment_id, c.title as commitment_title,
        u.id as unit_id, u.name as unit_name
      from commitments c join followup_actions a on a.commitment_id = c.id join units u on u.id = a.owner_unit_id
      where ${where} order by ${order} limit ${page.limit} offset ${page.offset}`.execute(db),
    sql<{ total: number }>`select count(*)::int as total from commitments c join followup_actions a on a.commitment_id = c.id
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
        ownerUnit: { id: row.unit_id, name: row.unit_name },
      }),
    ),
  };
}

/** An indicator's frame and its latest two measurements (oldest first): what `standingOf` needs. */
export interface IndicatorStandingRow {
  id: string;
  commitmentId: string;
  references: string[];
  baseline: { value: number; on: string };
  target: { value: number; on: string };
  lastTwo: { value: number; on: string }[];
}

/** Active indicators of the commitments of a scope, with what their standing is computed from. */
export async function indicatorStandings(db: Db, viewer: Viewer | null, scope: CommitmentScope) {
  const result = await sql<{
    id: string;
    commitment_id: string;
    references: string[];
    baseline_value: number;
    baseline_on: string;
    target_value: number;
    target_on: string;
    values: number[];
    dates: string[];
  }>`
    select i.id, c.id as commitment_id, c.plan_references as references, i.baseline_value::float8 as baseline_value,
      i.baseline_on::text as baseline_on, i.target_value::float8 as target_value, i.target_on::text as target_on,
      coalesce(l.values, '{}') as values, coalesce(l.dates, '{}') as dates
    from commitments c join indicators i on i.commitment_id = c.id
    left join lateral (
      select array_agg(m.value::float8 order by m.measured_on, m.reported_at) as values,
        array_agg(m.measured_on::text order by m.measured_on, m.reported_at) as dates
      from (select value, measured_on, reported_at from indicator_measurements m
        where m.indicator_id = i.id and m.withdrawn_at is null order by m.measured_on desc, m.reported_at desc limit 2) m
    ) l on true
    where ${scopeOf(viewer, scope)} and i.status = 'active'`.execute(db);
  return result.rows.map(
    (row): IndicatorStandingRow => ({
      id: row.id,
      commitmentId: row.commitment_id,
      references: row.references,
      baseline: { value: row.baseline_value, on: row.baseline_on },
      target: { value: row.target_value, on: row.target_on },
      lastTwo: row.values.map((value, index) => ({ value, on: row.dates[index] })),
    }),
  );
}

export interface IndicatorRecord {
  id: string;
  name: string;
  measureUnit: string;
  direction: string;
  valueType: string;
  commitment: { id: string; title: string };
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
    baseline_value: number;
    baseline_on: string;
    target_value: number;
    target_on: string;
    series: { value: number; on: string }[];
  }>`
    select i.id, i.name, i.measure_unit, i.direction, i.value_type, c.id as commitment_id, c.title as commitment_title,
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
