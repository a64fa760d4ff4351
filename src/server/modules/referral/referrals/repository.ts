import { sql } from 'kysely';
import type {
  PersonalField,
  ReferralKind,
  ReferralOutcome,
  ReferralStatus,
  ServiceType,
  Urgency,
} from '../../../../shared/referral/vocabulary.js';
import type { Db } from '../../../platform/db/database.js';

/** Referrals, their history, and what creating one checks (providers, units, consents, steps). */

export interface UnitName {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
  country: string | null;
}

export interface Referral {
  id: string;
  caseId: string;
  caseReference: string;
  kind: ReferralKind;
  fromUnit: UnitName;
  toUnit: UnitName | null;
  provider: { id: string; name: string } | null;
  needs: ServiceType[];
  urgency: Urgency;
  status: ReferralStatus;
  respondBy: Date;
  /** `respond_by` as the database writes it (microseconds kept): the boxes' keyset cursor. */
  respondKey: string;
  consentId: string | null;
  bestInterestsStepId: string | null;
  sharedFields: PersonalField[];
  receivedCase: { id: string; reference: string } | null;
  declineReason: string | null;
  outcome: ReferralOutcome | null;
  outcomeNote: string | null;
  sharingStoppedAt: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

interface ReferralRow {
  id: string;
  case_id: string;
  case_reference: string;
  referral_kind: ReferralKind;
  from_unit: UnitName;
  to_unit: UnitName | null;
  provider_id: string | null;
  provider_name: string | null;
  needs: ServiceType[];
  urgency: Urgency;
  status: ReferralStatus;
  respond_by: Date;
  respond_key: string;
  consent_id: string | null;
  best_interests_step_id: string | null;
  shared_fields: PersonalField[];
  received_case_id: string | null;
  received_case_reference: string | null;
  decline_reason: string | null;
  outcome: ReferralOutcome | null;
  outcome_note: string | null;
  sharing_stopped_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

const unitJson = (alias: string) =>
  sql.raw(`case when ${alias}.id is null then null else json_build_object(
  'id', ${alias}.id, 'name', ${alias}.name, 'organisationId', ${alias}o.id, 'organisationName', ${alias}o.name,
  'country', ${alias}o.country) end`);

/** The referral with the names its pages show; `where` is a parameterised condition on `r`. */
const selectReferrals = (where: ReturnType<typeof sql>, tail = sql``) => sql<ReferralRow>`
  select r.id, r.case_id, c.reference as case_reference, r.referral_kind,
         ${unitJson('fu')} as from_unit, ${unitJson('tu')} as to_unit,
         r.provider_id, p.name as provider_name, r.needs, r.urgency, r.status, r.respond_by, r.respond_by::text as respond_key,
         r.consent_id, r.best_interests_step_id, r.shared_fields, r.received_case_id,
         rc.reference as received_case_reference, r.decline_reason, r.outcome, r.outcome_note,
         r.sharing_stopped_at, r.created_by, r.created_at, r.updated_at
    from referrals r
    join cases c on c.id = r.case_id
    join units fu on fu.id = r.from_unit_id
    join organisations fuo on fuo.id = fu.organisation_id
    left join units tu on tu.id = r.to_unit_id
    left join organisations tuo on tuo.id = tu.organisation_id
    left join service_providers p on p.id = r.provider_id
    left join cases rc on rc.id = r.received_case_id
   where ${where} ${tail}`;

const toReferral = (row: ReferralRow): Referral => ({
  id: row.id,
  caseId: row.case_id,
  caseReference: row.case_reference,
  kind: row.referral_kind,
  fromUnit: row.from_unit,
  toUnit: row.to_unit,
  provider: row.provider_id ? { id: row.provider_id, name: row.provider_name ?? '' } : null,
  needs: row.needs,
  urgency: row.urgency,
  status: row.status,
  respondBy: new Date(row.respond_by),
  respondKey: row.respond_key,
  consentId: row.consent_id,
  bestInterestsStepId: row.best_interests_step_id,
  sharedFields: row.shared_fields,
  receivedCase:
    row.received_case_id && row.received_case_reference
      ? { id: row.received_case_id, reference: row.received_case_reference }
      : null,
  declineReason: row.decline_reason,
  outcome: row.outcome,
  outcomeNote: row.outcome_note,
  sharingStoppedAt: row.sharing_stopped_at ? new Date(row.sharing_stopped_at) : null,
  createdBy: row.created_by,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

export async function findReferral(db: Db, id: string, forUpdate = false): Promise<Referral | null> {
  const lock = forUpdate ? sql`for update of r` : sql``;
  const { rows } = await selectReferrals(sql`r.id = ${id}`, lock).execute(db);
  return rows[0] ? toReferral(rows[0]) : null;
}

/** The referrals of a case, and those that gave a unit its own copy of it, newest first. */
export async function referralsOfCase(db: Db, caseId: string): Promise<Referral[]> {
  const { rows } = await selectReferrals(
    sql`(r.case_id = ${caseId} or r.received_case_id = ${caseId})`,
    sql`order by r.created_at desc, r.id desc`,
  ).execute(db);
  return rows.map(toReferral);
}

export interface InboxQuery {
  unitIds: string[];
  box: 'incoming' | 'outgoing';
  status?: ReferralStatus;
  limit: number;
  after?: { respondBy: string; id: string };
}

/** A unit box, soonest answer first (overdue ones lead), keyset-paged on (respond_by, id). */
export async function inbox(db: Db, query: InboxQuery): Promise<Referral[]> {
  if (query.unitIds.length === 0) return [];
  const side = query.box === 'incoming' ? sql`r.to_unit_id` : sql`r.from_unit_id`;
  const status = query.status ? sql`and r.status = ${query.status}` : sql``;
  const after = query.after
    ? sql`and (r.respond_by, r.id) > (${query.after.respondBy}::timestamptz, ${query.after.id}::uuid)`
    : sql``;
  const { rows } = await selectReferrals(
    sql`${side} = any(${query.unitIds}::uuid[]) ${status} ${after}`,
    sql`order by r.respond_by, r.id limit ${query.limit}`,
  ).execute(db);
  return rows.map(toReferral);
}

export interface NewReferral {
  caseId: string;
  kind: ReferralKind;
  fromUnitId: string;
  providerId: string | null;
  toUnitId: string | null;
  needs: ServiceType[];
  urgency: Urgency;
  respondBy: Date;
  consentId: string | null;
  bestInterestsStepId: string | null;
  sharedFields: PersonalField[];
  createdBy: string;
}

export async function insertReferral(trx: Db, referral: NewReferral): Promise<string> {
  const row = await trx
    .insertInto('referrals')
    .values({
      case_id: referral.caseId,
      referral_kind: referral.kind,
      from_unit_id: referral.fromUnitId,
      provider_id: referral.providerId,
      to_unit_id: referral.toUnitId,
      needs: referral.needs,
      urgency: referral.urgency,
      respond_by: referral.respondBy,
      consent_id: referral.consentId,
      best_interests_step_id: referral.bestInterestsStepId,
      shared_fields: referral.sharedFields,
      created_by: referral.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setReceivedCase(trx: Db, id: string, caseId: string) {
  await trx.updateTable('referrals').set({ received_case_id: caseId }).where('id', '=', id).execute();
}

export async function updateStatus(
  trx: Db,
  id: string,
  change: { status: ReferralStatus; declineReason?: string; outcome?: ReferralOutcome; outcomeNote?: string },
) {
  await trx
    .updateTable('referrals')
    .set({
      status: change.status,
      updated_at: sql`now()`,
      ...(change.declineReason !== undefined ? { decline_reason: change.declineReason } : {}),
      ...(change.outcome !== undefined ? { outcome: change.outcome, outcome_note: change.outcomeNote ?? null } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function insertEvent(
  trx: Db,
  event: { referralId: string; from: ReferralStatus | null; to: ReferralStatus; reason: string | null; actorId: string | null },
) {
  await trx
    .insertInto('referral_events')
    .values({
      referral_id: event.referralId,
      from_status: event.from,
      to_status: event.to,
      reason: event.reason,
      actor_id: event.actorId,
    })
    .execute();
}

export interface ReferralEventRow {
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  reason: string | null;
  actorName: string | null;
  at: Date;
}

export async function eventsOf(db: Db, referralId: string): Promise<ReferralEventRow[]> {
  const rows = await db
    .selectFrom('referral_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.from_status', 'e.to_status', 'e.reason', 'u.display_name', 'e.at'])
    .where('e.referral_id', '=', referralId)
    .orderBy('e.id')
    .execute();
  return rows.map((row) => ({
    fromStatus: row.from_status as ReferralStatus | null,
    toStatus: row.to_status as ReferralStatus,
    reason: row.reason,
    actorName: row.display_name ?? null,
    at: new Date(row.at as unknown as string),
  }));
}

/** Stops sharing under a withdrawn consent; returns the referrals it stopped. */
export async function stopSharing(trx: Db, consentId: string): Promise<{ id: string; status: ReferralStatus }[]> {
  const rows = await trx
    .updateTable('referrals')
    .set({ sharing_stopped_at: sql`now()`, updated_at: sql`now()` })
    .where('consent_id', '=', consentId)
    .where('sharing_stopped_at', 'is', null)
    .returning(['id', 'status'])
    .execute();
  return rows.map((row) => ({ id: row.id, status: row.status as ReferralStatus }));
}

export interface ProviderFacts {
  id: string;
  active: boolean;
  services: string[];
  unitId: string | null;
}

export async function findProvider(db: Db, id: string): Promise<ProviderFacts | null> {
  const row = await db
    .selectFrom('service_providers')
    .select(['id', 'active', 'services', 'unit_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { id: row.id, active: row.active, services: row.services, unitId: row.unit_id } : null;
}

/** A unit with its organisation's country (null for an organisation of no country, the secretariat). */
export async function findUnit(
  db: Db,
  id: string,
): Promise<{ id: string; organisationId: string; country: string | null } | null> {
  const row = await db
    .selectFrom('units as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.organisation_id', 'o.country'])
    .where('u.id', '=', id)
    .where('u.active', '=', true)
    .where('o.active', '=', true)
    .executeTakeFirst();
  return row ? { id: row.id, organisationId: row.organisation_id, country: row.country } : null;
}

export interface ConsentFacts {
  id: string;
  caseId: string;
  scope: string;
  providerId: string | null;
  organisationId: string | null;
  fields: PersonalField[];
  withdrawn: boolean;
}

export async function findConsent(db: Db, id: string): Promise<ConsentFacts | null> {
  const row = await db
    .selectFrom('case_consents')
    .select(['id', 'case_id', 'scope', 'provider_id', 'organisation_id', 'fields', 'withdrawn_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    caseId: row.case_id,
    scope: row.scope,
    providerId: row.provider_id,
    organisationId: row.organisation_id,
    fields: row.fields as PersonalField[],
    withdrawn: row.withdrawn_at !== null,
  };
}

export async function findBestInterestsStep(db: Db, id: string): Promise<{ caseId: string; decision: string } | null> {
  const row = await db
    .selectFrom('case_best_interests_steps')
    .select(['case_id', 'decision'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { caseId: row.case_id, decision: row.decision } : null;
}

/** Marks a case as the receiving unit's copy made by a transnational referral. */
export async function markReceivedThrough(trx: Db, caseId: string, referralId: string) {
  await trx.updateTable('cases').set({ received_through_referral_id: referralId }).where('id', '=', caseId).execute();
}
