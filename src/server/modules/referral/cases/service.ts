import countryNames from 'i18n-iso-countries';
import { isLanguageCode } from '../../../../shared/exchange/directory/vocabulary.js';
import type {
  CaseChanged,
  CaseCreated,
  CaseDetail,
  CaseHistory,
  CaseList,
  CasePerson,
  CaseSummary,
} from '../../../../shared/referral/cases-contract.js';
import { REFERRAL_PROBLEMS } from '../../../../shared/referral/problems.js';
import type { CaseType, PersonalField } from '../../../../shared/referral/vocabulary.js';
import { hasRole } from '../../../platform/auth/actor.js';
import type { ActorContext } from '../../../platform/context.js';
import { invalid, problem } from '../../../platform/errors.js';
import { refreshCaseFacts } from '../statistics/facts.js';
import { blindDateToken, blindNameTokens, type SearchField, searchTokensOf } from './blind-index.js';
import { type CaseHead, caseFor } from './case-access.js';
import { decryptPerson, encryptPerson, type PersonValues } from './person.js';
import { auditPersonalRead, personalAccess } from './personal-read.js';
import * as repo from './repository.js';
import type { CloseCaseBody, CreateCaseBody, ListCasesQuery, PatchCaseBody, PersonPatch } from './schemas.js';

/** Age (in whole years, today in UTC) under which a person is a child. */
const ADULT_AGE = 18;

/** A date as typed must exist and not be in the future; the answer never repeats the value. */
function checkDateOfBirth(value: string | null | undefined): void {
  if (value === null || value === undefined) return;
  const date = new Date(`${value}T00:00:00Z`);
  const exists = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  if (!exists || value > new Date().toISOString().slice(0, 10) || value < '1900-01-01')
    throw problem(REFERRAL_PROBLEMS, 'invalid-date', 'The date of birth must be a real date, from 1900 to today.', {
      field: 'person.dateOfBirth',
    });
}

/** Nationality and languages must be real codes (named by field, never by value, in the answer). */
function checkCodes(person: { nationality?: string | null; languages?: string[] | null }): void {
  if (person.nationality && !countryNames.isValid(person.nationality))
    throw invalid('The nationality must be an ISO 3166-1 alpha-2 country code.', { field: 'person.nationality' });
  if (person.languages?.some((code) => !isLanguageCode(code)))
    throw invalid('Languages must be ISO 639-1 codes.', { field: 'person.languages' });
}

function isChildBorn(dateOfBirth: string): boolean {
  const today = new Date();
  const [year, month, day] = dateOfBirth.split('-').map(Number);
  let age = today.getUTCFullYear() - year;
  if (today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day)) age -= 1;
  return age < ADULT_AGE;
}

/** The names of the personal fields a body sets (present keys), for events and audit entries. */
const fieldsOf = (person: object | undefined): PersonalField[] => (person ? (Object.keys(person) as PersonalField[]) : []);

const searchFieldsTouched = (fields: readonly PersonalField[]): SearchField[] => [
  ...(fields.includes('givenNames') || fields.includes('familyName') ? (['name'] as const) : []),
  ...(fields.includes('dateOfBirth') ? (['date_of_birth'] as const) : []),
];

/** Opens a case for one of the actor's units; every personal field is encrypted, names and date indexed blind. */
export async function createCase(ctx: ActorContext, body: CreateCaseBody): Promise<CaseCreated> {
  const unitId = body.unitId ?? ctx.actor.unitIds[0];
  if (!unitId || !ctx.actor.unitIds.includes(unitId))
    throw problem(REFERRAL_PROBLEMS, 'no-unit', 'A case is opened for one of your own units.');
  const unit = await repo.findUnit(ctx.db, unitId);
  if (!unit) throw problem(REFERRAL_PROBLEMS, 'no-unit', 'A case is opened for one of your own units.');
  checkDateOfBirth(body.person.dateOfBirth);
  checkCodes(body.person);
  const caseType: CaseType = body.caseType ?? 'other_vulnerability';
  const isChild =
    body.isChild ?? (body.person.dateOfBirth ? isChildBorn(body.person.dateOfBirth) : caseType === 'unaccompanied_child');
  const person = await encryptPerson(ctx.personalData, body.person);
  const notesEnc = body.notes ? await ctx.personalData.encrypt(body.notes) : null;
  const fields = fieldsOf(body.person);
  return ctx.audited(
    async (trx) => {
      const created = await repo.insertCase(trx, {
        caseType,
        isChild,
        ownerUnitId: unit.id,
        ownerOrganisationId: unit.organisationId,
        person,
        notesEnc,
        createdBy: ctx.actor.userId,
      });
      await repo.replaceSearchTokens(trx, created.id, ['name', 'date_of_birth'], searchTokensOf(ctx.personalData, body.person));
      await repo.insertCaseEvent(trx, {
        caseId: created.id,
        event: 'opened',
        fields: body.notes ? [...fields, 'notes'] : fields,
        actorId: ctx.actor.userId,
      });
      await refreshCaseFacts(trx, ctx.personalData, created.id);
      return created;
    },
    (created) => ({
      action: 'case.create',
      targetType: 'case',
      targetId: created.id,
      outcome: 'success',
      details: { reference: created.reference, unitId: unit.id, caseType, isChild, fields },
    }),
  );
}

