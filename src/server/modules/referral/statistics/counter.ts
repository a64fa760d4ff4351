import type { StatisticsDimension } from '../../../../shared/referral/statistics.js';
import type { Db } from '../../../platform/db/database.js';
import { type CountingFact, countingFacts, factsVersion } from './repository.js';
import type { TrueCount } from './suppression.js';

export interface CountFilter {
  /** `YYYY-MM`, inclusive. */
  from: string | null;
  to: string | null;
  caseType: string | null;
}

/** True counts of a one- or two-dimensional table, with the cell keys the publication needs. */
export interface Counts {
  cell(d1: string, d2: string): TrueCount;
  row(d1: string): TrueCount;
  column(d2: string): TrueCount;
  total: TrueCount;
  /** Nationalities of all cases, and the first and last month any case was opened (unfiltered). */
  nationalities: string[];
  firstMonth: string | null;
  lastMonth: string | null;
}

const ZERO: TrueCount = { count: 0, key: 0 };
/** However unchanged the facts look, they are read again after this long (a late commit is seen by then). */
const RELOAD_AFTER_MS = 60_000;
const KEY_SPACE = 2 ** 32;

function add(map: Map<string, TrueCount>, key: string, recordKey: number) {
  const current = map.get(key) ?? ZERO;
  map.set(key, { count: current.count + 1, key: (current.key + recordKey) % KEY_SPACE });
}

/**
 * Counts cases from a copy of `case_statistics` held in memory (a few bytes per case), read again
 * when the facts change (their latest `updated_at`) and at least every minute: a table is one pass
 * over the copy instead of a scan and several aggregations in SQL; statistics may lag a late
 * commit by up to a minute. Counts are exact; what is published is decided by `suppression.ts`.
 */
export class FactCounter {
  private facts: CountingFact[] = [];
  private version: string | null = null;
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(private readonly db: Db) {}

  private async refresh(): Promise<void> {
    const version = await factsVersion(this.db);
    if (version === this.version && Date.now() - this.loadedAt < RELOAD_AFTER_MS) return;
    const startedAt = Date.now();
    this.loading ??= countingFacts(this.db)
      .then((facts) => {
        this.facts = facts;
        this.version = version;
        this.loadedAt = startedAt;
      })
      .finally(() => {
        this.loading = null;
      });
    await this.loading;
  }

  async count(by: StatisticsDimension, by2: StatisticsDimension | null, filter: CountFilter): Promise<Counts> {
    await this.refresh();
    const cells = new Map<string, TrueCount>();
    const rows = new Map<string, TrueCount>();
    const columns = new Map<string, TrueCount>();
    let total = ZERO;
    const nationalities = new Set<string>();
    let firstMonth: string | null = null;
    let lastMonth: string | null = null;
    for (const fact of this.facts) {
      for (const nationality of fact.values.nationality) if (nationality !== 'unknown') nationalities.add(nationality);
      if (firstMonth === null || fact.month < firstMonth) firstMonth = fact.month;
      if (lastMonth === null || fact.month > lastMonth) lastMonth = fact.month;
      if (filter.from && fact.month < filter.from) continue;
      if (filter.to && fact.month > filter.to) continue;
      if (filter.caseType && fact.caseType !== filter.caseType) continue;
      total = { count: total.count + 1, key: (total.key + fact.recordKey) % KEY_SPACE };
      for (const d1 of fact.values[by]) add(rows, d1, fact.recordKey);
      if (!by2) continue;
      for (const d2 of fact.values[by2]) {
        add(columns, d2, fact.recordKey);
        for (const d1 of fact.values[by]) add(cells, `${d1}\u0000${d2}`, fact.recordKey);
      }
    }
    return {
      cell: (d1, d2) => cells.get(`${d1}\u0000${d2}`) ?? ZERO,
      row: (d1) => rows.get(d1) ?? ZERO,
      column: (d2) => columns.get(d2) ?? ZERO,
      total,
      nationalities: [...nationalities].sort(),
      firstMonth,
      lastMonth,
    };
  }
}
