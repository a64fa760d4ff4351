import countryNames from 'i18n-iso-countries';
import { isLanguageCode } from '../../../../shared/exchange/directory/vocabulary.js';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import { countryCentre } from '../../../../shared/referral/country-centres.js';
import { REFERRAL_PROBLEMS } from '../../../../shared/referral/problems.js';
import type { ServiceMap, ServiceProvider } from '../../../../shared/referral/services-contract.js';
import { hasRole } from '../../../platform/auth/actor.js';
import type { ActorContext } from '../../../platform/context.js';
import { notFound, problem } from '../../../platform/errors.js';
import type { Wire } from '../../../platform/http/wire.js';
import { authorize, decide } from '../../../platform/policy/policy.js';
import { changedFields } from '../../administration/changes.js';
import * as repo from './repository.js';
import type { DeactivateBody, ListQuery, MapQuery, PlaceInput, ProviderCreate, ProviderPatch } from './schemas.js';

/**
 * The services directory: any signed-in partner reads it; working roles add entries, managed by
 * their organisation; only that organisation (or a platform administrator) changes or deactivates
 * them. Entries are never deleted. Every change is audited with the names of the fields it changed.
 */

/** Points drawn at most; the list remains for more. */
export const MAP_LIMIT = 2000;

const provider = (managedByOrganisationId: string) => ({ kind: 'provider' as const, managedByOrganisationId });

function toResponse(ctx: ActorContext, record: repo.ProviderRecord): Wire<ServiceProvider> {
  return {
    id: record.id,
    name: record.name,
    kind: record.kind,
    organisation: record.organisation,
    unit: record.unit,
    contactFunction: record.contactFunction,
    description: record.description,
    services: record.services,
    languages: record.languages,
    openingHours: record.openingHours,
    capacity: record.capacity,
    active: record.active,
    managedBy: record.managedBy,
    places: record.places,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    permissions: { edit: decide(ctx.actor, 'service.edit', provider(record.managedBy.id)).allow },
  };
}

export async function list(ctx: ActorContext, query: ListQuery) {
  const { limit = 50, offset = 0, ...filters } = query;
  const page = await repo.listProviders(ctx.db, filters, limit, offset);
  return { items: page.items.map((record) => toResponse(ctx, record)), total: page.total };
}

export async function get(ctx: ActorContext, id: string) {
  const record = await repo.findProvider(ctx.db, id);
  if (!record) throw notFound('service provider');
  return toResponse(ctx, record);
}

/** Each matching place as a point: its own coordinates, else its country's centre (approximate). */
export async function map(ctx: ActorContext, query: MapQuery): Promise<Wire<ServiceMap>> {
  const rows = await repo.mapPlaces(ctx.db, query, MAP_LIMIT);
  const capped = rows.length > MAP_LIMIT;
  const points: Wire<ServiceMap>['points'] = [];
  let unplaced = 0;
  for (const row of rows.slice(0, MAP_LIMIT)) {
    const centre = row.latitude === null || row.longitude === null ? countryCentre(row.country) : null;
    const at = centre ?? (row.latitude !== null && row.longitude !== null ? [row.latitude, row.longitude] : null);
    if (!at) {
      unplaced++;
      continue;
    }
    const { latitude: _lat, longitude: _lon, ...rest } = row;
    points.push({ ...rest, latitude: at[0], longitude: at[1], approximate: centre !== null });
  }
  return { points, unplaced, capped };
}

function checkLanguages(languages: string[]) {
  const unknown = languages.find((code) => !isLanguageCode(code));
  if (unknown) throw problem(REFERRAL_PROBLEMS, 'unknown-language', `${unknown} is not an ISO 639-1 language code.`);
}

function toPlaces(places: PlaceInput[]): repo.ProviderFields['places'] {
  return places.map((place) => {
    if (!countryNames.isValid(place.country))
      throw problem(REFERRAL_PROBLEMS, 'unknown-country', `${place.country} is not an ISO 3166-1 country code.`);
    const latitude = place.latitude ?? null;
    const longitude = place.longitude ?? null;
    if ((latitude === null) !== (longitude === null))
      throw problem(PLATFORM_PROBLEMS, 'bad-request', 'A place has both a latitude and a longitude, or neither.');
    return { country: place.country, region: place.region?.trim() ?? '', city: place.city?.trim() ?? '', latitude, longitude };
  });
}

/**
 * Checks what an entry names against the directory: its organisation or unit must exist, be active
 * and belong to the managing organisation (a platform administrator may name any); a contact function
 * must be an active function of the directory. Returns the fields to store.
 */
