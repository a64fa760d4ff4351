import { ADMINISTRATION_PROBLEMS } from '../../../../shared/administration/problems.js';
import type { ActorContext } from '../../../platform/context.js';
import { notFound, problem } from '../../../platform/errors.js';
import { announceAccessChange } from '../../../platform/events/access.js';
import { authorize } from '../../../platform/policy/policy.js';
import { changeAction, changedFields } from '../changes.js';
import { type ListQuery, mapPage } from '../listing.js';
import { findOrganisation } from '../organisations/repository.js';
import * as repo from './repository.js';

export const toUnitResponse = (row: repo.Unit) => ({
  id: row.id,
  organisationId: row.organisationId,
  organisationName: row.organisationName,
  name: row.name,
  description: row.description,
  active: row.active,
  memberCount: row.memberCount,
});

/** Platform admins filter by any organisation; organisation admins are held to their own. */
export function scopedOrganisation(ctx: ActorContext, requested: string | undefined): string | undefined {
  return ctx.actor.roles.includes('platform_admin') ? requested : ctx.actor.organisationId;
}

export async function listUnits(ctx: ActorContext, query: ListQuery & { organisationId?: string }) {
  authorize(ctx.actor, 'unit.list');
  const organisationId = scopedOrganisation(ctx, query.organisationId);
  return mapPage(await repo.listUnits(ctx.db, { ...query, organisationId }), toUnitResponse);
}

async function loadVisible(ctx: ActorContext, id: string) {
  const row = await repo.findUnit(ctx.db, id);
  if (!row) throw notFound('unit');
  authorize(ctx.actor, 'unit.read', { organisationId: row.organisationId, kind: 'unit' });
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
  const id = await ctx.audited(
    (trx) => repo.insertUnit(trx, { ...input, description: input.description ?? '' }),
    (id) => ({
      action: 'unit.create',
      outcome: 'success',
      targetType: 'unit',
      targetId: id,
      details: { organisationId: organisation.id },
    }),
  );
  return getUnit(ctx, id);
}

export async function updateUnit(
  ctx: ActorContext,
  id: string,
  patch: { name?: string; description?: string; active?: boolean },
) {
  const row = await loadVisible(ctx, id);
  authorize(ctx.actor, 'unit.update', { organisationId: row.organisationId, kind: 'unit' });
  const before = { name: row.name, description: row.description, active: row.active };
  const after = { ...before, ...patch };
  if (patch.name && (await repo.unitNameTaken(ctx.db, row.organisationId, patch.name, id))) {
    throw problem(ADMINISTRATION_PROBLEMS, 'unit-name-taken', 'This organisation already has a unit with this name.');
  }
  await ctx.audited(
    (trx) => repo.updateUnit(trx, id, after),
    () => ({
      action: changeAction('unit', before.active, after.active),
      outcome: 'success',
      targetType: 'unit',
      targetId: id,
      details: { fields: changedFields(before, after) },
    }),
  );
  await announceAccessChange(ctx.db, { units: [id] });
  return getUnit(ctx, id);
}
