import { type RawBuilder, sql } from 'kysely';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { type ResolvedDistribution, visibleTo } from '../../../platform/policy/visibility-filter.js';
import { correlationCountOf } from './correlation-repository.js';
import type { Observable } from './observables/index.js';
import type { Geometry, StatusFilter } from './schemas.js';

/**
 * SQL of alerts. Every statement that reads an alert puts `visibleTo` on it: an alert the viewer
 * may not see is a missing one (404), in lists, counts, facets, the map and exports alike.
 */

export interface AlertRow {
  id: string;
  title: string;
  category: string;
  severity: string;
  valid_from: Date;
  valid_until: Date;
  area_countries: string[];
  area_label: string | null;
  area_geometry: Geometry | null;
  description: string;
  status: 'active' | 'withdrawn';
  withdrawn_at: Date | null;
  withdrawn_reason: string | null;
  withdrawn_by_name: string | null;
  sender_user_id: string;
  sender_name: string;
  handling_code: string;
  originator_unit_id: string;
  originator_unit_name: string;
  originator_organisation_id: string;
  originator_organisation_name: string;
  originator_organisation_acronym: string | null;
  recipient_units: string[];
  recipient_organisations: string[];
  recipient_sharing_groups: string[];
  to_all_partners: boolean;
  created_at: Date;
  updated_at: Date;
  observable_count: number;
  /** Other alerts this viewer may see that share an observable key with this one. */
  correlation_count: number;
}

const COLUMNS = (viewer: Viewer | null) => sql`a.id, a.title, a.category, a.severity, a.valid_from, a.valid_until,
  a.area_countries, a.area_label, a.area_geometry, a.description, a.status, a.withdrawn_at, a.withdrawn_reason,
  w.display_name as withdrawn_by_name, a.sender_user_id, u.display_name as sender_name, a.handling_code,
  a.originator_unit_id, un.name as originator_unit_name, a.originator_organisation_id,
  o.name as originator_organisation_name, o.acronym as originator_organisation_acronym, a.recipient_units,
  a.recipient_organisations, a.recipient_sharing_groups, a.to_all_partners, a.created_at, a.updated_at,
  (select count(*)::int from alert_observables x where x.alert_id = a.id) as observable_count,
  ${correlationCountOf(viewer, 'a')} as correlation_count`;
const FROM = sql`alerts a join users u on u.id = a.sender_user_id join units un on un.id = a.originator_unit_id
  join organisations o on o.id = a.originator_organisation_id left join users w on w.id = a.withdrawn_by`;

export interface NewAlert {
  title: string;
  category: string;
  severity: string;
  validFrom: string;
  validUntil: string;
  areaCountries: string[];
  areaLabel: string | null;
  areaGeometry: Geometry | null;
  description: string;
  senderUserId: string;
  handlingCode: string;
  originatorUnitId: string;
  originatorOrganisationId: string;
  distribution: ResolvedDistribution;
}

export async function insertAlert(db: Db, alert: NewAlert): Promise<string> {
  const d = alert.distribution;
  const geometry = alert.areaGeometry ? JSON.stringify(alert.areaGeometry) : null;
  const result = await sql<{ id: string }>`insert into alerts (title, category, severity, valid_from, valid_until,
      area_countries, area_label, area_geometry, description, sender_user_id, handling_code, originator_unit_id,
      originator_organisation_id, recipient_units, recipient_organisations, recipient_sharing_groups, to_all_partners)
    values (${alert.title}, ${alert.category}, ${alert.severity}, ${alert.validFrom}::timestamptz,
      ${alert.validUntil}::timestamptz, ${alert.areaCountries}::text[], ${alert.areaLabel}, ${geometry}::jsonb,
      ${alert.description}, ${alert.senderUserId}, ${alert.handlingCode}, ${alert.originatorUnitId},
      ${alert.originatorOrganisationId}, ${d.recipientUnits}::uuid[], ${d.recipientOrganisations}::uuid[],
      ${d.recipientSharingGroups}::uuid[], ${d.toAllPartners})
    returning id`.execute(db);
  return result.rows[0].id;
}

/** Stores an alert's normalised observables in the author's order, with their correlation keys. */
export async function insertObservables(db: Db, alertId: string, observables: (Observable & { key: string })[]) {
  if (observables.length === 0) return;
  const column = <K extends keyof (Observable & { key: string })>(name: K) => observables.map((o) => o[name] ?? null);
  await sql`insert into alert_observables (alert_id, position, kind, value, display, country, platform, phone_type, key)
    select ${alertId}, p.position, p.kind, p.value, p.display, p.country, p.platform, p.phone_type, p.key
    from unnest(${column('kind')}::text[], ${column('value')}::text[], ${column('display')}::text[],
      ${column('country')}::text[], ${column('platform')}::text[], ${column('phoneType')}::text[], ${column('key')}::text[])
      with ordinality as p(kind, value, display, country, platform, phone_type, key, position)`.execute(db);
}

export async function findAlert(db: Db, viewer: Viewer | null, id: string): Promise<AlertRow | undefined> {
  const result = await sql<AlertRow>`select ${COLUMNS(viewer)} from ${FROM}
    where a.id = ${id} and ${visibleTo(viewer, 'a')}`.execute(db);
  return result.rows[0];
}

