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

/** A case's facts as the export reads them (no id, no reference). */
export interface ExportFact {
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
export async function allFacts(db: Db): Promise<ExportFact[]> {
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

/** A case's facts as the in-memory counter reads them: one array of categories per dimension. */
export interface CountingFact {
  recordKey: number;
  caseType: string;
  month: string;
  values: Record<StatisticsDimension, string[]>;
}

/**
 * When the facts last changed: the latest `updated_at` (read from its index). A change whose
 * transaction began before another's but committed after it can keep this unchanged; the counter
 * therefore also reads the facts again after a while (see counter.ts).
 */
export async function factsVersion(db: Db): Promise<string> {
  const { rows } = await sql<{ version: string | null }>`select max(updated_at)::text as version from case_statistics`.execute(
    db,
  );
  return rows[0].version ?? '';
}

export async function countingFacts(db: Db): Promise<CountingFact[]> {
  const { rows } = await sql<{ rk: string; case_type: string } & Record<StatisticsDimension, string[]>>`
    select s.record_key as rk, s.case_type, ${DIMENSIONS.indicatorFamily} as "indicatorFamily", ${DIMENSIONS.nationality} as nationality,
           ${DIMENSIONS.ageBand} as "ageBand", ${DIMENSIONS.sex} as sex, ${DIMENSIONS.service} as service,
           ${DIMENSIONS.outcome} as outcome, ${DIMENSIONS.month} as month
      from case_statistics s`.execute(db);
  return rows.map((row) => ({
    recordKey: Number(row.rk),
    caseType: row.case_type,
    month: row.month[0],
    values: {
      indicatorFamily: row.indicatorFamily,
      nationality: row.nationality,
      ageBand: row.ageBand,
      sex: row.sex,
      service: row.service,
      outcome: row.outcome,
      month: row.month,
    },
  }));
}
