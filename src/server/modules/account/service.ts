import { ACCOUNT_PROBLEMS } from '../../../shared/account/problems.js';
import { API_TOKEN_PREFIX } from '../../platform/auth/credentials.js';
import { hashPassword, passwordProblem, verifyPassword } from '../../platform/auth/passwords.js';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpStep, totpUri } from '../../platform/auth/second-factor.js';
import type { ActorContext } from '../../platform/context.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import { notFound, problem } from '../../platform/errors.js';
import { announceAccessChange } from '../../platform/events/access.js';
import { authorize } from '../../platform/policy/policy.js';
import * as repo from './repository.js';

const wrongPassword = () => problem(ACCOUNT_PROBLEMS, 'wrong-password', 'The current password is wrong.');

export async function changePassword(ctx: ActorContext, currentPassword: string, newPassword: string) {
  const { actor, db } = ctx;
  if (!(await verifyPassword(await repo.passwordHashOf(db, actor.userId), currentPassword))) {
    await ctx.audit({ action: 'account.password.change', outcome: 'failure', targetType: 'user', targetId: actor.userId });
    throw wrongPassword();
  }
  const weakness = passwordProblem(newPassword, { email: actor.email });
  if (weakness) throw problem(ACCOUNT_PROBLEMS, 'weak-password', weakness);
  // Other sessions end and every API token is revoked with the old password.
  const passwordHash = await hashPassword(newPassword);
  await ctx.audited(
    (trx) => repo.setPassword(trx, actor.userId, passwordHash, actor.via === 'session' ? actor.credentialHash : null),
    ({ apiTokensRevoked }) => ({
      action: 'account.password.change',
      outcome: 'success',
      targetType: 'user',
      targetId: actor.userId,
      details: { apiTokensRevoked },
    }),
  );
  await announceAccessChange(db, { users: [actor.userId] });
}

export async function updateProfile(ctx: ActorContext, changes: { displayName?: string; locale?: string }) {
  await ctx.audited(
    (trx) => repo.updateProfile(trx, ctx.actor.userId, changes),
    () => ({
      action: 'account.update',
      outcome: 'success',
      targetType: 'user',
      targetId: ctx.actor.userId,
      details: { fields: Object.keys(changes) },
    }),
  );
}

/** Starts enrolment: the secret is kept pending until a code from the app proves it was scanned. */
export async function startTotpSetup(ctx: ActorContext) {
  const secret = newTotpSecret();
  await repo.setPendingTotp(ctx.db, ctx.actor.userId, ctx.cipher.encrypt(secret));
  return { secret, otpauthUri: totpUri(ctx.actor.email, secret) };
}

export async function enableTotp(ctx: ActorContext, code: string) {
  const pending = await repo.pendingTotp(ctx.db, ctx.actor.userId);
  if (!pending) throw problem(ACCOUNT_PROBLEMS, 'no-pending-setup', 'Start the second-factor setup first.');
  if (totpStep(ctx.cipher.decrypt(pending), code) === null) {
    await ctx.audit({ action: 'account.totp.enable', outcome: 'failure', targetType: 'user', targetId: ctx.actor.userId });
    throw problem(ACCOUNT_PROBLEMS, 'invalid-second-factor', 'The code is wrong or expired; check the clock of your device.');
  }
  const recoveryCodes = newRecoveryCodes();
  await ctx.audited(
    (trx) => repo.enableTotp(trx, ctx.actor.userId, pending, recoveryCodes.map(hashRecoveryCode)),
    () => ({ action: 'account.totp.enable', outcome: 'success', targetType: 'user', targetId: ctx.actor.userId }),
  );
  return { recoveryCodes };
}

export async function disableTotp(ctx: ActorContext, password: string) {
  const { actor, db, config } = ctx;
  authorize(actor, 'account.disableSecondFactor', { kind: 'user', userId: actor.userId, demo: config.demo });
  if (!(await verifyPassword(await repo.passwordHashOf(db, actor.userId), password))) throw wrongPassword();
  await ctx.audited(
    (trx) => repo.disableTotp(trx, actor.userId),
    () => ({ action: 'account.totp.disable', outcome: 'success', targetType: 'user', targetId: actor.userId }),
  );
}

export const toTokenResponse = (row: repo.ApiToken) => ({
  id: row.id,
  name: row.name,
  roles: row.roles,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

export async function listTokens(ctx: ActorContext) {
  return (await repo.listTokens(ctx.db, ctx.actor.userId)).map(toTokenResponse);
}

/** A token carries a subset of its owner's roles; the secret is returned once and stored hashed. */
export async function createToken(ctx: ActorContext, input: { name: string; roles: string[]; expiresInDays: number }) {
  const notHeld = input.roles.filter((role) => !ctx.actor.roles.includes(role as never));
  if (notHeld.length > 0) {
    throw problem(ACCOUNT_PROBLEMS, 'role-not-held', `A token cannot carry roles you do not hold: ${notHeld.join(', ')}.`);
  }
  const token = randomToken(API_TOKEN_PREFIX);
  const row = await ctx.audited(
    (trx) =>
      repo.insertToken(trx, {
        userId: ctx.actor.userId,
        name: input.name,
        tokenHash: sha256Hex(token),
        roles: [...new Set(input.roles)],
        expiresInDays: input.expiresInDays,
      }),
    (row) => ({
      action: 'account.token.create',
      outcome: 'success',
      targetType: 'api_token',
      targetId: row.id,
      details: { roles: row.roles, expiresAt: row.expiresAt.toISOString() },
    }),
  );
  return { token, item: toTokenResponse(row) };
}

export async function revokeToken(ctx: ActorContext, tokenId: string) {
  if (!(await repo.tokenBelongsTo(ctx.db, ctx.actor.userId, tokenId))) throw notFound('API token');
  await ctx.audited(
    (trx) => repo.revokeToken(trx, ctx.actor.userId, tokenId),
    () => ({ action: 'account.token.revoke', outcome: 'success', targetType: 'api_token', targetId: tokenId }),
  );
  await announceAccessChange(ctx.db, { users: [ctx.actor.userId] });
}