export interface ObservableRow {
  kind: string;
  value: string;
  display: string;
  country: string | null;
  platform: string | null;
  phone_type: string | null;
}

/** Observables of alerts the caller has already read through the visibility rule. */
export async function observablesOf(db: Db, alertIds: string[]): Promise<Map<string, ObservableRow[]>> {
  const result = await sql<ObservableRow & { alert_id: string }>`select alert_id, kind, value, display, country, platform,
      phone_type
    from alert_observables where alert_id = any(${alertIds}::uuid[]) order by alert_id, position`.execute(db);
  const byAlert = new Map<string, ObservableRow[]>(alertIds.map((id) => [id, []]));
  for (const { alert_id, ...row } of result.rows) byAlert.get(alert_id)?.push(row);
  return byAlert;
}

/** Filters as the service resolved them: `observableKeys` are the keys the typed observable may have. */
export interface Filters {
  category?: string;
  severity?: string;
  country?: string;
  status: StatusFilter;
  q?: string;
  observableKeys?: string[];
}

type Facet = 'category' | 'severity' | 'country';

/**
 * The WHERE of a filtered read, always with the visibility rule. `except` leaves one filter out:
 * a facet counts what choosing another value of it would give.
 */
function where(viewer: Viewer | null, filters: Filters, except?: Facet): RawBuilder<unknown> {
  const conditions = [visibleTo(viewer, 'a')];
  if (filters.status === 'active') conditions.push(sql`(a.status = 'active' and a.valid_until > now())`);
  if (filters.status === 'expired') conditions.push(sql`(a.status = 'active' and a.valid_until <= now())`);
  if (filters.status === 'withdrawn') conditions.push(sql`a.status = 'withdrawn'`);
  if (filters.category && except !== 'category') conditions.push(sql`a.category = ${filters.category}`);
  if (filters.severity && except !== 'severity') conditions.push(sql`a.severity = ${filters.severity}`);
  if (filters.country && except !== 'country') conditions.push(sql`${filters.country} = any(a.area_countries)`);
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(a.title ilike ${pattern} or a.description ilike ${pattern} or a.area_label ilike ${pattern})`);
  }
  if (filters.observableKeys) {
    conditions.push(sql`exists (select 1 from alert_observables f where f.alert_id = a.id
      and f.key = any(${filters.observableKeys}::text[]))`);
  }
  return sql.join(conditions, sql` and `);
}

/** A page of visible alerts, newest first, and how many there are in all. */
export async function listAlerts(db: Db, viewer: Viewer | null, filters: Filters, limit: number, offset: number) {
  const condition = where(viewer, filters);
  const rows = await sql<AlertRow>`select ${COLUMNS(viewer)} from ${FROM} where ${condition}
    order by a.created_at desc, a.id desc limit ${limit} offset ${offset}`.execute(db);
  const total = await sql<{ n: number }>`select count(*)::int as n from alerts a where ${condition}`.execute(db);
  return { rows: rows.rows, total: total.rows[0].n };
}

/** Counts per category, severity and area country, over the visible alerts the other filters keep. */
export async function facets(db: Db, viewer: Viewer | null, filters: Filters) {
  const count = async (facet: Facet, value: RawBuilder<unknown>, from: RawBuilder<unknown>) => {
    const result = await sql<{ value: string; n: number }>`select ${value} as value, count(*)::int as n from ${from}
      where ${where(viewer, filters, facet)} group by 1 order by 1`.execute(db);
    return Object.fromEntries(result.rows.map((row) => [row.value, row.n]));
  };
  return {
    category: await count('category', sql`a.category`, sql`alerts a`),
    severity: await count('severity', sql`a.severity`, sql`alerts a`),
    country: await count('country', sql`c.code`, sql`alerts a cross join lateral unnest(a.area_countries) as c(code)`),
  };
}

/** Visible alerts per area country, for the map's shading. */
export async function countryCounts(db: Db, viewer: Viewer | null, filters: Filters): Promise<Record<string, number>> {
  const result = await sql<{ code: string; n: number }>`select c.code, count(*)::int as n
    from alerts a cross join lateral unnest(a.area_countries) as c(code)
    where ${where(viewer, filters)} group by c.code order by c.code`.execute(db);
  return Object.fromEntries(result.rows.map((row) => [row.code, row.n]));
}

export interface MapRow {
  id: string;
  title: string;
  category: string;
  severity: string;
  handling_code: string;
  area_geometry: Geometry;
}

/** Visible alerts that carry a geometry, newest first. */
export async function mapAlerts(db: Db, viewer: Viewer | null, filters: Filters, limit: number): Promise<MapRow[]> {
  const result = await sql<MapRow>`select a.id, a.title, a.category, a.severity, a.handling_code, a.area_geometry
    from alerts a where ${where(viewer, filters)} and a.area_geometry is not null
    order by a.created_at desc, a.id desc limit ${limit}`.execute(db);
  return result.rows;
}

/** Withdraws an active alert; false when it was already withdrawn. */
export async function withdraw(db: Db, id: string, userId: string, reason: string): Promise<boolean> {
  const result = await sql`update alerts set status = 'withdrawn', withdrawn_at = now(), withdrawn_by = ${userId},
      withdrawn_reason = ${reason}, updated_at = now()
    where id = ${id} and status = 'active'`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}
