import type { ObservableKind } from '../../../../shared/exchange/alerts/observables.js';
import type { AlertStatus, Category, Severity } from '../../../../shared/exchange/alerts/vocabulary.js';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import { isAboveGreen } from '../../../../shared/handling-codes.js';
import type { Locale } from '../../../../shared/locales.js';
import type { ActorContext } from '../../../platform/context.js';
import { type CsvColumns, toCsvDocument } from '../../../platform/csv.js';
import { countryLabel, EXPORT_WORDS } from './export-labels.js';
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
  const { format = 'csv', lang: _language, ...given } = query;
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

/**
 * The columns of the CSV export, in order: readable ones in the reader's language (headers,
 * categories, severities, statuses, handling codes, country names), then the codes for machines.
 */
function columns(locale: Locale): CsvColumns<Exported> {
  const words = EXPORT_WORDS[locale];
  const h = words.headers;
  return [
    [h.id, (a) => a.id],
    [h.title, (a) => a.title],
    [h.category, (a) => words.category[a.category as Category] ?? a.category],
    [h.severity, (a) => words.severity[a.severity as Severity] ?? a.severity],
    [h.status, (a) => words.status[a.status as AlertStatus] ?? a.status],
    [h.validFrom, (a) => a.validFrom],
    [h.validUntil, (a) => a.validUntil],
    [h.countries, (a) => list(a.area.countries.map((code) => countryLabel(code, locale)))],
    [h.area, (a) => a.area.label ?? ''],
    [h.handlingCode, (a) => words.handlingCode[a.handlingCode as HandlingCode] ?? a.handlingCode],
    [h.fromUnit, (a) => a.fromUnit.name],
    [h.fromOrganisation, (a) => a.fromOrganisation.name],
    [h.createdAt, (a) => a.createdAt],
    [
      h.observables,
      (a) => list(a.observables.map((o) => `${words.observable[o.kind as ObservableKind] ?? o.kind}: ${o.display}`)),
    ],
    [h.correlations, (a) => String(a.correlationCount)],
    [h.description, (a) => a.description],
    ['category_code', (a) => a.category],
    ['severity_code', (a) => a.severity],
    ['status_code', (a) => a.status],
    ['handling_code', (a) => a.handlingCode],
    ['country_codes', (a) => list(a.area.countries)],
    ['observable_codes', (a) => list(a.observables.map((o) => `${o.kind}: ${o.value}`))],
  ];
}

/** UTF-8 with a byte-order mark, so that spreadsheets read Arabic and accents. */
export const toCsv = (data: AlertExport, locale: Locale): string => toCsvDocument(columns(locale), data.alerts);

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
