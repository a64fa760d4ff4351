import { isAboveGreen } from '../../../../shared/handling-codes.js';
import type { ActorContext } from '../../../platform/context.js';
import { toCsvDocument } from '../../../platform/csv.js';
import * as repo from './repository.js';
import type { ExportQuery } from './schemas.js';
import { resolveFilters, toSummary } from './service.js';

/** At most this many alerts per export; a larger view is cut, and the export says so. */
export const EXPORT_LIMIT = 5000;

export type ExportFormat = 'csv' | 'json';

export interface AlertExport {
  format: ExportFormat;
  filters: Omit<ExportQuery, 'format'>;
  total: number;
  limit: number;
  capped: boolean;
  exportedAt: Date;
  alerts: (ReturnType<typeof toSummary> & { description: string; observables: repo.AlertObservable[] })[];
}

/**
 * Every alert of a filtered view (up to the limit), newest first, through the visibility rule,
 * written to the audit trail once with its filters, its size and the AMBER/RED alerts it carries.
 */
export async function collectExport(ctx: ActorContext, query: ExportQuery): Promise<AlertExport> {
  const { format = 'csv', ...given } = query;
  const filters = Object.fromEntries(
    Object.entries(given).filter(([, v]) => v !== undefined && v !== ''),
  ) as AlertExport['filters'];
  const { alerts: rows, total } = await repo.listAlerts(ctx.db, ctx.viewer, resolveFilters(filters), EXPORT_LIMIT, 0);
  const observables = await repo.observablesOf(
    ctx.db,
    rows.map((row) => row.id),
  );
  await ctx.audit({
    action: 'alert.export',
    outcome: 'success',
    details: {
      format,
      filters,
      total,
      exported: rows.length,
      sensitiveAlerts: rows.filter((row) => isAboveGreen(row.handlingCode)).map((row) => row.id),
    },
  });
  return {
    format,
    filters,
    total,
    limit: EXPORT_LIMIT,
    capped: total > rows.length,
    exportedAt: new Date(),
    alerts: rows.map((row) => ({ ...toSummary(row), description: row.description, observables: observables.get(row.id) ?? [] })),
  };
}

type Exported = AlertExport['alerts'][number];
const list = (values: string[]) => values.join('; ');

/** The columns of the CSV export, in order: header → value of an alert. */
const COLUMNS: [string, (alert: Exported) => string][] = [
  ['id', (a) => a.id],
  ['title', (a) => a.title],
  ['category', (a) => a.category],
  ['severity', (a) => a.severity],
  ['status', (a) => a.status],
  ['valid_from', (a) => a.validFrom],
  ['valid_until', (a) => a.validUntil],
  ['area_countries', (a) => list(a.area.countries)],
  ['area_label', (a) => a.area.label ?? ''],
  ['handling_code', (a) => a.handlingCode],
  ['from_unit', (a) => a.fromUnit.name],
  ['from_organisation', (a) => a.fromOrganisation.name],
  ['created_at', (a) => a.createdAt],
  ['observables', (a) => list(a.observables.map((o) => `${o.kind}: ${o.display}`))],
  ['correlation_count', (a) => String(a.correlationCount)],
  ['description', (a) => a.description],
];

export const toCsv = (data: AlertExport): string => toCsvDocument(COLUMNS, data.alerts);

export function toJson(data: AlertExport): string {
  return JSON.stringify({
    filters: data.filters,
    total: data.total,
    exported: data.alerts.length,
    capped: data.capped,
    limit: data.limit,
    exportedAt: data.exportedAt.toISOString(),
    alerts: data.alerts.map((alert) => ({
      ...alert,
      observables: alert.observables.map((o) => ({
        kind: o.kind,
        value: o.value,
        display: o.display,
        country: o.country,
        platform: o.platform,
      })),
    })),
  });
}
