import { ADMINISTRATION_PROBLEMS } from '../../../../shared/administration/problems.js';
import type { ActorContext } from '../../../platform/context.js';
import { notFound, problem } from '../../../platform/errors.js';
import { announceAccessChange } from '../../../platform/events/access.js';
import { authorize } from '../../../platform/policy/policy.js';
import { changeAction, changedFields } from '../changes.js';
import { type ListQuery, mapPage } from '../listing.js';
import * as repo from './repository.js';

export const toSharingGroupResponse = (row: repo.SharingGroup) => ({
  id: row.id,
  name: row.name,
  description: row.description,
  active: row.active,
  organisations: row.organisations,
});

export async function listSharingGroups(ctx: ActorContext, query: ListQuery) {
  authorize(ctx.actor, 'sharingGroup.list');
  return mapPage(await repo.listSharingGroups(ctx.db, query), toSharingGroupResponse);
}

export async function getSharingGroup(ctx: ActorContext, id: string) {
  authorize(ctx.actor, 'sharingGroup.read');
  const row = await repo.findSharingGroup(ctx.db, id);
  if (!row) throw notFound('sharing group');
  return toSharingGroupResponse(row);
}

async function checkMembers(ctx: ActorContext, organisationIds: string[]) {
  const unique = [...new Set(organisationIds)];
  if ((await repo.existingOrganisations(ctx.db, unique)) !== unique.length) {
    throw problem(ADMINISTRATION_PROBLEMS, 'unknown-member', 'Every member must be an existing organisation.');
  }
  return unique;
}

export async function createSharingGroup(
  ctx: ActorContext,
  input: { name: string; description?: string; organisationIds: string[] },
) {
  authorize(ctx.actor, 'sharingGroup.create');
  if (await repo.groupNameTaken(ctx.db, input.name, null)) {
    throw problem(ADMINISTRATION_PROBLEMS, 'sharing-group-name-taken', 'A sharing group with this name already exists.');
  }
  const organisationIds = await checkMembers(ctx, input.organisationIds);
  const id = await ctx.audited(
    (trx) => repo.insertSharingGroup(trx, { name: input.name, description: input.description ?? '', organisationIds }),
    (id) => ({
      action: 'sharingGroup.create',
      outcome: 'success',
      targetType: 'sharing_group',
      targetId: id,
      details: { organisationIds },
    }),
  );
  await announceAccessChange(ctx.db, { organisations: organisationIds });
  return getSharingGroup(ctx, id);
}

export async function updateSharingGroup(
  ctx: ActorContext,
  id: string,
  patch: { name?: string; description?: string; active?: boolean; organisationIds?: string[] },
) {
  authorize(ctx.actor, 'sharingGroup.update');
  const row = await repo.findSharingGroup(ctx.db, id);
  if (!row) throw notFound('sharing group');
  const before: repo.GroupFields = {
    name: row.name,
    description: row.description,
    active: row.active,
    organisationIds: row.organisations.map((o) => o.id).sort(),
  };
  const after = { ...before, ...patch };
  if (patch.organisationIds) after.organisationIds = (await checkMembers(ctx, patch.organisationIds)).sort();
  if (patch.name && (await repo.groupNameTaken(ctx.db, patch.name, id))) {
    throw problem(ADMINISTRATION_PROBLEMS, 'sharing-group-name-taken', 'A sharing group with this name already exists.');
  }
  await ctx.audited(
    (trx) => repo.updateSharingGroup(trx, id, after),
    () => ({
      action: changeAction('sharingGroup', before.active, after.active),
      outcome: 'success',
      targetType: 'sharing_group',
      targetId: id,
      details: { fields: changedFields(before, after), organisationIds: after.organisationIds },
    }),
  );
  await announceAccessChange(ctx.db, { organisations: [...new Set([...before.organisationIds, ...after.organisationIds])] });
  return getSharingGroup(ctx, id);
}
