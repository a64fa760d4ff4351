import { REFERRAL_PROBLEMS } from '../../../../shared/referral/problems.js';
import {
  MAX_STATISTICS_MONTHS,
  NONE_CATEGORY,
  type StatisticsDimension,
  UNKNOWN_CATEGORY,
} from '../../../../shared/referral/statistics.js';
import type { StatisticsTable } from '../../../../shared/referral/statistics-contract.js';
import {
  AGE_BANDS,
  type CaseType,
  INDICATOR_FAMILIES,
  REFERRAL_OUTCOMES,
  SERVICE_TYPES,
  SEXES,
  SMALL_COUNT_THRESHOLD,
} from '../../../../shared/referral/vocabulary.js';
import type { ActorContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { problem } from '../../../platform/errors.js';
import { FactCounter } from './counter.js';
import { anonymise, toExportCsv } from './export.js';
import { allFacts } from './repository.js';
import { publishTable, ROUNDING_BASE } from './suppression.js';

export interface StatisticsQuery {
  by: StatisticsDimension;
  by2?: StatisticsDimension;
  from?: string;
  to?: string;
  caseType?: CaseType;
}

/** `YYYY-MM` → months since year 0, and back. */
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOfIndex = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * The categories of a dimension, fixed whatever the filter (a row that appeared only when a filter
 * held a case would tell that it holds one): the vocabulary, the nationalities of all cases, the
 * months of the range asked (or of all cases).
 */
function categoriesOf(dimension: StatisticsDimension, nationalities: string[], months: string[]): string[] {
  switch (dimension) {
    case 'indicatorFamily':
      return [...INDICATOR_FAMILIES, NONE_CATEGORY];
    case 'ageBand':
      return [...AGE_BANDS];
    case 'sex':
      return [...SEXES];
    case 'service':
      return [...SERVICE_TYPES, NONE_CATEGORY];
    case 'outcome':
      return [...REFERRAL_OUTCOMES, NONE_CATEGORY];
    case 'nationality':
      return [...nationalities, UNKNOWN_CATEGORY];
    case 'month':
      return months;
  }
}

function monthsBetween(first: string | null, last: string | null): string[] {
  if (!first || !last || monthIndex(first) > monthIndex(last)) return [];
  const months: string[] = [];
  for (let index = monthIndex(first); index <= monthIndex(last) && months.length < MAX_STATISTICS_MONTHS; index += 1) {
    months.push(monthOfIndex(index));
  }
  return months;
}

/** One counter per database (a process serves one). */
const counters = new WeakMap<Db, FactCounter>();
function counterOf(db: Db): FactCounter {
  let counter = counters.get(db);
  if (!counter) {
    counter = new FactCounter(db);
    counters.set(db, counter);
  }
  return counter;
}

/**
 * A table of case counts by one or two dimensions, published without re-identification
 * (`suppression.ts`), and audited (the query, never a count of a person).
 */
export async function statisticsTable(ctx: ActorContext, query: StatisticsQuery): Promise<StatisticsTable> {
  const by2 = query.by2 && query.by2 !== query.by ? query.by2 : null;
  const from = query.from ?? null;
  const to = query.to ?? null;
  if (from && to && monthIndex(from) > monthIndex(to))
    throw problem(REFERRAL_PROBLEMS, 'invalid-date', 'The first month comes after the last one.');
  if (from && to && monthIndex(to) - monthIndex(from) >= MAX_STATISTICS_MONTHS)
    throw problem(REFERRAL_PROBLEMS, 'invalid-date', `A table spans at most ${MAX_STATISTICS_MONTHS} months.`);
  const counts = await counterOf(ctx.db).count(query.by, by2, { from, to, caseType: query.caseType ?? null });
  const months = monthsBetween(from ?? counts.firstMonth, to ?? counts.lastMonth);
  const rowKeys = categoriesOf(query.by, counts.nationalities, months);
  const columnKeys = by2 ? categoriesOf(by2, counts.nationalities, months) : [];
  const published = publishTable({
    cells: rowKeys.map((r) => columnKeys.map((c) => counts.cell(r, c))),
    rowTotals: rowKeys.map((r) => counts.row(r)),
    columnTotals: columnKeys.map((c) => counts.column(c)),
    total: counts.total,
  });
  await ctx.audit({
    action: 'referral.statistics.read',
    outcome: 'success',
    targetType: 'referral_statistics',
    details: { by: query.by, by2, from, to, caseType: query.caseType ?? null },
  });
  return {
    by: query.by,
    by2,
    from,
    to,
    caseType: query.caseType ?? null,
    columns: columnKeys,
    rows: rowKeys.map((key, r) => ({ key, cells: published.cells[r], total: published.rowTotals[r] })),
    columnTotals: published.columnTotals,
    total: published.total,
    threshold: SMALL_COUNT_THRESHOLD,
    roundingBase: ROUNDING_BASE,
  };
}

/**
 * The CTDC-style export: one row per case, k-anonymous over its quasi-identifiers, no reference and
 * no id. The whole dataset only: exports of filtered subsets could be compared row by row.
 */
export async function exportCsv(ctx: ActorContext): Promise<{ csv: string; rows: number; suppressed: number }> {
  const { rows, suppressed } = anonymise(await allFacts(ctx.db));
  await ctx.audit({
    action: 'referral.statistics.export',
    outcome: 'success',
    targetType: 'referral_statistics',
    details: { rows: rows.length, suppressed },
  });
  return { csv: toExportCsv(rows), rows: rows.length, suppressed };
}
