import type { CommitmentSummary, FollowupAction, Indicator, Measurement } from '../../../../shared/followup/contract.js';
import type { FollowupExportKind } from '../../../../shared/followup/vocabulary.js';
import { isAboveGreen } from '../../../../shared/handling-codes.js';
import type { Locale } from '../../../../shared/locales.js';
import type { ActorContext } from '../../../platform/context.js';
import { type CsvColumns, toCsvDocument } from '../../../platform/csv.js';
import { EXPORT_WORDS } from './export-labels.js';
import * as repo from './repository.js';
import type { ExportQuery } from './schemas.js';
import { resolveFilters } from './service.js';
import { partsOf, toSummary } from './view.js';

/** At most this many commitments per export (their actions and measurements follow them); a larger view is cut, and says so. */
export const EXPORT_LIMIT = 2000;

interface ExportedCommitment extends CommitmentSummary {
  description: string;
  partners: string[];
}
interface ExportedAction extends FollowupAction {
  commitmentTitle: string;
}
interface ExportedMeasurement extends Measurement {
  commitmentId: string;
  commitmentTitle: string;
  indicatorId: string;
  indicatorName: string;
  measureUnit: string;
}

export interface FollowupExport {
  kind: FollowupExportKind;
  format: 'csv' | 'json';
  filters: Record<string, unknown>;
  /** Commitments matching the filters, and how many were exported (the cap applies to them). */
  total: number;
  exported: number;
  limit: number;
  capped: boolean;
  exportedAt: Date;
  commitments: ExportedCommitment[];
  actions: ExportedAction[];
  measurements: ExportedMeasurement[];
}

const flatMeasurements = (indicators: Indicator[], titles: Map<string, string>): ExportedMeasurement[] =>
  indicators.flatMap((i) =>
    i.measurements.map((m) => ({
      ...m,
      commitmentId: i.commitmentId,
      commitmentTitle: titles.get(i.commitmentId) ?? '',
      indicatorId: i.id,
      indicatorName: i.name,
      measureUnit: i.measureUnit,
    })),
  );

/**
 * The commitments of a filtered view (up to the limit), newest first, through the visibility rule,
 * with their actions or measurements; written to the audit trail once with its filters, its size and
 * the TLP:AMBER/RED commitments it carries.
 */
export async function collectExport(ctx: ActorContext, query: ExportQuery): Promise<FollowupExport> {
  const { format = 'csv', kind = 'commitments', lang: _language, ...given } = query;
  const filters = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined && v !== ''));
  const { commitments, total } = await repo.listCommitments(ctx.db, ctx.viewer, resolveFilters(ctx, given), EXPORT_LIMIT, 0);
  const ids = commitments.map((c) => c.id);
  const parts = await partsOf(ctx.db, ids);
  const titles = new Map(commitments.map((c) => [c.id, c.title]));
  const partners = await repo.partnersOf(ctx.db, ids);
  await ctx.audit({
    action: 'followup.export',
    outcome: 'success',
    details: {
      kind,
      format,
      filters,
      total,
      exported: commitments.length,
      sensitiveCommitments: commitments.filter((c) => isAboveGreen(c.handlingCode)).map((c) => c.id),
    },
  });
  return {
    kind,
    format,
    filters,
    total,
    exported: commitments.length,
    limit: EXPORT_LIMIT,
    capped: total > commitments.length,
    exportedAt: new Date(),
    commitments:
      kind === 'commitments'
        ? commitments.map((c) => ({
            ...toSummary(c, parts),
            description: c.description,
            partners: partners.filter((p) => p.commitmentId === c.id).map((p) => p.organisation.name),
          }))
        : [],
    actions: kind === 'actions' ? parts.actions.map((a) => ({ ...a, commitmentTitle: titles.get(a.commitmentId) ?? '' })) : [],
    measurements: kind === 'measurements' ? flatMeasurements(parts.indicators, titles) : [],
  };
}

const list = (values: string[]) => values.join('; ');

function commitmentColumns(locale: Locale): CsvColumns<ExportedCommitment> {
  const w = EXPORT_WORDS[locale];
  const h = w.headers;
  return [
    [h.commitmentId, (c) => c.id],
    [h.commitment, (c) => c.title],
    [h.status, (c) => w.commitmentStatus[c.status]],
    [h.lead, (c) => c.lead.name],
    [h.partners, (c) => list(c.partners)],
    [h.startsOn, (c) => c.startsOn],
    [h.endsOn, (c) => c.endsOn],
    [h.references, (c) => list(c.references)],
    [h.handlingCode, (c) => c.handlingCode],
    [h.actions, (c) => String(Object.values(c.actions).reduce((sum, n) => sum + n, 0))],
    [h.overdueActions, (c) => String(c.overdueActions)],
    [h.indicators, (c) => String(c.indicators.total)],
    [h.updatedAt, (c) => c.updatedAt],
    [h.description, (c) => c.description],
    ['status_code', (c) => c.status],
  ];
}

function actionColumns(locale: Locale): CsvColumns<ExportedAction> {
  const w = EXPORT_WORDS[locale];
  const h = w.headers;
  return [
    [h.commitmentId, (a) => a.commitmentId],
    [h.commitment, (a) => a.commitmentTitle],
    [h.actionId, (a) => a.id],
    [h.action, (a) => a.title],
    [h.ownerUnit, (a) => a.ownerUnit.name],
    [h.dueOn, (a) => a.dueOn],
    [h.status, (a) => w.actionStatus[a.status]],
    [h.overdue, (a) => (a.overdue ? w.yes : w.no)],
    [h.description, (a) => a.description],
    ['status_code', (a) => a.status],
  ];
}

function measurementColumns(locale: Locale): CsvColumns<ExportedMeasurement> {
  const h = EXPORT_WORDS[locale].headers;
  return [
    [h.commitmentId, (m) => m.commitmentId],
    [h.commitment, (m) => m.commitmentTitle],
    [h.indicatorId, (m) => m.indicatorId],
    [h.indicator, (m) => m.indicatorName],
    [h.measureUnit, (m) => m.measureUnit],
    [h.value, (m) => String(m.value)],
    [h.measuredOn, (m) => m.measuredOn],
    [h.source, (m) => m.source],
    [h.note, (m) => m.note],
    [h.evidence, (m) => (m.evidence?.kind === 'link' ? m.evidence.url : (m.evidence?.filename ?? ''))],
    [h.reportedBy, (m) => m.reportedBy?.name ?? ''],
    [h.reportedAt, (m) => m.reportedAt],
    [h.withdrawn, (m) => m.withdrawn?.reason ?? ''],
  ];
}

/** UTF-8 with a byte-order mark and formulas neutralised (platform/csv.ts). */
export function toCsv(data: FollowupExport, locale: Locale): string {
  if (data.kind === 'actions') return toCsvDocument(actionColumns(locale), data.actions);
  if (data.kind === 'measurements') return toCsvDocument(measurementColumns(locale), data.measurements);
  return toCsvDocument(commitmentColumns(locale), data.commitments);
}

export function toJson(data: FollowupExport): string {
  const rows = data.kind === 'actions' ? data.actions : data.kind === 'measurements' ? data.measurements : data.commitments;
  return JSON.stringify({
    kind: data.kind,
    filters: data.filters,
    total: data.total,
    exported: data.exported,
    capped: data.capped,
    limit: data.limit,
    exportedAt: data.exportedAt.toISOString(),
    [data.kind]: rows,
  });
}
