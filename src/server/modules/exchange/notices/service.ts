import type { ActorContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import * as repo from './repository.js';
import type { NoticePreferencesBody } from './schemas.js';

/** My e-mail notice settings: only ever the signed-in user's own (no user id is accepted). */
export async function getPreferences(ctx: ActorContext) {
  const row = await repo.findPreferences(ctx.db, ctx.actor.userId);
  if (!row) throw notFound('user');
  return {
    email: row.email,
    emailEnabled: row.emailEnabled,
    kinds: { newMessages: row.newMessages, rfiChanges: row.rfiChanges, alerts: row.alerts },
    mailConfigured: Boolean(ctx.config.smtpUrl),
  };
}

export async function savePreferences(ctx: ActorContext, body: NoticePreferencesBody) {
  await ctx.audited(
    (trx) => repo.savePreferences(trx, ctx.actor.userId, { emailEnabled: body.emailEnabled, ...body.kinds }),
    () => ({
      action: 'account.notices',
      outcome: 'success',
      targetType: 'user',
      targetId: ctx.actor.userId,
      details: { emailEnabled: body.emailEnabled, ...body.kinds },
    }),
  );
  return getPreferences(ctx);
}
