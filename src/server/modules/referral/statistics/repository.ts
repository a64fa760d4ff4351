import { type RawBuilder, sql } from 'kysely';
import type { StatisticsDimension } from '../../../../shared/referral/statistics.js';
import type { Db } from '../../../platform/db/database.js';

/**
 * Each dimension as an array of categories per case (a case counts once in each of its screening's
 * families, services and outcomes). Keys are a closed list: no text from the request reaches SQL.
 */
const DIMENSIONS: Record<StatisticsDimension, RawBuilder<string[]>> = {
  indicatorFamily: sql`case when cardinality(s.indicator_families) = 0 then array['none'] else s.indicator_families end`,
  nationality: sql`array[coalesce(trim(s.nationality), 'unknown')]`,
  ageBand: sql`array[coalesce(s.age_band, 'unknown')]`,
  sex: sql`array[coalesce(s.sex, 'unknown')]`,
  service: sql`case when cardinality(s.services_referred) = 0 then array['none'] else s.services_referred end`,
  outcome: sql`case when cardinality(s.referral_outcomes) = 0 then array['none'] else s.referral_outcomes end`,
  month: sql`array[to_char(s.opened_month, 'YYYY-MM')]`,
};

export interface StatisticsFilter {
  /** First day of the first month and of the last month, inclusive. */
  from: string | null;
  to: string | null;
  caseType: string | null;
}

export interface CountRow {
  level: 'cell' | 'row' | 'column' | 'all';
  d1: string | null;
  d2: string | null;
  count: number;
  /** The cell key: the sum, mod 2^32, of the record keys of the counted cases. */
  key: number;
}

// A case's record key: 32 bits of a hash of its statistics key (an HMAC, so unknown outside), kept by migration 0025.
const RECORD_KEY = sql`s.record_key`;
const CELL_KEY = sql`(coalesce(sum(rk), 0) % 4294967296)::bigint`;

/** Counts of cases by one or two dimensions, with margins and the grand total, in one statement. */
export async function countCases(
  db: Db,
  by: StatisticsDimension,
  by2: StatisticsDimension | null,
  filter: StatisticsFilter,
): Promise<CountRow[]> {
  const conditions = [sql`true`];
  if (filter.from) conditions.push(sql`s.opened_month >= ${filter.from}::date`);
  if (filter.to) conditions.push(sql`s.opened_month <= ${filter.to}::date`);
  if (filter.caseType) conditions.push(sql`s.case_type = ${filter.caseType}`);
  const second = by2 ? DIMENSIONS[by2] : sql`array[null::text]`;
  const twoWay = by2
    ? sql`union all select 'cell', d1, d2, count(*)::int, ${CELL_KEY} from base, unnest(a1) d1, unnest(a2) d2 group by d1, d2
          union all select 'column', null, d2, count(*)::int, ${CELL_KEY} from base, unnest(a2) d2 group by d2`
    : sql``;
  const { rows } = await sql<{ level: CountRow['level']; d1: string | null; d2: string | null; count: number; key: string }>`
    with base as (
      select ${RECORD_KEY} as rk, ${DIMENSIONS[by]} as a1, ${second} as a2
        from case_statistics s where ${sql.join(conditions, sql` and `)})
    select 'row' as level, d1, null::text as d2, count(*)::int as count, ${CELL_KEY} as key from base, unnest(a1) d1 group by d1
    ${twoWay}
    union all select 'all', null, null, count(*)::int, ${CELL_KEY} from base`.execute(db);
  return rows.map((row) => ({ ...row, count: Number(row.count), key: Number(row.key) }));
}

/** Nationalities of all cases (unfiltered, so that a filter never tells which ones it holds). */
export async function knownNationalities(db: Db): Promise<string[]> {
  const { rows } = await sql<{ nationality: string }>`
    select distinct trim(nationality) as nationality from case_statistics where nationality is not null order by 1`.execute(db);
  return rows.map((row) => row.nationality);
}

/** The first and last month any case was opened (unfiltered). */
export async function monthSpan(db: Db): Promise<{ first: string | null; last: string | null }> {
  const { rows } = await sql<{ first: string | null; last: string | null }>`
    select to_char(min(opened_month), 'YYYY-MM') as first, to_char(max(opened_month), 'YYYY-MM') as last
      from case_statistics`.execute(db);
  return rows[0] ?? { first: null, last: null };
}

export interface FactRow {
  year: number;
  ageBand: string;
  sex: string;
  nationality: string | null;
  caseType: string;
  isChild: boolean;
  assessment: string | null;
  indicatorFamilies: string[];
  servicesReferred: string[];
  referralOutcomes: string[];
  transnational: boolean;
}

/** Every case's facts, in the order of their keyed hash (which says nothing of when or where a case was opened). */
export async function allFacts(db: Db): Promise<FactRow[]> {
  const { rows } = await sql<{
    year: number;
    age_band: string | null;
    sex: string | null;
    nationality: string | null;
    case_type: string;
    is_child: boolean;
    assessment: string | null;
    indicator_families: string[];
    services_referred: string[];
    referral_outcomes: string[];
    transnational: boolean;
  }>`select extract(year from opened_month)::int as year, age_band, sex, trim(nationality) as nationality, case_type, is_child,
            assessment, indicator_families, services_referred, referral_outcomes, transnational
       from case_statistics order by fact_key`.execute(db);
  return rows.map((row) => ({
    year: Number(row.year),
    ageBand: row.age_band ?? 'unknown',
    sex: row.sex ?? 'unknown',
    nationality: row.nationality,
    caseType: row.case_type,
    isChild: row.is_child,
    assessment: row.assessment,
    indicatorFamilies: row.indicator_families,
    servicesReferred: row.services_referred,
    referralOutcomes: row.referral_outcomes,
    transnational: row.transnational,
  }));
}
