import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';

/** What the statistics need of a case, its latest screening and its referrals (codes only, personal fields still encrypted). */
export interface CaseFactSource {
  caseType: string;
  isChild: boolean;
  createdAt: Date;
  pseudonymised: boolean;
  dateOfBirthEnc: string | null;
  sexEnc: string | null;
  nationalityEnc: string | null;
  ownerCountry: string | null;
  indicatorFamilies: string[];
  assessment: string | null;
  servicesReferred: string[];
  referralOutcomes: string[];
  transnational: boolean;
}

interface SourceRow {
  case_type: string;
  is_child: boolean;
  created_at: Date | string;
  pseudonymised: boolean;
  date_of_birth_enc: string | null;
  sex_enc: string | null;
  nationality_enc: string | null;
  owner_country: string | null;
  indicator_families: string[] | null;
  assessment: string | null;
  services_referred: string[] | null;
  referral_outcomes: string[] | null;
  transnational: boolean;
}

export async function findCaseFactSource(db: Db, caseId: string): Promise<CaseFactSource | null> {
  const { rows } = await sql<SourceRow>`
    select c.case_type, c.is_child, c.created_at, c.pseudonymised_at is not null as pseudonymised,
           c.date_of_birth_enc, c.sex_enc, c.nationality_enc, o.country as owner_country,
           s.indicator_families, s.assessment,
           (select coalesce(array_agg(distinct n order by n), '{}') from referrals r, unnest(r.needs) n
             where r.case_id = c.id) as services_referred,
           (select coalesce(array_agg(distinct r.outcome order by r.outcome), '{}') from referrals r
             where r.case_id = c.id and r.outcome is not null) as referral_outcomes,
           exists (select 1 from referrals r where r.case_id = c.id and r.referral_kind = 'transnational') as transnational
      from cases c
      join organisations o on o.id = c.owner_organisation_id
      left join lateral (select indicator_families, assessment from case_screenings
                          where case_id = c.id order by screened_at desc, id desc limit 1) s on true
     where c.id = ${caseId}`.execute(db);
  const row = rows[0];
  if (!row) return null;
  return {
    caseType: row.case_type,
    isChild: row.is_child,
    createdAt: new Date(row.created_at),
    pseudonymised: row.pseudonymised,
    dateOfBirthEnc: row.date_of_birth_enc,
    sexEnc: row.sex_enc,
    nationalityEnc: row.nationality_enc,
    ownerCountry: row.owner_country ? row.owner_country.trim().toUpperCase() : null,
    indicatorFamilies: row.indicator_families ?? [],
    assessment: row.assessment,
    servicesReferred: row.services_referred ?? [],
    referralOutcomes: row.referral_outcomes ?? [],
    transnational: row.transnational,
  };
}

export interface CaseFacts {
  caseType: string;
  isChild: boolean;
  openedMonth: string;
  nationality: string | null;
  ageBand: string;
  sex: string;
  indicatorFamilies: string[];
  assessment: string | null;
  ownerCountry: string | null;
  servicesReferred: string[];
  referralOutcomes: string[];
  transnational: boolean;
}

/**
 * Writes a case's facts. `keepPerson`: the case was pseudonymised, its personal fields are gone, so
 * the age band, sex and nationality recorded before stay as they were.
 */
export async function upsertCaseFacts(db: Db, factKey: string, facts: CaseFacts, keepPerson: boolean): Promise<void> {
  const person = keepPerson
    ? sql`age_band = coalesce(case_statistics.age_band, excluded.age_band),
          sex = coalesce(case_statistics.sex, excluded.sex),
          nationality = coalesce(case_statistics.nationality, excluded.nationality)`
    : sql`age_band = excluded.age_band, sex = excluded.sex, nationality = excluded.nationality`;
  await sql`
    insert into case_statistics (fact_key, case_type, is_child, opened_month, nationality, age_band, sex,
                                 indicator_families, assessment, owner_country, services_referred,
                                 referral_outcomes, transnational, updated_at)
    values (${factKey}, ${facts.caseType}, ${facts.isChild}, ${facts.openedMonth}::date, ${facts.nationality},
            ${facts.ageBand}, ${facts.sex}, ${facts.indicatorFamilies}::text[], ${facts.assessment},
            ${facts.ownerCountry}, ${facts.servicesReferred}::text[], ${facts.referralOutcomes}::text[],
            ${facts.transnational}, now())
    on conflict (fact_key) do update set
      case_type = excluded.case_type, is_child = excluded.is_child, opened_month = excluded.opened_month,
      ${person},
      indicator_families = excluded.indicator_families, assessment = excluded.assessment,
      owner_country = excluded.owner_country, services_referred = excluded.services_referred,
      referral_outcomes = excluded.referral_outcomes, transnational = excluded.transnational, updated_at = now()`.execute(db);
}
