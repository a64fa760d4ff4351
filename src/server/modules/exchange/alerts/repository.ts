import { type RawBuilder, sql } from 'kysely';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import type { SharedRecordAccess, Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { type ResolvedDistribution, visibleTo } from '../../../platform/policy/visibility-filter.js';
import { correlationCountOf } from './correlation-repository.js';
import type { Observable } from './observables/index.js';
import type { Geometry, StatusFilter } from './schemas.js';

/**
 * SQL of alerts. Every statement that reads an alert puts `visibleTo` on it: an alert the viewer
 * may not see is a missing one (404), in lists, counts, facets, the map and exports alike.
 */

/** An alert as its reader sees it, with names, and counts of observables and visible correlations. */
export interface Alert extends SharedRecordAccess {
  id: string;
  title: string;
  category: string;
  severity: string;
  validFrom: Date;
  validUntil: Date;
  areaCountries: string[];
  areaLabel: string | null;
  areaGeometry: Geometry | null;
  description: string;
  status: 'active' | 'withdrawn';
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
  withdrawnByName: string | null;
  senderUserId: string;
  senderName: string;
  originatorUnitName: string;
  originatorOrganisationName: string;
  originatorOrganisationAcronym: string | null;
  createdAt: Date;
  updatedAt: Date;
  observableCount: number;
  /** Other alerts this viewer may see that share an observable key with this one. */
  correlationCount: number;
}

interface AlertRow {
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
  handling_code: HandlingCode;
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
  correlation_count: number;
}

const toAlert = (row: AlertRow): Alert => ({
  id: row.id,
  title: row.title,
  category: row.category,
  severity: row.severity,
  validFrom: row.valid_from,
  validUntil: row.valid_until,
  areaCountries: row.area_countries,
  areaLabel: row.area_label,
  areaGeometry: row.area_geometry,
  description: row.description,
  status: row.status,
  withdrawnAt: row.withdrawn_at,
  withdrawnReason: row.withdrawn_reason,
  withdrawnByName: row.withdrawn_by_name,
  senderUserId: row.sender_user_id,
  senderName: row.sender_name,
  handlingCode: row.handling_code,
  originatorUnitId: row.originator_unit_id,
  originatorUnitName: row.originator_unit_name,
  originatorOrganisationId: row.originator_organisation_id,
  originatorOrganisationName: row.originator_organisation_name,
  originatorOrganisationAcronym: row.originator_organisation_acronym,
  recipientUnits: row.recipient_units,
  recipientOrganisations: row.recipient_organisations,
  recipientSharingGroups: row.recipient_sharing_groups,
  toAllPartners: row.to_all_partners,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  observableCount: row.observable_count,
  correlationCount: row.correlation_count,
});

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
  const row = await db
    .insertInto('alerts')
    .values({
      title: alert.title,
      category: alert.category,
      severity: alert.severity,
      valid_from: alert.validFrom,
      valid_until: alert.validUntil,
      area_countries: alert.areaCountries,
      area_label: alert.areaLabel,
      area_geometry: alert.areaGeometry ? JSON.stringify(alert.areaGeometry) : null,
      description: alert.description,
      sender_user_id: alert.senderUserId,
      handling_code: alert.handlingCode,
      originator_unit_id: alert.originatorUnitId,
      originator_organisation_id: alert.originatorOrganisationId,
      recipient_units: d.recipientUnits,
      recipient_organisations: d.recipientOrganisations,
      recipient_sharing_groups: d.recipientSharingGroups,
      to_all_partners: d.toAllPartners,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Stores an alert's normalised observables in the author's order (from 1), with their correlation keys. */
export async function insertObservables(db: Db, alertId: string, observables: (Observable & { key: string })[]) {
  if (observables.length === 0) return;
  await db
    .insertInto('alert_observables')
    .values(
      observables.map((o, index) => ({
        alert_id: alertId,
        position: index + 1,
        kind: o.kind,
        value: o.value,
        display: o.display,
        country: o.country ?? null,
        platform: o.platform ?? null,
        phone_type: o.phoneType ?? null,
        key: o.key,
      })),
    )
    .execute();
}

export async function findAlert(db: Db, viewer: Viewer | null, id: string): Promise<Alert | undefined> {
  const result = await sql<AlertRow>`select ${COLUMNS(viewer)} from ${FROM}
    where a.id = ${id} and ${visibleTo(viewer, 'a')}`.execute(db);
  return result.rows[0] && toAlert(result.rows[0]);
}

export interface AlertObservable {
  kind: string;
  value: string;
  display: string;
  country: string | null;
  platform: string | null;
  phoneType: string | null;
}

/** Observables of alerts the caller has already read through the visibility rule. */
export async function observablesOf(db: Db, alertIds: string[]): Promise<Map<string, AlertObservable[]>> {
  const byAlert = new Map<string, AlertObservable[]>(alertIds.map((id) => [id, []]));
  if (alertIds.length === 0) return byAlert;
  const rows = await db
    .selectFrom('alert_observables')
    .select(['alert_id', 'kind', 'value', 'display', 'country', 'platform', 'phone_type'])
    .where('alert_id', 'in', alertIds)
    .orderBy('alert_id')
    .orderBy('position')
    .execute();
  for (const row of rows) {
    byAlert.get(row.alert_id)?.push({
      kind: row.kind,
      value: row.value,
      display: row.display,
      country: row.country,
      platform: row.platform,
      phoneType: row.phone_type,
    });
  }
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
  /** Issued at or after this time. */
  issuedSince?: string;
  /** Concerning the viewer: over their organisation's country, or addressed to one of their units. */
  concerning?: { country: string | null; unitIds: string[] };
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
  if (filters.issuedSince) conditions.push(sql`a.created_at >= ${filters.issuedSince}::timestamptz`);
  if (filters.concerning) {
    const { country, unitIds } = filters.concerning;
    conditions.push(sql`(${country}::text = any(a.area_countries) or a.recipient_units && ${unitIds}::uuid[])`);
  }
  if (filters.observableKeys) {
    conditions.push(sql`exists (select 1 from alert_observables f where f.alert_id = a.id
      and f.key = any(${filters.observableKeys}::text[]))`);
  }
  return sql.join(conditions, sql` and `);
}

/** A page of visible alerts, newest first, and how many there are in all. */
export async function listAlerts(
  db: Db,
  viewer: Viewer | null,
  filters: Filters,
  limit: number,
  offset: number,
): Promise<{ alerts: Alert[]; total: number }> {
  const condition = where(viewer, filters);
  const rows = await sql<AlertRow>`select ${COLUMNS(viewer)} from ${FROM} where ${condition}
    order by a.created_at desc, a.id desc limit ${limit} offset ${offset}`.execute(db);
  const total = await sql<{ n: number }>`select count(*)::int as n from alerts a where ${condition}`.execute(db);
  return { alerts: rows.rows.map(toAlert), total: total.rows[0].n };
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

export interface AlertOnMap {
  id: string;
  title: string;
  category: string;
  severity: string;
  handlingCode: string;
  areaGeometry: Geometry;
  areaCountries: string[];
  areaLabel: string | null;
}

/** Visible alerts that carry a geometry, newest first. */
export async function mapAlerts(db: Db, viewer: Viewer | null, filters: Filters, limit: number): Promise<AlertOnMap[]> {
  const result = await sql<{
    id: string;
    title: string;
    category: string;
    severity: string;
    handling_code: string;
    area_geometry: Geometry;
    area_countries: string[];
    area_label: string | null;
  }>`select a.id, a.title, a.category, a.severity, a.handling_code, a.area_geometry, a.area_countries, a.area_label
    from alerts a where ${where(viewer, filters)} and a.area_geometry is not null
    order by a.created_at desc, a.id desc limit ${limit}`.execute(db);
  return result.rows.map((row) => ({
    id: row.id,
    title: row.title,
    category: row.category,
    severity: row.severity,
    handlingCode: row.handling_code,
    areaGeometry: row.area_geometry,
    areaCountries: row.area_countries,
    areaLabel: row.area_label,
  }));
}

/** Withdraws an active alert; false when it was already withdrawn. */
export async function withdraw(db: Db, id: string, userId: string, reason: string): Promise<boolean> {
  const result = await db
    .updateTable('alerts')
    .set({
      status: 'withdrawn',
      withdrawn_at: sql`now()`,
      withdrawn_by: userId,
      withdrawn_reason: reason,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
