import { sql } from 'kysely';
import type { Assessment, IndicatorFamily, ServiceType, Urgency } from '../../../../shared/referral/vocabulary.js';
import type { Db } from '../../../platform/db/database.js';

/**
 * Screenings of a case, and what hangs off a case beside them: the history events written with them,
 * the case's country for suggesting services, and the providers of the directory serving a need.
 * Consents and best-interests steps are in `consent-repository.ts`.
 */

export interface PersonName {
  id: string;
  name: string;
}

export interface ScreeningRecord {
  id: string;
  caseId: string;
  questionnaireVersion: string;
  answers: Record<string, string>;
  indicatorFamilies: IndicatorFamily[];
  suggestedNeeds: ServiceType[];
  decidedNeeds: ServiceType[];
  assessment: Assessment;
  urgency: Urgency;
  notesEnc: string | null;
  screenedBy: PersonName;
  screenedAt: Date;
}

/** A screening as recorded: the stored record before it has an id, a time and its screener's name. */
export interface NewScreening extends Omit<ScreeningRecord, 'id' | 'screenedBy' | 'screenedAt'> {
  screenedBy: string;
}

export async function insertScreening(trx: Db, screening: NewScreening): Promise<string> {
  const row = await trx
    .insertInto('case_screenings')
    .values({
      case_id: screening.caseId,
      questionnaire_version: screening.questionnaireVersion,
      answers: JSON.stringify(screening.answers),
      indicator_families: screening.indicatorFamilies,
      suggested_needs: screening.suggestedNeeds,
      decided_needs: screening.decidedNeeds,
      assessment: screening.assessment,
      urgency: screening.urgency,
      notes_enc: screening.notesEnc,
      screened_by: screening.screenedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A case's screenings, newest first (`id` alone: one screening). */
export async function listScreenings(db: Db, caseId: string, id?: string): Promise<ScreeningRecord[]> {
  let query = db
    .selectFrom('case_screenings as s')
    .innerJoin('users as u', 'u.id', 's.screened_by')
    .select([
      's.id',
      's.case_id',
      's.questionnaire_version',
      's.answers',
      's.indicator_families',
      's.suggested_needs',
      's.decided_needs',
      's.assessment',
      's.urgency',
      's.notes_enc',
      's.screened_by',
      's.screened_at',
      'u.display_name',
    ])
    .where('s.case_id', '=', caseId);
  if (id) query = query.where('s.id', '=', id);
  const rows = await query.orderBy('s.screened_at', 'desc').orderBy('s.id', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    questionnaireVersion: row.questionnaire_version,
    answers: (typeof row.answers === 'string' ? JSON.parse(row.answers) : row.answers) as Record<string, string>,
    indicatorFamilies: row.indicator_families as IndicatorFamily[],
    suggestedNeeds: row.suggested_needs as ServiceType[],
    decidedNeeds: row.decided_needs as ServiceType[],
    assessment: row.assessment as Assessment,
    urgency: row.urgency as Urgency,
    notesEnc: row.notes_enc,
    screenedBy: { id: row.screened_by, name: row.display_name },
    screenedAt: new Date(row.screened_at),
  }));
}

/**
 * Marks the case as changed (`updated_at`), so lists sorted by last change show it. No `case_events`
 * row: the case's history reads screenings, consents and steps from their own tables.
 */
export async function touchCase(trx: Db, caseId: string): Promise<void> {
  await trx.updateTable('cases').set({ updated_at: new Date() }).where('id', '=', caseId).execute();
}

export async function organisationCountry(db: Db, organisationId: string): Promise<string | null> {
  const row = await db.selectFrom('organisations').select('country').where('id', '=', organisationId).executeTakeFirst();
  return row?.country ?? null;
}

export interface ServingProvider {
  id: string;
  name: string;
  services: ServiceType[];
  places: { country: string; city: string }[];
}

/**
 * Active providers of the directory serving at least one of `needs`, with the places they serve;
 * those with a place in `country` first, so the cut at `limit` keeps the nearest.
 */
export async function providersServing(
  db: Db,
  needs: readonly ServiceType[],
  country: string | null,
  limit: number,
): Promise<ServingProvider[]> {
  if (needs.length === 0) return [];
  const providers = await db
    .selectFrom('service_providers as p')
    .select(['p.id', 'p.name', 'p.services'])
    .where('p.active', '=', true)
    .where(sql<boolean>`p.services && ${[...needs]}::text[]`)
    .orderBy(sql`exists (select 1 from service_places sp where sp.provider_id = p.id and sp.country = ${country ?? ''})`, 'desc')
    .orderBy('p.name')
    .orderBy('p.id')
    .limit(limit)
    .execute();
  if (providers.length === 0) return [];
  const places = await db
    .selectFrom('service_places')
    .select(['provider_id', 'country', 'city'])
    .where(
      'provider_id',
      'in',
      providers.map((p) => p.id),
    )
    .execute();
  return providers.map((provider) => ({
    id: provider.id,
    name: provider.name,
    services: provider.services as ServiceType[],
    places: places.filter((p) => p.provider_id === provider.id).map((p) => ({ country: p.country, city: p.city })),
  }));
}
