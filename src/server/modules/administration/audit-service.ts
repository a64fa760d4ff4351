import { PLATFORM_PROBLEMS } from '../../../shared/problems.js';
import { listAudit } from '../../platform/audit/audit-log.js';
import type { ActorContext } from '../../platform/context.js';
import { OpaqueCursors } from '../../platform/cursor.js';
import { problem } from '../../platform/errors.js';

/**
 * The audit trail, newest first; organisation administrators see their organisation's rows only.
 * Row ids are global sequence numbers, so each viewer gets them sealed as opaque cursors: a gap
 * between two ids would tell how many rows of other organisations were written in between.
 */
export async function listAuditTrail(ctx: ActorContext, query: { limit?: number; before?: string }) {
  const cursors = new OpaqueCursors(ctx.cipher, 'audit');
  const beforeId = query.before === undefined ? undefined : cursors.open(ctx.actor.userId, query.before);
  if (beforeId === null) throw problem(PLATFORM_PROBLEMS, 'validation', 'The `before` cursor is not one this server gave you.');
  const limit = query.limit ?? 50;
  const ownOnly = !ctx.actor.roles.includes('platform_admin');
  const rows = await listAudit(ctx.db, { limit, beforeId, actorOrganisationId: ownOnly ? ctx.actor.organisationId : undefined });
  const items = rows.map(({ position, ...row }) => ({ ...row, id: cursors.seal(ctx.actor.userId, position) }));
  return { items, nextCursor: rows.length === limit ? (items.at(-1)?.id ?? null) : null };
}
