import { ADMINISTRATION_PROBLEMS } from '../../../../shared/administration/problems.js';
import type { Role } from '../../../../shared/roles.js';
import { hashPassword, passwordProblem } from '../../../platform/auth/passwords.js';
import type { ActorContext } from '../../../platform/context.js';
import { notFound, problem } from '../../../platform/errors.js';
import { announceAccessChange } from '../../../platform/events/access.js';
import { authorize } from '../../../platform/policy/policy.js';
import { changeAction, changedFields } from '../changes.js';
import { type ListQuery, mapPage } from '../listing.js';
import { findOrganisation } from '../organisations/repository.js';
import { activeUnitsOf } from '../units/repository.js';
import { scopedOrganisation } from '../units/service.js';
import * as repo from './repository.js';

export const toUserResponse = (row: repo.User) => ({
  id: row.id,
  email: row.email,
  displayName: row.displayName,
  organisationId: row.organisationId,
  organisationName: row.organisationName,
  unitIds: row.unitIds,
  roles: row.roles,
  locale: row.locale,
  active: row.active,
  totpEnabled: row.totpEnabled,
  lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

export async function listUsers(ctx: ActorContext, query: ListQuery & { organisationId?: string }) {
  authorize(ctx.actor, 'user.list');
  const organisationId = scopedOrganisation(ctx, query.organisationId);
  return mapPage(await repo.listUsers(ctx.db, { ...query, organisationId }), toUserResponse);
}

async function loadVisible(ctx: ActorContext, id: string) {
  const row = await repo.findUser(ctx.db, id);
  if (!row) throw notFound('user');
  authorize(ctx.actor, 'user.read', { organisationId: row.organisationId, kind: 'user' });
  return row;
}

export async function getUser(ctx: ActorContext, id: string) {
  const user = toUserResponse(await loadVisible(ctx, id));
  // A user's record holds personal data (name, e-mail): each read is audited.
  await ctx.auditSensitiveRead('user', id);
  return user;
}

/** Only a platform admin hands out or takes away platform administration. */
function checkRoleChange(ctx: ActorContext, before: string[], after: string[]) {
  const touchesPlatformAdmin = before.includes('platform_admin') !== after.includes('platform_admin');
  if (touchesPlatformAdmin) authorize(ctx.actor, 'user.grantPlatformAdmin');
}

async function checkUnits(ctx: ActorContext, organisationId: string, unitIds: string[]) {
  const unique = [...new Set(unitIds)];
  if ((await activeUnitsOf(ctx.db, organisationId, unique)).length !== unique.length) {
    throw problem(ADMINISTRATION_PROBLEMS, 'unknown-unit', "Every unit must be an active unit of the user's organisation.");
  }
  return unique;
}

export interface CreateUserInput {
  email: string;
  displayName: string;
  password: string;
  organisationId: string;
  unitIds: string[];
  roles: Role[];
  locale?: string;
}

export async function createUser(ctx: ActorContext, input: CreateUserInput) {
  const organisation = await findOrganisation(ctx.db, input.organisationId);
  if (!organisation) throw notFound('organisation');
  authorize(ctx.actor, 'user.create', { organisationId: organisation.id, kind: 'organisation' });
  if (!organisation.active) throw problem(ADMINISTRATION_PROBLEMS, 'organisation-inactive', 'The organisation is deactivated.');
  checkRoleChange(ctx, [], input.roles);
  const email = input.email.trim().normalize('NFC');
  const weakness = passwordProblem(input.password, { email });
  if (weakness) throw problem(ADMINISTRATION_PROBLEMS, 'weak-password', weakness);
  if (await repo.emailTaken(ctx.db, email)) {
    throw problem(ADMINISTRATION_PROBLEMS, 'email-taken', 'A user with this e-mail address already exists.');
  }
  const newUser: repo.NewUser = {
    email,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    organisationId: organisation.id,
    locale: input.locale ?? 'en',
    unitIds: await checkUnits(ctx, organisation.id, input.unitIds),
    roles: [...new Set(input.roles)],
  };
  const id = await ctx.audited(
    (trx) => repo.insertUser(trx, newUser),
    (id) => ({
      action: 'user.create',
      outcome: 'success',
      targetType: 'user',
      targetId: id,
      details: { organisationId: organisation.id, roles: [...new Set(input.roles)].sort() },
    }),
  );
  return toUserResponse(await loadVisible(ctx, id));
}

export async function updateUser(ctx: ActorContext, id: string, patch: Partial<repo.UserChanges>) {
  const row = await loadVisible(ctx, id);
  authorize(ctx.actor, 'user.update', { organisationId: row.organisationId, kind: 'user' });
  // An organisation admin cannot change a platform admin of their organisation.
  if (row.roles.includes('platform_admin')) authorize(ctx.actor, 'user.grantPlatformAdmin');
  const before: repo.UserChanges = {
    displayName: row.displayName,
    locale: row.locale,
    active: row.active,
    unitIds: row.unitIds,
    roles: row.roles,
  };
  const after = { ...before, ...patch };
  if (patch.roles) after.roles = [...new Set(patch.roles)].sort();
  if (patch.unitIds) after.unitIds = (await checkUnits(ctx, row.organisationId, patch.unitIds)).sort();
  checkRoleChange(ctx, before.roles, after.roles);
  if (id === ctx.actor.userId && !after.active) {
    throw problem(ADMINISTRATION_PROBLEMS, 'self-deactivation', 'You cannot deactivate your own account.');
  }
  const fields = changedFields(before, after);
  await ctx.audited(
    (trx) => repo.updateUser(trx, id, after),
    () => ({
      action: changeAction('user', before.active, after.active),
      outcome: 'success',
      targetType: 'user',
      targetId: id,
      details: fields.includes('roles') ? { fields, rolesBefore: before.roles, rolesAfter: after.roles } : { fields },
    }),
  );
  await announceAccessChange(ctx.db, { users: [id] });
  return toUserResponse(await loadVisible(ctx, id));
}
