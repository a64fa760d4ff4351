import type {
  BestInterestsDecision,
  BestInterestsStep,
  ConsentRecordedHow,
  ConsentScope,
  PersonalField,
} from '../../../../shared/referral/vocabulary.js';
import type { Db } from '../../../platform/db/database.js';
import type { PersonName } from './repository.js';

/** Consents of a case (withdrawn, never deleted) and the steps of a child's best-interests procedure. */

export interface ConsentRecord {
  id: string;
  caseId: string;
  scope: ConsentScope;
  provider: PersonName | null;
  organisation: PersonName | null;
  fields: PersonalField[];
  recordedHow: ConsentRecordedHow;
  givenAt: Date;
  recordedBy: PersonName;
  recordedAt: Date;
  withdrawnAt: Date | null;
  withdrawnBy: PersonName | null;
  withdrawalReason: string | null;
}

export interface NewConsent {
  caseId: string;
  scope: ConsentScope;
  providerId: string | null;
  organisationId: string | null;
  fields: PersonalField[];
  recordedHow: ConsentRecordedHow;
  givenAt: Date;
  recordedBy: string;
}

const ref = (id: string | null, name: string | null): PersonName | null => (id ? { id, name: name ?? '' } : null);
const date = (value: Date | string) => new Date(value);

export async function insertConsent(trx: Db, consent: NewConsent): Promise<string> {
  const row = await trx
    .insertInto('case_consents')
    .values({
      case_id: consent.caseId,
      scope: consent.scope,
      provider_id: consent.providerId,
      organisation_id: consent.organisationId,
      fields: consent.fields,
      recorded_how: consent.recordedHow,
      given_at: consent.givenAt,
      recorded_by: consent.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A case's consents, newest first; `by.id` one consent (of any case). */
export async function listConsents(db: Db, by: { caseId: string } | { id: string }): Promise<ConsentRecord[]> {
  let query = db
    .selectFrom('case_consents as c')
    .innerJoin('users as r', 'r.id', 'c.recorded_by')
    .leftJoin('users as w', 'w.id', 'c.withdrawn_by')
    .leftJoin('service_providers as p', 'p.id', 'c.provider_id')
    .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select([
      'c.id',
      'c.case_id',
      'c.scope',
      'c.provider_id',
      'p.name as provider_name',
      'c.organisation_id',
      'o.name as organisation_name',
      'c.fields',
      'c.recorded_how',
      'c.given_at',
      'c.recorded_by',
      'r.display_name as recorded_by_name',
      'c.recorded_at',
      'c.withdrawn_at',
      'c.withdrawn_by',
      'w.display_name as withdrawn_by_name',
      'c.withdrawal_reason',
    ]);
  query = 'id' in by ? query.where('c.id', '=', by.id) : query.where('c.case_id', '=', by.caseId);
  const rows = await query.orderBy('c.recorded_at', 'desc').orderBy('c.id', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    scope: row.scope as ConsentScope,
    provider: ref(row.provider_id, row.provider_name),
    organisation: ref(row.organisation_id, row.organisation_name),
    fields: row.fields as PersonalField[],
    recordedHow: row.recorded_how as ConsentRecordedHow,
    givenAt: date(row.given_at),
    recordedBy: { id: row.recorded_by, name: row.recorded_by_name },
    recordedAt: date(row.recorded_at),
    withdrawnAt: row.withdrawn_at ? date(row.withdrawn_at) : null,
    withdrawnBy: ref(row.withdrawn_by, row.withdrawn_by_name),
    withdrawalReason: row.withdrawal_reason,
  }));
}

/** The case a consent belongs to, and whether it is withdrawn (`for update` inside a change). */
export async function consentHead(db: Db, id: string, forUpdate = false): Promise<{ caseId: string; withdrawn: boolean } | null> {
  let query = db.selectFrom('case_consents').select(['case_id', 'withdrawn_at']).where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? { caseId: row.case_id, withdrawn: row.withdrawn_at !== null } : null;
}

export async function withdrawConsent(trx: Db, id: string, actorId: string, reason: string): Promise<void> {
  await trx
    .updateTable('case_consents')
    .set({ withdrawn_at: new Date(), withdrawn_by: actorId, withdrawal_reason: reason })
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .execute();
}

export async function providerExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('service_providers').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function organisationExists(db: Db, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

export interface StepRecord {
  id: string;
  caseId: string;
  step: BestInterestsStep;
  decision: BestInterestsDecision;
  authority: string;
  notesEnc: string | null;
  recordedBy: PersonName;
  recordedAt: Date;
}

export async function insertStep(
  trx: Db,
  step: {
    caseId: string;
    step: BestInterestsStep;
    decision: BestInterestsDecision;
    authority: string;
    notesEnc: string | null;
    recordedBy: string;
  },
): Promise<string> {
  const row = await trx
    .insertInto('case_best_interests_steps')
    .values({
      case_id: step.caseId,
      step: step.step,
      decision: step.decision,
      authority: step.authority,
      notes_enc: step.notesEnc,
      recorded_by: step.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A child's case's best-interests steps, oldest first (the procedure's order); `id` one step. */
export async function listSteps(db: Db, caseId: string, id?: string): Promise<StepRecord[]> {
  let query = db
    .selectFrom('case_best_interests_steps as s')
    .innerJoin('users as u', 'u.id', 's.recorded_by')
    .select([
      's.id',
      's.case_id',
      's.step',
      's.decision',
      's.authority',
      's.notes_enc',
      's.recorded_by',
      's.recorded_at',
      'u.display_name',
    ])
    .where('s.case_id', '=', caseId);
  if (id) query = query.where('s.id', '=', id);
  const rows = await query.orderBy('s.recorded_at').orderBy('s.id').execute();
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    step: row.step as BestInterestsStep,
    decision: row.decision as BestInterestsDecision,
    authority: row.authority,
    notesEnc: row.notes_enc,
    recordedBy: { id: row.recorded_by, name: row.display_name },
    recordedAt: date(row.recorded_at),
  }));
}
