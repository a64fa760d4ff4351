import { isAboveGreen } from '../../../../shared/handling-codes.js';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import { isVisibleTo, type SharedRecordAccess } from '../../../../shared/visibility.js';
import type { WatchlistDetail, WatchlistSummary } from '../../../../shared/watchlists/contract.js';
import { WATCHLIST_PROBLEMS } from '../../../../shared/watchlists/problems.js';
import type { ActorContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { notFound, problem } from '../../../platform/errors.js';
import { recordEvent } from '../../../platform/events/record.js';
import { authorize, decide } from '../../../platform/policy/policy.js';
import { resolveDistribution, sharedAccess } from '../../../platform/policy/visibility-filter.js';
import * as repo from './repository.js';
import type { ArchiveBody, CreateBody, ListQuery, PatchBody } from './schemas.js';

/** The list as the rules on its owner unit see it. */
export const ownedBy = (list: { originatorUnitId: string }) => ({
  kind: 'watchlist' as const,
  ownerUnitId: list.originatorUnitId,
});

export function toSummary(ctx: ActorContext, list: repo.Watchlist): WatchlistSummary {
  return {
    id: list.id,
    name: list.name,
    purpose: list.purpose,
    legalBasis: list.legalBasis,
    reviewPeriodDays: list.reviewPeriodDays,
    graceDays: list.graceDays,
    status: list.status,
    handlingCode: list.handlingCode,
    ownerUnit: {
      id: list.originatorUnitId,
      name: list.ownerUnitName,
      organisationId: list.originatorOrganisationId,
      organisationName: list.ownerOrganisationName,
    },
    activeEntries: list.activeEntries,
    dueForReview: list.dueForReview,
    lastSeq: list.lastSeq,
    revision: list.revision,
    createdAt: list.createdAt.toISOString(),
    updatedAt: list.updatedAt.toISOString(),
    permissions: { edit: list.status === 'active' && decide(ctx.actor, 'watchlist.edit', ownedBy(list)).allow },
  };
}

/** Every TLP:AMBER and TLP:RED list shown is an audited read, in one statement (as alerts). */
async function auditRead(ctx: ActorContext, lists: repo.Watchlist[]) {
  await ctx.auditSensitiveReads(
    'watchlist',
    lists.filter((l) => isAboveGreen(l.handlingCode)).map((l) => ({ id: l.id, details: { handlingCode: l.handlingCode } })),
  );
}

/** A list the viewer may see, or 404 (another organisation's id looks like one that does not exist). */
export async function visibleList(ctx: ActorContext, id: string, db: Db = ctx.db): Promise<repo.Watchlist> {
  const list = await repo.findWatchlist(db, ctx.viewer, id);
  if (!list) throw notFound('watch-list');
  return list;
}

/** A list the actor may change: visible first (404), then owned by one of their units (403), then active (409). */
export async function editableList(ctx: ActorContext, id: string, db: Db = ctx.db): Promise<repo.Watchlist> {
  const list = await visibleList(ctx, id, db);
  authorize(ctx.actor, 'watchlist.edit', ownedBy(list));
  if (list.status !== 'active') throw problem(WATCHLIST_PROBLEMS, 'list-archived', 'This watch-list is archived.');
  return list;
}

/** Records that a list changed, for live subscribers who may see it (ids only). */
export async function recordListEvent(trx: Db, ctx: ActorContext, listId: string, access: SharedRecordAccess) {
  await recordEvent(trx, {
    type: 'watchlist.changed',
    recordType: 'watchlist',
    recordId: listId,
    access: sharedAccess(access),
    actorUserId: ctx.actor.userId,
  });
}

function ownerUnit(ctx: ActorContext, requested: string | undefined): string {
  const unit = requested ?? ctx.actor.unitIds[0];
  if (!unit) throw problem(WATCHLIST_PROBLEMS, 'no-unit', 'A watch-list is kept by a unit, and your account belongs to none.');
  authorize(ctx.actor, 'unit.actFor', { kind: 'unit', unitId: unit });
  return unit;
}

const trimmed = (value: string, field: string) => {
  const text = value.trim();
  if (!text) throw problem(PLATFORM_PROBLEMS, 'validation', `The ${field} is empty.`, { field });
  return text;
};

export async function create(ctx: ActorContext, body: CreateBody): Promise<WatchlistDetail> {
  const unitId = ownerUnit(ctx, body.unitId);
  const fields = {
    name: trimmed(body.name, 'name'),
    purpose: trimmed(body.purpose, 'purpose'),
    legalBasis: trimmed(body.legalBasis, 'legalBasis'),
  };
  const distribution = await resolveDistribution(ctx.db, body.distribution);
  const id = await ctx.audited(
    async (trx) => {
      const created = await repo.insertWatchlist(trx, {
        ...fields,
        reviewPeriodDays: body.reviewPeriodDays,
        graceDays: body.graceDays ?? 30,
        handlingCode: body.handlingCode,
        ownerUnitId: unitId,
        ownerOrganisationId: ctx.actor.organisationId,
        createdBy: ctx.actor.userId,
        distribution,
      });
      // Subscribers who may see it learn of the new list at once.
      await recordListEvent(trx, ctx, created, {
        handlingCode: body.handlingCode,
        originatorUnitId: unitId,
        originatorOrganisationId: ctx.actor.organisationId,
        ...distribution,
      });
      return created;
    },
    (created) => ({
      action: 'watchlist.create',
      outcome: 'success',
      targetType: 'watchlist',
      targetId: created,
      details: { handlingCode: body.handlingCode, unitId },
    }),
  );
  return detail(ctx, id);
}

export async function list(ctx: ActorContext, query: ListQuery) {
  const q = query.q?.trim();
  const { lists, total } = await repo.listWatchlists(
    ctx.db,
    ctx.viewer,
    { q: q || undefined, ownerUnitIds: query.mine ? ctx.actor.unitIds : undefined },
    query.limit ?? 50,
    query.offset ?? 0,
  );
  await auditRead(ctx, lists);
  return { items: lists.map((l) => toSummary(ctx, l)), total };
}

export async function detail(ctx: ActorContext, id: string): Promise<WatchlistDetail> {
  const list = await visibleList(ctx, id);
  await auditRead(ctx, [list]);
  return { ...toSummary(ctx, list), distribution: await repo.distributionNames(ctx.db, list) };
}

export async function patch(ctx: ActorContext, id: string, body: PatchBody): Promise<WatchlistDetail> {
  const list = await editableList(ctx, id);
  const { revision, distribution: targets, ...rest } = body;
  const changes: repo.WatchlistChanges = {
    ...(rest.name !== undefined && { name: trimmed(rest.name, 'name') }),
    ...(rest.purpose !== undefined && { purpose: trimmed(rest.purpose, 'purpose') }),
    ...(rest.legalBasis !== undefined && { legalBasis: trimmed(rest.legalBasis, 'legalBasis') }),
    reviewPeriodDays: rest.reviewPeriodDays,
    graceDays: rest.graceDays,
    handlingCode: rest.handlingCode,
    distribution: targets ? await resolveDistribution(ctx.db, targets) : undefined,
  };
  const access: SharedRecordAccess = {
    ...sharedAccess(list),
    ...(changes.handlingCode && { handlingCode: changes.handlingCode as SharedRecordAccess['handlingCode'] }),
    ...changes.distribution,
  };
  // The owner unit keeps and screens its list: no handling code or distribution may take it away.
  const owner = { organisationId: list.originatorOrganisationId, unitIds: [list.originatorUnitId], sharingGroupIds: [] };
  if (!isVisibleTo(access, owner))
    throw problem(WATCHLIST_PROBLEMS, 'would-hide-list', 'This change would hide the watch-list from the unit that keeps it.');
  const fields = Object.keys(body).filter((key) => key !== 'revision');
  await ctx.audited(
    async (trx) => {
      if (!(await repo.updateWatchlist(trx, list.id, revision, changes))) throw await staleOrArchived(ctx, list.id, trx);
      await recordListEvent(trx, ctx, list.id, access);
    },
    () => ({ action: 'watchlist.update', outcome: 'success', targetType: 'watchlist', targetId: list.id, details: { fields } }),
  );
  return detail(ctx, list.id);
}

export async function archive(ctx: ActorContext, id: string, body: ArchiveBody): Promise<WatchlistDetail> {
  const list = await editableList(ctx, id);
  const reason = trimmed(body.reason, 'reason');
  await ctx.audited(
    async (trx) => {
      if (!(await repo.archiveWatchlist(trx, list.id, body.revision))) throw await staleOrArchived(ctx, list.id, trx);
      await recordListEvent(trx, ctx, list.id, list);
    },
    () => ({ action: 'watchlist.archive', outcome: 'success', targetType: 'watchlist', targetId: list.id, details: { reason } }),
  );
  return detail(ctx, list.id);
}

/** Why a conditional change of a list matched no row. */
async function staleOrArchived(ctx: ActorContext, id: string, trx: Db) {
  const now = await visibleList(ctx, id, trx);
  return now.status !== 'active'
    ? problem(WATCHLIST_PROBLEMS, 'list-archived', 'This watch-list is archived.')
    : problem(WATCHLIST_PROBLEMS, 'stale-version', 'The watch-list changed since you read it; reload it and try again.', {
        revision: now.revision,
      });
}
