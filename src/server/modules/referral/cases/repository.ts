import { randomInt } from 'node:crypto';
import { type RawBuilder, sql } from 'kysely';
import type { Assessment, CaseStatus, CaseType, PersonalField } from '../../../../shared/referral/vocabulary.js';
import type { Db } from '../../../platform/db/database.js';
import type { SearchField } from './blind-index.js';
import { REFERRAL_STATUSES_WITH_ACCESS } from './case-access.js';
import type { EncryptedPerson } from './person.js';

/** Crockford's base32: no I, L, O, U, so a reference read aloud or copied by hand survives. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A pseudonymous reference: random, says nothing about the person (`LSN-7K3QX9MB`). */
export function newReference(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CROCKFORD[randomInt(CROCKFORD.length)];
  return `LSN-${code}`;
}

export interface UnitRow {
  id: string;
  name: string;
  organisationId: string;
}

export async function findUnit(db: Db, id: string): Promise<UnitRow | null> {
  const row = await db
    .selectFrom('units')
    .select(['id', 'name', 'organisation_id'])
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name, organisationId: row.organisation_id } : null;
}

export interface NewCase {
  caseType: CaseType;
  isChild: boolean;
  ownerUnitId: string;
  ownerOrganisationId: string;
  person: EncryptedPerson;
  notesEnc: string | null;
  createdBy: string;
  /** A receiving unit's own copy of a case sent through a transnational referral. */
  receivedThroughReferralId?: string | null;
}

/** Inserts a case under a fresh reference (drawn again on the rare collision). */
export async function insertCase(trx: Db, input: NewCase): Promise<{ id: string; reference: string }> {
  for (;;) {
    const reference = newReference();
    const row = await trx
      .insertInto('cases')
      .values({
        reference,
        case_type: input.caseType,
        is_child: input.isChild,
        owner_unit_id: input.ownerUnitId,
        owner_organisation_id: input.ownerOrganisationId,
        ...input.person,
        notes_enc: input.notesEnc,
        created_by: input.createdBy,
        received_through_referral_id: input.receivedThroughReferralId ?? null,
      })
      .onConflict((conflict) => conflict.column('reference').doNothing())
      .returning(['id', 'reference'])
      .executeTakeFirst();
    if (row) return row;
  }
}

/** Replaces the blind-index rows of the given fields of a case. */
export async function replaceSearchTokens(
  trx: Db,
  caseId: string,
  fields: readonly SearchField[],
  rows: { field: SearchField; token: string }[],
): Promise<void> {
  if (fields.length === 0) return;
  await trx.deleteFrom('case_search_tokens').where('case_id', '=', caseId).where('field', 'in', fields).execute();
  const values = rows.filter((row) => fields.includes(row.field)).map((row) => ({ case_id: caseId, ...row }));
  if (values.length > 0)
    await trx
      .insertInto('case_search_tokens')
      .values(values)
      .onConflict((c) => c.doNothing())
      .execute();
}

export async function insertCaseEvent(
  trx: Db,
  event: { caseId: string; event: string; fields?: string[]; reason?: string | null; actorId: string | null },
): Promise<void> {
  await trx
    .insertInto('case_events')
    .values({
      case_id: event.caseId,
      event: event.event,
      fields: event.fields ?? [],
      reason: event.reason ?? null,
      actor_id: event.actorId,
    })
    .execute();
}

