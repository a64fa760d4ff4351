import { ADMINISTRATION_PROBLEMS } from '../../../../shared/administration/problems.js';
import type { ActorContext } from '../../../platform/context.js';
import { notFound, problem } from '../../../platform/errors.js';
import { authorize } from '../../../platform/policy/policy.js';
import { changeAction, changedFields } from '../changes.js';
import { type ListQuery, listPage } from '../listing.js';
import { findOrganisation } from '../organisations/repository.js';
import * as repo from './repository.js';

export const toUnitResponse = (row: repo.UnitRow) => ({
  id: row.id,
  organisationId: row.organisation_id,
  organisationName: row.organisation_name,
  name: row.name,
  description: row.description,
  active: row.active,
  memberCount: row.member_count,
});

/** Platform admins filter by any organisation; organisation admins are held to their own. */
export function scopedOrganisation(ctx: ActorContext, requested: string | undefined): string | undefined {
  return ctx.actor.roles.includes('platform_admin') ? requested : ctx.actor.organisationId;
}

export async function listUnits(ctx: ActorContext, query: ListQuery & { organisationId?: string }) {
  authorize(ctx.actor, 'unit.list');
  const organisationId = scopedOrganisation(ctx, query.organisationId);
  return listPage({ ...query, organisationId }, (q) => repo.listUnits(ctx.db, q), toUnitResponse);
}

async function loadVisible(ctx: ActorContext, id: string) {
  const row = await repo.findUnit(ctx.db, id);
  if (!row) throw notFound('unit');
  authorize(ctx.actor, 'unit.read', { organisationId: row.organisation_id, kind: 'unit' });
  return row;
}

export async function getUnit(ctx: ActorContext, id: string) {
  return toUnitResponse(await loadVisible(ctx, id));
}

export async function createUnit(ctx: ActorContext, input: { organisationId: string; name: string; description?: string }) {
  const organisation = await findOrganisation(ctx.db, input.organisationId);
  if (!organisation) throw notFound('organisation');
  authorize(ctx.actor, 'unit.create', { organisationId: organisation.id, kind: 'organisation' });
  if (await repo.unitNameTaken(ctx.db, organisation.id, input.name, null)) {
    throw problem(ADMINISTRATION_PROBLEMS, 'unit-name-taken', 'This organisation already has a unit with this name.');
  }
  const id = await repo.insertUnit(ctx.db, { ...input, description: input.description ?? '' });
  await ctx.audit({
    action: 'unit.create',
    outcome: 'success',
    targetType: 'unit',
    targetId: id,
    details: { organisationId: organisation.id },
  });
  return getUnit(ctx, id);
}

export async function updateUnit(
  ctx: ActorContext,
  id: string,
  patch: { name?: string; description?: string; active?: boolean },
) {
  const row = await loadVisible(ctx, id);
  authorize(ctx.actor, 'unit.update', { organisationId: row.organisation_id, kind: 'unit' });
  const before = { name: row.name, description: row.description, active: row.active };
  const after = { ...before, ...patch };
  if (patch.name && (await repo.unitNameTaken(ctx.db, row.organisation_id, patch.name, id))) {
    throw problem(ADMINISTRATION_PROBLEMS, 'unit-name-taken', 'This organisation already has a unit with this name.');
  }
  await repo.updateUnit(ctx.db, id, after);
  await ctx.audit({
    action: changeAction('unit', before.active, after.active),
    outcome: 'success',
    targetType: 'unit',
    targetId: id,
    details: { fields: changedFields(before, after) },
  });
  return getUnit(ctx, id);
}
