import { DIRECTORY_PROBLEMS } from '../../../../shared/exchange/directory/problems.js';
import { isLanguageCode } from '../../../../shared/exchange/directory/vocabulary.js';
import type { ActorContext } from '../../../platform/context.js';
import { notFound, problem } from '../../../platform/errors.js';
import { authorize } from '../../../platform/policy/policy.js';
import { mapPage } from '../../administration/listing.js';
import { countriesNamed } from './country-names.js';
import { pickFunctionFields } from './function-fields.js';
import * as repo from './repository.js';

/** Mappers: rows never leave raw, so a column added to a table is not published by accident. */
export const toFunctionResponse = (row: repo.DirectoryFunction) => ({
  id: row.id,
  ...pickFunctionFields(row),
  unit: { id: row.unitId, name: row.unitName },
  organisation: {
    id: row.organisationId,
    name: row.organisationName,
    acronym: row.organisationAcronym,
    country: row.organisationCountry,
    kind: row.organisationKind,
  },
  currentHolders: row.currentHolders.map((holder) => ({
    holderId: holder.holderId,
    userId: holder.userId,
    name: holder.name,
    email: holder.email,
    languages: holder.languages,
    startsOn: holder.startsOn,
    endsOn: holder.endsOn,
  })),
});

/** A past or upcoming holder's e-mail is not published: only who holds the function now is reachable. */
const toHolderResponse = (row: repo.HolderPeriodRecord) => ({
  id: row.id,
  userId: row.userId,
  name: row.displayName,
  languages: row.languages,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  note: row.note,
  current: row.current,
  ...(row.current ? { email: row.email } : {}),
});

export async function listFunctions(ctx: ActorContext, filters: repo.FunctionFilters) {
  authorize(ctx.actor, 'directory.read');
  return mapPage(await repo.listFunctions(ctx.db, filters), toFunctionResponse);
}

/** One function with its whole holder history: what survives rotation. */
export async function getFunction(ctx: ActorContext, id: string) {
  authorize(ctx.actor, 'directory.read');
  const row = await repo.findFunction(ctx.db, id);
  if (!row) throw notFound('function');
  const history = await repo.holderHistory(ctx.db, id);
  return { ...toFunctionResponse(row), holders: history.map(toHolderResponse) };
}

/** Units with their functions; `q` also finds the units of a country named in any language. */
export async function listUnits(ctx: ActorContext, filters: Omit<repo.UnitFilters, 'countries'>) {
  authorize(ctx.actor, 'directory.read');
  const q = filters.q?.trim() || undefined;
  const rows = await repo.listUnitsWithFunctions(ctx.db, { ...filters, q, countries: q ? countriesNamed(q) : [] });
  return {
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      organisation: {
        id: row.organisationId,
        name: row.organisationName,
        acronym: row.organisationAcronym,
        country: row.organisationCountry,
        kind: row.organisationKind,
      },
      functions: row.functions,
    })),
  };
}

export async function getMyLanguages(ctx: ActorContext) {
  authorize(ctx.actor, 'directory.read');
  return { languages: await repo.languagesOf(ctx.db, ctx.actor.userId) };
}

/** Anyone signed in keeps their own languages; the list is replaced as a whole. */
export async function setMyLanguages(ctx: ActorContext, languages: string[]) {
  authorize(ctx.actor, 'directory.read');
  const unknown = languages.filter((code) => !isLanguageCode(code));
  if (unknown.length > 0) {
    throw problem(DIRECTORY_PROBLEMS, 'unknown-language', `Not ISO 639-1 language codes: ${unknown.join(', ')}.`, { unknown });
  }
  const before = await repo.languagesOf(ctx.db, ctx.actor.userId);
  await ctx.audited(
    (trx) => repo.setLanguages(trx, ctx.actor.userId, languages),
    () => ({
      action: 'user.languages',
      outcome: 'success',
      targetType: 'user',
      targetId: ctx.actor.userId,
      details: { before, after: languages },
    }),
  );
  return { languages };
}
