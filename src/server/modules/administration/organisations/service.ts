import { ADMINISTRATION_PROBLEMS } from '../../../../shared/administration/problems.js';
import type { ActorContext } from '../../../platform/context.js';
import { notFound, problem } from '../../../platform/errors.js';
import { announceAccessChange } from '../../../platform/events/access.js';
import { authorize } from '../../../platform/policy/policy.js';
import { changeAction, changedFields } from '../changes.js';
import { type ListQuery, mapPage } from '../listing.js';
import * as repo from './repository.js';

export const toOrganisationResponse = (row: repo.Organisation) => ({
  id: row.id,
  name: row.name,
  acronym: row.acronym,
  country: row.country,
  kind: row.kind,
  active: row.active,
  unitCount: row.unitCount,
  userCount: row.userCount,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export async function listOrganisations(ctx: ActorContext, query: ListQuery) {
  authorize(ctx.actor, 'organisation.list');
  // Organisation admins see their own organisation only.
  const onlyId = ctx.actor.roles.includes('platform_admin') ? undefined : ctx.actor.organisationId;
  return mapPage(await repo.listOrganisations(ctx.db, { ...query, onlyId }), toOrganisationResponse);
}

export async function getOrganisation(ctx: ActorContext, id: string) {
  const row = await repo.findOrganisation(ctx.db, id);
  if (!row) throw notFound('organisation');
  authorize(ctx.actor, 'organisation.read', { organisationId: row.id, kind: 'organisation' });
  return toOrganisationResponse(row);
}

type OrganisationInput = Omit<repo.OrganisationFields, 'active'>;

export async function createOrganisation(ctx: ActorContext, input: OrganisationInput) {
  authorize(ctx.actor, 'organisation.create');
  if (await repo.organisationNameTaken(ctx.db, input.name, null)) {
    throw problem(ADMINISTRATION_PROBLEMS, 'organisation-name-taken', 'An organisation with this name already exists.');
  }
  const id = await ctx.audited(
    (trx) => repo.insertOrganisation(trx, input),
    (id) => ({ action: 'organisation.create', outcome: 'success', targetType: 'organisation', targetId: id }),
  );
  return getOrganisation(ctx, id);
}

export async function updateOrganisation(ctx: ActorContext, id: string, patch: Partial<repo.OrganisationFields>) {
  const row = await repo.findOrganisation(ctx.db, id);
  if (!row) throw notFound('organisation');
  authorize(ctx.actor, 'organisation.read', { organisationId: row.id, kind: 'organisation' });
  authorize(ctx.actor, 'organisation.update', { organisationId: row.id, kind: 'organisation' });
  const before: repo.OrganisationFields = {
    name: row.name,
    acronym: row.acronym,
    country: row.country,
    kind: row.kind,
    active: row.active,
  };
  const after = { ...before, ...patch };
  if (patch.name && (await repo.organisationNameTaken(ctx.db, patch.name, id))) {
    throw problem(ADMINISTRATION_PROBLEMS, 'organisation-name-taken', 'An organisation with this name already exists.');
  }
  await ctx.audited(
    (trx) => repo.updateOrganisation(trx, id, after),
    () => ({
      action: changeAction('organisation', before.active, after.active),
      outcome: 'success',
      targetType: 'organisation',
      targetId: id,
      details: { fields: changedFields(before, after) },
    }),
  );
  await announceAccessChange(ctx.db, { organisations: [id] });
  return getOrganisation(ctx, id);
}