async function resolve(
  ctx: ActorContext,
  input: ProviderCreate,
  managedBy: string,
  kept: { organisationId: string | null; unitId: string | null; contactFunctionId: string | null } | null,
): Promise<repo.ProviderFields> {
  checkLanguages(input.languages ?? []);
  const places = toPlaces(input.places);
  const anyOrganisation = hasRole(ctx.actor, 'platform_admin');
  let organisationId = input.organisationId ?? null;
  let unitId = input.unitId ?? null;
  if (input.kind === 'independent') {
    if (organisationId || unitId)
      throw problem(PLATFORM_PROBLEMS, 'bad-request', 'An independent provider names no organisation or unit.');
  } else if (input.kind === 'organisation') {
    if (unitId) throw problem(PLATFORM_PROBLEMS, 'bad-request', 'An organisation provider names no unit; use kind "unit".');
    // What an entry already names stays valid (an edit of its hours must not fail on it), even if
    // the rule would not allow naming it anew; only a new name is checked.
    if (kept === null || kept.organisationId !== organisationId || kept.unitId !== null) {
      const organisation = organisationId ? await repo.findOrganisation(ctx.db, organisationId) : null;
      if (!organisation?.active || (!anyOrganisation && organisation.id !== managedBy))
        throw problem(REFERRAL_PROBLEMS, 'unknown-organisation', 'The organisation does not exist or is not one you manage.');
    }
  } else if (kept !== null && unitId !== null && kept.unitId === unitId) {
    if (organisationId && organisationId !== kept.organisationId)
      throw problem(REFERRAL_PROBLEMS, 'unknown-unit', 'The unit does not belong to that organisation.');
    organisationId = kept.organisationId;
  } else {
    const unit = unitId ? await repo.findUnit(ctx.db, unitId) : null;
    if (!unit?.active || (!anyOrganisation && unit.organisationId !== managedBy))
      throw problem(REFERRAL_PROBLEMS, 'unknown-unit', 'The unit does not exist or does not belong to your organisation.');
    if (organisationId && organisationId !== unit.organisationId)
      throw problem(REFERRAL_PROBLEMS, 'unknown-unit', 'The unit does not belong to that organisation.');
    organisationId = unit.organisationId;
    unitId = unit.id;
  }
  const contactFunctionId = input.contactFunctionId ?? null;
  if (
    contactFunctionId &&
    contactFunctionId !== kept?.contactFunctionId &&
    !(await repo.functionIsActive(ctx.db, contactFunctionId))
  )
    throw problem(REFERRAL_PROBLEMS, 'unknown-function', 'The contact function does not exist in the directory or is inactive.');
  return {
    name: input.name.trim(),
    kind: input.kind,
    organisationId,
    unitId,
    contactFunctionId,
    description: input.description ?? '',
    services: input.services,
    languages: input.languages ?? [],
    openingHours: input.openingHours ?? '',
    capacity: input.capacity ?? null,
    places,
  };
}

export async function create(ctx: ActorContext, input: ProviderCreate) {
  const managedBy = ctx.actor.organisationId;
  const fields = await resolve(ctx, input, managedBy, null);
  const id = await ctx.audited(
    (trx) => repo.insertProvider(trx, fields, managedBy, ctx.actor.userId),
    (id) => ({
      action: 'serviceProvider.create',
      outcome: 'success',
      targetType: 'service_provider',
      targetId: id,
      details: { kind: fields.kind, managedByOrganisationId: managedBy, services: fields.services },
    }),
  );
  return get(ctx, id);
}

/** The stored entry as an input, so a change is checked and written as a whole. */
function asInput(record: repo.ProviderRecord): ProviderCreate {
  return {
    name: record.name,
    kind: record.kind,
    organisationId: record.organisation?.id ?? null,
    unitId: record.unit?.id ?? null,
    contactFunctionId: record.contactFunction?.id ?? null,
    description: record.description,
    services: record.services as ProviderCreate['services'],
    languages: record.languages,
    openingHours: record.openingHours,
    capacity: record.capacity,
    places: record.places.map(({ id: _id, ...place }) => place),
  };
}

export async function update(ctx: ActorContext, id: string, patch: ProviderPatch) {
  const stored = await repo.findProvider(ctx.db, id);
  if (!stored) throw notFound('service provider');
  authorize(ctx.actor, 'service.edit', provider(stored.managedBy.id));
  const before = asInput(stored);
  // Naming another kind drops what the previous kind named, unless the patch names it again.
  const kindChanged = patch.kind !== undefined && patch.kind !== stored.kind;
  const merged: ProviderCreate = {
    ...before,
    ...(kindChanged ? { organisationId: null, unitId: null } : {}),
    ...patch,
  } as ProviderCreate;
  const fields = await resolve(ctx, merged, stored.managedBy.id, {
    organisationId: before.organisationId ?? null,
    unitId: before.unitId ?? null,
    contactFunctionId: before.contactFunctionId ?? null,
  });
  const after = fieldsAsInput(fields);
  const changed = changedFields(before, after);
  if (changed.length === 0) return toResponse(ctx, stored);
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockProvider(trx, id);
    if (!locked) throw notFound('service provider');
    // Decided again on the locked row: the entry may have changed hands meanwhile.
    authorize(ctx.actor, 'service.edit', provider(locked.managedByOrganisationId));
    await repo.updateProvider(trx, id, fields, changed.includes('places'));
    await ctx.audit(
      {
        action: 'serviceProvider.update',
        outcome: 'success',
        targetType: 'service_provider',
        targetId: id,
        details: { fields: changed },
      },
      trx,
    );
  });
  return get(ctx, id);
}

const fieldsAsInput = (fields: repo.ProviderFields): ProviderCreate => ({
  name: fields.name,
  kind: fields.kind,
  organisationId: fields.organisationId,
  unitId: fields.unitId,
  contactFunctionId: fields.contactFunctionId,
  description: fields.description,
  services: fields.services as ProviderCreate['services'],
  languages: fields.languages,
  openingHours: fields.openingHours,
  capacity: fields.capacity,
  places: fields.places,
});

/** Takes an entry out of searches and referrals; it is kept, and shown as deactivated. */
export async function deactivate(ctx: ActorContext, id: string, body: DeactivateBody) {
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockProvider(trx, id);
    if (!locked) throw notFound('service provider');
    authorize(ctx.actor, 'service.edit', provider(locked.managedByOrganisationId));
    if (!locked.active) throw problem(PLATFORM_PROBLEMS, 'conflict', 'This entry is already deactivated.');
    await repo.deactivateProvider(trx, id);
    await ctx.audit(
      {
        action: 'serviceProvider.deactivate',
        outcome: 'success',
        targetType: 'service_provider',
        targetId: id,
        // The reason concerns the entry (closed, moved), never a person.
        details: { reason: body.reason?.trim() || null },
      },
      trx,
    );
  });
  return get(ctx, id);
}