/** A change of a case's own columns; bumps its revision. */
export async function updateCase(
  trx: Db,
  id: string,
  changes: { caseType?: CaseType; isChild?: boolean; person?: EncryptedPerson; notesEnc?: string | null },
): Promise<{ revision: number; updatedAt: Date; status: CaseStatus }> {
  const row = await trx
    .updateTable('cases')
    .set({
      ...(changes.caseType !== undefined ? { case_type: changes.caseType } : {}),
      ...(changes.isChild !== undefined ? { is_child: changes.isChild } : {}),
      ...(changes.person ?? {}),
      ...(changes.notesEnc !== undefined ? { notes_enc: changes.notesEnc } : {}),
      revision: sql`revision + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .returning(['revision', 'updated_at', 'status'])
    .executeTakeFirstOrThrow();
  return { revision: row.revision, updatedAt: new Date(row.updated_at as unknown as string), status: row.status as CaseStatus };
}

export async function closeCase(trx: Db, id: string, reason: string): Promise<{ revision: number; updatedAt: Date }> {
  const row = await trx
    .updateTable('cases')
    .set({
      status: 'closed',
      closure_reason: reason,
      closed_at: sql`now()`,
      revision: sql`revision + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .returning(['revision', 'updated_at'])
    .executeTakeFirstOrThrow();
  return { revision: row.revision, updatedAt: new Date(row.updated_at as unknown as string) };
}

/** The personal fields shared with any of `unitIds` by the case's active service referrals. */
export async function sharedFieldsFor(db: Db, caseId: string, unitIds: readonly string[]): Promise<PersonalField[]> {
  if (unitIds.length === 0) return [];
  const { rows } = await sql<{ field: PersonalField }>`
    select distinct unnest(r.shared_fields) as field from referrals r
     where r.case_id = ${caseId} and r.referral_kind = 'service' and r.to_unit_id = any(${[...unitIds]}::uuid[])
       and r.status = any(${[...REFERRAL_STATUSES_WITH_ACCESS]}::text[]) and r.sharing_stopped_at is null`.execute(db);
  return rows.map((row) => row.field);
}

export interface CaseSummaryRow {
  id: string;
  reference: string;
  caseType: CaseType;
  status: CaseStatus;
  isChild: boolean;
  ownerUnit: { id: string; name: string; organisationId: string };
  latestAssessment: Assessment | null;
  openReferrals: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface CaseRow extends CaseSummaryRow {
  revision: number;
  closedAt: Date | null;
  closureReason: string | null;
  pseudonymised: boolean;
  receivedThroughReferralId: string | null;
  person: EncryptedPerson;
  notesEnc: string | null;
}

interface SummarySqlRow {
  id: string;
  reference: string;
  case_type: CaseType;
  status: CaseStatus;
  is_child: boolean;
  owner_unit_id: string;
  unit_name: string;
  owner_organisation_id: string;
  latest_assessment: Assessment | null;
  open_referrals: number;
  created_at: Date | string;
  updated_at: Date | string;
  updated_key: string;
}

const SUMMARY_COLUMNS = sql`c.id, c.reference, c.case_type, c.status, c.is_child, c.owner_unit_id, u.name as unit_name,
  c.owner_organisation_id,
  (select s.assessment from case_screenings s where s.case_id = c.id order by s.screened_at desc, s.id desc limit 1) as latest_assessment,
  (select count(*)::int from referrals r where r.case_id = c.id and r.status in ('sent', 'accepted', 'in_progress')) as open_referrals,
  c.created_at, c.updated_at, c.updated_at::text as updated_key`;

const toSummary = (row: SummarySqlRow): CaseSummaryRow => ({
  id: row.id,
  reference: row.reference,
  caseType: row.case_type,
  status: row.status,
  isChild: row.is_child,
  ownerUnit: { id: row.owner_unit_id, name: row.unit_name, organisationId: row.owner_organisation_id },
  latestAssessment: row.latest_assessment,
  openReferrals: row.open_referrals,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

export async function findCase(db: Db, id: string): Promise<CaseRow | null> {
  const { rows } = await sql<
    SummarySqlRow & {
      revision: number;
      closed_at: Date | string | null;
      closure_reason: string | null;
      pseudonymised_at: Date | null;
      received_through_referral_id: string | null;
      notes_enc: string | null;
    } & Required<EncryptedPerson>
  >`select ${SUMMARY_COLUMNS}, c.revision, c.closed_at, c.closure_reason, c.pseudonymised_at,
           c.received_through_referral_id, c.notes_enc, c.given_names_enc, c.family_name_enc, c.date_of_birth_enc,
           c.sex_enc, c.nationality_enc, c.languages_enc, c.contact_enc, c.place_found_enc
      from cases c join units u on u.id = c.owner_unit_id where c.id = ${id}`.execute(db);
  const row = rows[0];
  if (!row) return null;
  return {
    ...toSummary(row),
    revision: row.revision,
    closedAt: row.closed_at === null ? null : new Date(row.closed_at),
    closureReason: row.closure_reason,
    pseudonymised: row.pseudonymised_at !== null,
    receivedThroughReferralId: row.received_through_referral_id,
    notesEnc: row.notes_enc,
    person: {
      given_names_enc: row.given_names_enc,
      family_name_enc: row.family_name_enc,
      date_of_birth_enc: row.date_of_birth_enc,
      sex_enc: row.sex_enc,
      nationality_enc: row.nationality_enc,
      languages_enc: row.languages_enc,
      contact_enc: row.contact_enc,
      place_found_enc: row.place_found_enc,
    },
  };
}

/** Who lists cases: case workers through their units, supervisors through their organisation. */
export interface CaseScope {
  /** Units whose cases (and cases referred to them) a case worker sees; empty for none. */
  workerUnitIds: string[];
  /** The organisation whose cases a supervisor sees; null for none. */
  supervisedOrganisationId: string | null;
}

export interface CaseFilter {
  scope: CaseScope;
  /** Blind-index tokens of the name query: a case must have every one. */
  nameTokens?: string[];
  dateOfBirthToken?: string;
  status?: CaseStatus;
  caseType?: CaseType;
  unitId?: string;
  limit: number;
  after?: { updatedKey: string; id: string };
}

/**
 * The ways a case comes into a viewer's scope, each a query of its own that its index answers in
 * order (owner unit, owner organisation, the referrals to the viewer's units), so a page reads about
 * as many cases as it shows rather than every case of the platform. `filters` apply to every one.
 */
function scopeBranches(scope: CaseScope, filters: RawBuilder<unknown>, take: number): RawBuilder<unknown>[] {
  const page = sql`order by c.updated_at desc, c.id desc limit ${take}`;
  const branches: RawBuilder<unknown>[] = [];
  if (scope.workerUnitIds.length > 0) {
    const units = scope.workerUnitIds;
    branches.push(sql`(select c.id, c.updated_at from unnest(${units}::uuid[]) as own(unit_id)
      cross join lateral (select c.id, c.updated_at from cases c where c.owner_unit_id = own.unit_id and ${filters} ${page}) c)`);
    // The referred cases are gathered first (`offset 0` keeps the planner from walking every case newest
    // first in search of them: a unit with few referrals would read the whole table).
    branches.push(sql`(select c.id, c.updated_at from (select distinct r.case_id from referrals r
        where r.referral_kind = 'service' and r.to_unit_id = any(${units}::uuid[])
          and r.status = any(${[...REFERRAL_STATUSES_WITH_ACCESS]}::text[]) and r.sharing_stopped_at is null offset 0) referred
      join cases c on c.id = referred.case_id where ${filters} ${page})`);
  }
  if (scope.supervisedOrganisationId)
    branches.push(sql`(select c.id, c.updated_at from cases c
      where c.owner_organisation_id = ${scope.supervisedOrganisationId} and ${filters} ${page})`);
  return branches;
}

/** A page of cases in the scope, newest change first, one more than asked to tell if another page follows. */
export async function listCases(
  db: Db,
  filter: CaseFilter,
): Promise<{ rows: CaseSummaryRow[]; lastKey: string | null; more: boolean }> {
  const conditions: RawBuilder<unknown>[] = [sql`true`];
  if (filter.nameTokens) {
    const tokens = filter.nameTokens;
    conditions.push(sql`c.id in (select t.case_id from case_search_tokens t where t.field = 'name' and t.token = any(${tokens}::text[])
      group by t.case_id having count(distinct t.token) = ${tokens.length})`);
  }
  if (filter.dateOfBirthToken)
    conditions.push(sql`exists (select 1 from case_search_tokens t where t.case_id = c.id and t.field = 'date_of_birth'
      and t.token = ${filter.dateOfBirthToken})`);
  if (filter.status) conditions.push(sql`c.status = ${filter.status}`);
  if (filter.caseType) conditions.push(sql`c.case_type = ${filter.caseType}`);
  if (filter.unitId) conditions.push(sql`c.owner_unit_id = ${filter.unitId}`);
  if (filter.after)
    conditions.push(sql`(c.updated_at, c.id) < (${filter.after.updatedKey}::timestamptz, ${filter.after.id}::uuid)`);
  const branches = scopeBranches(filter.scope, sql.join(conditions, sql` and `), filter.limit + 1);
  if (branches.length === 0) return { rows: [], lastKey: null, more: false };
  const { rows } = await sql<SummarySqlRow>`select ${SUMMARY_COLUMNS}
      from cases c join units u on u.id = c.owner_unit_id
     where c.id in (select s.id from (${sql.join(branches, sql` union `)}) s)
     order by c.updated_at desc, c.id desc limit ${filter.limit + 1}`.execute(db);
  const more = rows.length > filter.limit;
  const page = rows.slice(0, filter.limit);
  return { rows: page.map(toSummary), lastKey: page.at(-1)?.updated_key ?? null, more };
}

export interface HistoryRow {
  at: Date;
  source: 'case' | 'screening' | 'consent' | 'best_interests' | 'referral';
  event: string;
  recordId: string | null;
  fields: string[];
  reason: string | null;
  actorId: string | null;
  actorName: string | null;
}

/** A case's history from every part of the module: codes, field names and reasons, never personal values. */
export async function caseHistory(db: Db, caseId: string): Promise<HistoryRow[]> {
  const { rows } = await sql<{
    at: Date | string;
    source: HistoryRow['source'];
    event: string;
    record_id: string | null;
    fields: string[];
    reason: string | null;
    actor_id: string | null;
    actor_name: string | null;
    seq: string;
  }>`select h.*, usr.display_name as actor_name from (
      select e.at, 'case' as source, e.event, null::text as record_id, e.fields, e.reason, e.actor_id, e.id::text as seq
        from case_events e where e.case_id = ${caseId}
      union all
      select s.screened_at, 'screening', s.assessment, s.id::text, '{}'::text[], null, s.screened_by, ''
        from case_screenings s where s.case_id = ${caseId}
      union all
      select k.recorded_at, 'consent', 'recorded:' || k.scope, k.id::text, k.fields, null, k.recorded_by, ''
        from case_consents k where k.case_id = ${caseId}
      union all
      select k.withdrawn_at, 'consent', 'withdrawn:' || k.scope, k.id::text, k.fields, k.withdrawal_reason, k.withdrawn_by, ''
        from case_consents k where k.case_id = ${caseId} and k.withdrawn_at is not null
      union all
      select b.recorded_at, 'best_interests', b.step || ':' || b.decision, b.id::text, '{}'::text[], null, b.recorded_by, ''
        from case_best_interests_steps b where b.case_id = ${caseId}
      union all
      select re.at, 'referral', re.to_status, r.id::text, r.shared_fields, re.reason, re.actor_id, re.id::text
        from referral_events re join referrals r on r.id = re.referral_id where r.case_id = ${caseId}
    ) h left join users usr on usr.id = h.actor_id
    order by h.at, h.source, h.seq`.execute(db);
  return rows.map((row) => ({
    at: new Date(row.at),
    source: row.source,
    event: row.event,
    recordId: row.record_id,
    fields: row.fields ?? [],
    reason: row.reason,
    actorId: row.actor_id,
    actorName: row.actor_name,
  }));
}
