import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { DIRECTORY_PROBLEMS } from '../../../../shared/exchange/directory/problems.js';
import type { ActorContext } from '../../../platform/context.js';
import { notFound, problem } from '../../../platform/errors.js';
import { announceAccessChange } from '../../../platform/events/access.js';
import { authorize } from '../../../platform/policy/policy.js';
import { changeAction, changedFields } from '../../administration/changes.js';
import { type FunctionFields, pickFunctionFields } from './function-fields.js';
import * as repo from './manage-repository.js';
import { getFunction } from './service.js';

/**
 * Changes to the directory, by the administrators of the organisation a function belongs to
 * (platform admins everywhere). Another organisation's units, functions and holders answer 404.
 */

export interface FunctionInput {
  title?: string;
  kind?: string;
  themes?: string[];
  email?: string | null;
  phone?: string | null;
  description?: string;
  active?: boolean;
}

/** Phone numbers are stored in E.164; a national number is read in the organisation's country. */
function normalisePhone(phone: string | null | undefined, country: string | null): string | null {
  if (!phone?.trim()) return null;
  const parsed = parsePhoneNumberFromString(phone, (country ?? undefined) as CountryCode | undefined);
  if (!parsed?.isValid())
    throw problem(DIRECTORY_PROBLEMS, 'invalid-phone', 'The phone number is not a valid international or national number.');
  return parsed.number;
}

async function ensureTitleFree(ctx: ActorContext, unitId: string, title: string, exceptId: string | null) {
  if (await repo.functionTitleTaken(ctx.db, unitId, title, exceptId)) {
    throw problem(DIRECTORY_PROBLEMS, 'title-taken', 'This unit already has a function with this title.');
  }
}

export async function createFunction(ctx: ActorContext, input: FunctionInput & { unitId: string; title: string; kind: string }) {
  const unit = await repo.findUnitOwner(ctx.db, input.unitId);
  if (!unit) throw notFound('unit');
  authorize(ctx.actor, 'function.manage', { kind: 'unit', organisationId: unit.organisationId });
  if (!unit.active)
    throw problem(DIRECTORY_PROBLEMS, 'unit-inactive', 'This unit is deactivated; reactivate it before adding functions.');
  await ensureTitleFree(ctx, unit.id, input.title, null);
  const fields: FunctionFields = {
    title: input.title,
    kind: input.kind,
    themes: input.themes ?? [],
    email: input.email ?? null,
    phone: normalisePhone(input.phone, unit.organisationCountry),
    description: input.description ?? '',
    active: true,
  };
  const id = await ctx.audited(
    (trx) => repo.insertFunction(trx, unit.id, fields),
    (id) => ({
      action: 'directoryFunction.create',
      outcome: 'success',
      targetType: 'unit_function',
      targetId: id,
      details: { unitId: unit.id, organisationId: unit.organisationId },
    }),
  );
  return getFunction(ctx, id);
}

async function loadManaged(ctx: ActorContext, id: string, lock = false) {
  const stored = await repo.findStoredFunction(ctx.db, id, lock);
  if (!stored) throw notFound('function');
  authorize(ctx.actor, 'function.manage', { kind: 'function', organisationId: stored.organisationId });
  return stored;
}

export async function updateFunction(ctx: ActorContext, id: string, patch: FunctionInput) {
  const stored = await loadManaged(ctx, id);
  const before = pickFunctionFields(stored);
  const after: FunctionFields = {
    ...before,
    ...patch,
    phone: patch.phone === undefined ? before.phone : normalisePhone(patch.phone, stored.organisationCountry),
  };
  if (patch.title) await ensureTitleFree(ctx, stored.unitId, patch.title, id);
  await ctx.audited(
    (trx) => repo.updateFunction(trx, id, after),
    () => ({
      action: changeAction('directoryFunction', before.active, after.active),
      outcome: 'success',
      targetType: 'unit_function',
      targetId: id,
      details: { fields: changedFields(before, after) },
    }),
  );
  await announceAccessChange(ctx.db, { units: [stored.unitId] });
  return getFunction(ctx, id);
}

function checkPeriod(startsOn: string, endsOn: string | null) {
  // ISO dates compare as text.
  if (endsOn !== null && endsOn < startsOn)
    throw problem(DIRECTORY_PROBLEMS, 'invalid-period', 'A holder period cannot end before it starts.');
}

const overlapProblem = () =>
  problem(DIRECTORY_PROBLEMS, 'holder-overlap', 'This person already holds this function during part of that period.');

/** Assigns a holder for a period; deputies may hold the function at the same time. */
export async function addHolder(
  ctx: ActorContext,
  functionId: string,
  input: { userId: string; startsOn: string; endsOn?: string | null; note?: string },
) {
  const period = { userId: input.userId, startsOn: input.startsOn, endsOn: input.endsOn ?? null };
  checkPeriod(period.startsOn, period.endsOn);
  await ctx.db.transaction().execute(async (trx) => {
    // The function row is locked so two assignments of one person cannot both pass the overlap check.
    const stored = await loadManaged({ ...ctx, db: trx }, functionId, true);
    if (!stored.active)
      throw problem(
        DIRECTORY_PROBLEMS,
        'function-inactive',
        'This function is deactivated; reactivate it before assigning holders.',
      );
    if (!(await repo.isActiveMemberOf(trx, period.userId, stored.organisationId))) {
      throw problem(
        DIRECTORY_PROBLEMS,
        'holder-not-member',
        "The holder must be an active member of the function's organisation.",
      );
    }
    if (await repo.overlapsAnotherPeriod(trx, functionId, period, null)) throw overlapProblem();
    const holderId = await repo.insertHolder(trx, functionId, { ...period, note: input.note ?? '' });
    const details = { holderId, userId: period.userId, startsOn: period.startsOn, endsOn: period.endsOn };
    await announceAccessChange(trx, { users: [period.userId] });
    await ctx.audit(
      { action: 'functionHolder.create', outcome: 'success', targetType: 'unit_function', targetId: functionId, details },
      trx,
    );
  });
  return getFunction(ctx, functionId);
}

/** Ends a holder period (or corrects its end or note); periods are never removed. */
export async function updateHolder(
  ctx: ActorContext,
  functionId: string,
  holderId: string,
  patch: { endsOn?: string | null; note?: string },
) {
  await ctx.db.transaction().execute(async (trx) => {
    await loadManaged({ ...ctx, db: trx }, functionId, true);
    const holder = await repo.findHolder(trx, functionId, holderId);
    if (!holder) throw notFound('holder period');
    const endsOn = patch.endsOn === undefined ? holder.endsOn : patch.endsOn;
    checkPeriod(holder.startsOn, endsOn);
    const period = { userId: holder.userId, startsOn: holder.startsOn, endsOn };
    if (await repo.overlapsAnotherPeriod(trx, functionId, period, holderId)) throw overlapProblem();
    await repo.updateHolder(trx, holderId, { endsOn, note: patch.note ?? holder.note });
    await announceAccessChange(trx, { users: [holder.userId] });
    await ctx.audit(
      {
        action: holder.endsOn === null && endsOn !== null ? 'functionHolder.end' : 'functionHolder.update',
        outcome: 'success',
        targetType: 'unit_function',
        targetId: functionId,
        details: { holderId, userId: holder.userId, endsOnBefore: holder.endsOn, endsOn },
      },
      trx,
    );
  });
  return getFunction(ctx, functionId);
}
