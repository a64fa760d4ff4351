import { AUTH_PROBLEMS } from '../../../shared/auth/problems.js';
import type { Actor } from '../../platform/auth/actor.js';
import { createSession, endSession } from '../../platform/auth/credentials.js';
import { dummyPasswordHash, verifyPassword } from '../../platform/auth/passwords.js';
import { hashRecoveryCode, totpStep } from '../../platform/auth/second-factor.js';
import { clearFailures, recordFailure, secondsLocked, throttleKeys } from '../../platform/auth/throttle.js';
import type { ServiceContext } from '../../platform/context.js';
import { type Problem, problem } from '../../platform/errors.js';
import { announceAccessChange } from '../../platform/events/access.js';
import { capabilitiesOf } from './capabilities.js';
import { claimTotpStep, findActiveUserByEmail, recordLogin, useRecoveryCode } from './repository.js';

export interface LoginInput {
  email: string;
  password: string;
  totp?: string;
  recoveryCode?: string;
}

const INVALID = () => problem(AUTH_PROBLEMS, 'invalid-credentials', 'The e-mail address or the password is wrong.');

/**
 * Checks the password (and second factor), then opens a new session. Unknown e-mails cost the same
 * argon2 work and get the same answer as wrong passwords; failures count against the account at
 * this IP address and against the address (see throttle.ts), and locked keys get a 429 before any
 * password is checked.
 */
export async function login(ctx: ServiceContext, input: LoginInput) {
  const { db, config, cipher } = ctx;
  const keys = throttleKeys(input.email, ctx.ip);
  const wait = await secondsLocked(db, [keys.account, keys.ip]);
  if (wait > 0) {
    await ctx.audit({ action: 'auth.login', outcome: 'denied', details: { reason: 'locked' } });
    throw problem(AUTH_PROBLEMS, 'login-throttled', `Too many failed sign-ins; try again in ${wait} seconds.`, {
      retryAfter: wait,
    });
  }
  const user = await findActiveUserByEmail(db, input.email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  const fail = async (reason: string, refusal: Problem) => {
    await recordFailure(db, keys.account, 'account');
    await recordFailure(db, keys.ip, 'ip');
    await ctx.audit({
      action: 'auth.login',
      outcome: 'failure',
      targetType: user ? 'user' : null,
      targetId: user?.id ?? null,
      details: { reason },
    });
    return refusal;
  };
  if (!user || !passwordOk) throw await fail(user ? 'wrong password' : 'unknown account', INVALID());

  if (user.totpSecretEncrypted) {
    if (!input.totp && !input.recoveryCode) {
      throw problem(AUTH_PROBLEMS, 'second-factor-required', 'Enter the 6-digit code from your authenticator app.');
    }
    const secondFactorOk = input.totp
      ? await acceptTotp(ctx, user.id, cipher.decrypt(user.totpSecretEncrypted), input.totp)
      : await useRecoveryCode(db, user.id, hashRecoveryCode(input.recoveryCode ?? ''));
    if (!secondFactorOk) {
      throw await fail('wrong second factor', problem(AUTH_PROBLEMS, 'invalid-second-factor', 'The code is wrong or expired.'));
    }
  }

  await clearFailures(db, keys.account);
  const session = await ctx.audited(
    async (trx) => {
      const opened = await createSession(trx, user.id, ctx.ip, config.sessionTtlHours);
      await recordLogin(trx, user.id);
      return opened;
    },
    () => ({
      action: 'auth.login',
      outcome: 'success',
      actorUserId: user.id,
      actorOrganisationId: user.organisationId,
      targetType: 'user',
      targetId: user.id,
      details: input.recoveryCode ? { secondFactor: 'recovery code' } : {},
    }),
  );
  return session;
}

async function acceptTotp(ctx: ServiceContext, userId: string, secret: string, code: string): Promise<boolean> {
  const step = totpStep(secret, code);
  return step !== null && (await claimTotpStep(ctx.db, userId, step));
}

export async function logout(ctx: ServiceContext & { actor: Actor }) {
  const { actor } = ctx;
  await ctx.audited(
    async (trx) => {
      if (actor.via === 'session') await endSession(trx, actor.credentialHash);
    },
    () => ({ action: 'auth.logout', outcome: 'success', targetType: 'user', targetId: actor.userId }),
  );
  await announceAccessChange(ctx.db, { users: [ctx.actor.userId] });
}

/** Who I am, straight from the actor resolved for this request: no further query. */
export function profile(ctx: ServiceContext & { actor: Actor }) {
  const { actor } = ctx;
  return {
    id: actor.userId,
    email: actor.email,
    displayName: actor.displayName,
    locale: actor.locale,
    organisation: actor.organisation,
    units: actor.units,
    roles: ctx.actor.roles,
    totpEnabled: ctx.actor.totpEnabled,
    mustEnrolTotp: ctx.actor.mustEnrolTotp,
    via: ctx.actor.via,
    capabilities: capabilitiesOf(actor),
  };
}