const toSummary = (row: repo.CaseSummaryRow): CaseSummary => ({
  id: row.id,
  reference: row.reference,
  caseType: row.caseType,
  status: row.status,
  isChild: row.isChild,
  ownerUnit: row.ownerUnit,
  latestAssessment: row.latestAssessment,
  openReferrals: row.openReferrals,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/**
 * One case: its summary for every party; its personal fields for the case workers allowed to read
 * them (a referred unit: the shared fields only, with a reason), audited by field name.
 */
export async function getCase(ctx: ActorContext, id: string, reason?: string): Promise<CaseDetail> {
  const head = await caseFor(ctx, id, 'case.readSummary');
  const access = await personalAccess(ctx, head, reason);
  const row = await repo.findCase(ctx.db, id);
  if (!row) throw new Error('case vanished between two reads');
  const detail: CaseDetail = {
    ...toSummary(row),
    access: access.as === 'none' ? 'supervisor' : access.as,
    revision: row.revision,
    closedAt: row.closedAt?.toISOString() ?? null,
    closureReason: row.closureReason,
    pseudonymised: row.pseudonymised,
    receivedThroughReferralId: row.receivedThroughReferralId,
    person: null,
    personFields: [],
  };
  if (access.as === 'none' || row.pseudonymised) return detail;
  detail.person = (await decryptPerson(ctx.personalData, row.person, access.fields)) as CasePerson;
  detail.personFields = access.fields;
  if (access.notes) detail.notes = await ctx.personalData.decrypt(row.notesEnc);
  await auditPersonalRead(ctx, id, access.notes ? [...access.fields, 'notes'] : access.fields, access.reason);
  return detail;
}

/** Cursor of the list: the last row's change time (as the database writes it) and id. */
const encodeCursor = (updatedKey: string, id: string) => Buffer.from(`${updatedKey}|${id}`).toString('base64url');
function decodeCursor(cursor: string): { updatedKey: string; id: string } {
  const [updatedKey, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (
    !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.test(updatedKey ?? '') ||
    !/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/.test(id ?? '')
  )
    throw invalid('Not a cursor of this list.', { field: 'cursor' });
  return { updatedKey, id };
}

/**
 * The cases the actor may see (owner unit or referred to one of the actor's units; supervisors:
 * their organisation's), newest change first. A search by name or date of birth compares keyed
 * hashes within the same scope, and is audited (what was searched, never the terms); the answer
 * carries no personal field, so a supervisor finds a case without reading its person.
 */
export async function listCases(ctx: ActorContext, query: ListCasesQuery): Promise<CaseList> {
  const searching = query.q !== undefined || query.dateOfBirth !== undefined;
  const scope: repo.CaseScope = {
    workerUnitIds: hasRole(ctx.actor, 'case_worker') ? ctx.actor.unitIds : [],
    supervisedOrganisationId: hasRole(ctx.actor, 'case_supervisor') ? ctx.actor.organisationId : null,
  };
  const limit = query.limit ?? 50;
  const empty: CaseList = { items: [], nextCursor: null };
  let nameTokens: string[] | undefined;
  if (query.q !== undefined) {
    nameTokens = [...new Set(blindNameTokens(ctx.personalData, query.q))];
    // Nothing to compare (one-letter words only): no match rather than every case.
    if (nameTokens.length === 0) return empty;
  }
  if (query.dateOfBirth !== undefined) checkDateOfBirth(query.dateOfBirth);
  const page = await repo.listCases(ctx.db, {
    scope,
    nameTokens,
    dateOfBirthToken: query.dateOfBirth ? blindDateToken(ctx.personalData, query.dateOfBirth) : undefined,
    status: query.status,
    caseType: query.type,
    unitId: query.unit,
    limit,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
  });
  // Looking a person up is itself a use of their personal data: recorded by what was searched, never the terms.
  if (searching)
    await ctx.audit({
      action: 'case.search',
      outcome: 'success',
      details: {
        by: [...(query.q !== undefined ? ['name'] : []), ...(query.dateOfBirth ? ['dateOfBirth'] : [])],
        results: page.rows.length,
      },
    });
  const last = page.rows.at(-1);
  return {
    items: page.rows.map(toSummary),
    nextCursor: page.more && last && page.lastKey ? encodeCursor(page.lastKey, last.id) : null,
  };
}

/** A change is made at the revision its author saw; another change since then is a 409. */
function checkRevision(head: CaseHead, revision: number): void {
  if (head.revision !== revision)
    throw problem(REFERRAL_PROBLEMS, 'stale-revision', 'The case changed since you opened it; reload it and try again.', {
      revision: head.revision,
    });
}

/** Changes a case (owner unit's case workers, open cases only, at the revision the editor saw). */
export async function patchCase(ctx: ActorContext, id: string, body: PatchCaseBody): Promise<CaseChanged> {
  const patch: PersonPatch = body.person ?? {};
  checkDateOfBirth(patch.dateOfBirth);
  checkCodes(patch);
  const personFields = fieldsOf(body.person);
  const changed: string[] = [
    ...personFields,
    ...(body.notes !== undefined ? ['notes'] : []),
    ...(body.caseType !== undefined ? ['caseType'] : []),
    ...(body.isChild !== undefined ? ['isChild'] : []),
  ];
  const person = await encryptPerson(ctx.personalData, patch as PersonValues);
  const notesEnc = body.notes === undefined ? undefined : await ctx.personalData.encrypt(body.notes);
  return ctx.audited(
    async (trx) => {
      const head = await caseFor(ctx, id, 'case.edit', trx);
      checkRevision(head, body.revision);
      const touched = searchFieldsTouched(personFields);
      if (touched.length > 0) {
        // The blind index is rebuilt from the names as they now stand (one of the two may be unchanged).
        const current = await repo.findCase(trx, id);
        const names = await decryptPerson(ctx.personalData, { ...current?.person, ...person }, [
          'givenNames',
          'familyName',
          'dateOfBirth',
        ]);
        await repo.replaceSearchTokens(trx, id, touched, searchTokensOf(ctx.personalData, names));
      }
      const result = await repo.updateCase(trx, id, { caseType: body.caseType, isChild: body.isChild, person, notesEnc });
      if (changed.length > 0)
        await repo.insertCaseEvent(trx, { caseId: id, event: 'updated', fields: changed, actorId: ctx.actor.userId });
      await refreshCaseFacts(trx, ctx.personalData, id);
      return {
        id,
        reference: head.reference,
        status: result.status,
        revision: result.revision,
        updatedAt: result.updatedAt.toISOString(),
      };
    },
    () => ({ action: 'case.update', targetType: 'case', targetId: id, outcome: 'success', details: { fields: changed } }),
  );
}

/** Closes a case with a reason: from then on it is read-only. */
export async function closeCase(ctx: ActorContext, id: string, body: CloseCaseBody): Promise<CaseChanged> {
  return ctx.audited(
    async (trx) => {
      const head = await caseFor(ctx, id, 'case.edit', trx);
      checkRevision(head, body.revision);
      const result = await repo.closeCase(trx, id, body.reason);
      await repo.insertCaseEvent(trx, { caseId: id, event: 'closed', reason: body.reason, actorId: ctx.actor.userId });
      await refreshCaseFacts(trx, ctx.personalData, id);
      return {
        id,
        reference: head.reference,
        status: 'closed' as const,
        revision: result.revision,
        updatedAt: result.updatedAt.toISOString(),
      };
    },
    () => ({ action: 'case.close', targetType: 'case', targetId: id, outcome: 'success' }),
  );
}

/** A case's history (every party that reads its summary): events, field names and reasons, never values. */
export async function caseHistory(ctx: ActorContext, id: string): Promise<CaseHistory> {
  await caseFor(ctx, id, 'case.readSummary');
  const rows = await repo.caseHistory(ctx.db, id);
  return {
    items: rows.map((row) => ({
      at: row.at.toISOString(),
      source: row.source,
      event: row.event,
      recordId: row.recordId,
      fields: row.fields,
      reason: row.reason,
      actor: row.actorId ? { id: row.actorId, name: row.actorName ?? '' } : null,
    })),
  };
}
