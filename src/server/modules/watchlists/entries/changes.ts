import type { ChangeFeed } from '../../../../shared/watchlists/contract.js';
import type { ActorContext } from '../../../platform/context.js';
import { visibleList } from '../lists/service.js';
import { decryptContent } from './content.js';
import * as repo from './repository.js';
import type { ChangesQuery } from './schemas.js';
import { auditEntriesRead, statedPurpose } from './service.js';

/**
 * The change feed of a list: its changes after `since`, oldest first, each with the entry as it
 * stood after the change. A subscriber of the live stream that was away asks from the last number
 * it applied; numbers commit in order (the list's row lock), so nothing is skipped.
 */
export async function changeFeed(ctx: ActorContext, listId: string, query: ChangesQuery): Promise<ChangeFeed> {
  const purpose = statedPurpose(query.purpose);
  const list = await visibleList(ctx, listId);
  const since = query.since ?? 0;
  const limit = query.limit ?? 500;
  const rows = await repo.changesAfter(ctx.db, ctx.viewer, list.id, since, limit + 1);
  const page = rows.slice(0, limit);
  const changes = await Promise.all(
    page.map(async (change) => ({
      seq: change.seq,
      op: change.op,
      entryId: change.entryId,
      reference: change.reference,
      entryVersion: change.entryVersion,
      changedAt: change.changedAt.toISOString(),
      changedBy: change.changedBy,
      entry:
        change.content && change.reviewDate
          ? { ...(await decryptContent(ctx.personalData, change.content)), reviewDate: change.reviewDate }
          : null,
    })),
  );
  await auditEntriesRead(ctx, list.id, purpose, changes.length, { feed: true, since });
  const lastSeq = Math.max(list.lastSeq, page[page.length - 1]?.seq ?? 0);
  return { watchlistId: list.id, changes, lastSeq, hasMore: rows.length > limit };
}
