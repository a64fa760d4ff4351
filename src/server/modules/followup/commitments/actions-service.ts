import type { FollowupAction } from '../../../../shared/followup/contract.js';
import { FOLLOWUP_PROBLEMS } from '../../../../shared/followup/problems.js';
import { ACTION_TRANSITIONS, statusChangeNeedsReason } from '../../../../shared/followup/vocabulary.js';
import type { ActorContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { invalid, notFound, problem } from '../../../platform/errors.js';
import { authorize } from '../../../platform/policy/policy.js';
import * as actionsRepo from './actions-repository.js';
import * as repo from './repository.js';
import type { ActionBody, ActionStatusBody, ActionUpdateBody } from './schemas.js';
import { auditRead, editableCommitment, staleRevision, visibleCommitment } from './service.js';
import { toActionReply } from './view.js';

/**
 * Actions of a commitment: created by its lead organisation, updated by the lead or by the unit that
 * owns the action. Status changes follow ACTION_TRANSITIONS; each change and each due-date change is
 * kept in the action's history, with the audit entry, in one transaction.
 */

/** The owner unit must be a unit of one of the commitment's partners. */
async function checkOwnerUnit(db: Db, commitmentId: string, unitId: string) {
  const partners = (await repo.partnersOf(db, [commitmentId])).map((p) => p.organisation.id);
  if (!(await actionsRepo.isUnitOf(db, unitId, partners))) {
    throw problem(
      FOLLOWUP_PROBLEMS,
      'owner-unit-not-partner',
      'The owner unit must be a unit of one of the commitment’s partners.',
    );
  }
}

async function reply(db: Db, id: string): Promise<FollowupAction> {
  const action = await actionsRepo.findAction(db, id);
  if (!action) throw notFound('action');
  return toActionReply(action, await actionsRepo.historyOf(db, [id]));
}

export async function create(ctx: ActorContext, commitmentId: string, body: ActionBody): Promise<FollowupAction> {
  const c = await editableCommitment(ctx, commitmentId);
  const title = body.title.trim();
  if (!title) throw invalid('The title is empty.');
  await checkOwnerUnit(ctx.db, c.id, body.ownerUnitId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const created = await actionsRepo.insertAction(trx, {
      commitmentId: c.id,
      title,
      description: body.description ?? '',
      ownerUnitId: body.ownerUnitId,
      dueOn: body.dueOn,
      createdBy: ctx.actor.userId,
    });
    // The first row of an action's history is its creation.
    await actionsRepo.insertHistory(trx, {
      actionId: created,
      actorUserId: ctx.actor.userId,
      fromStatus: null,
      toStatus: 'planned',
      fromDueOn: null,
      toDueOn: body.dueOn,
      reason: null,
    });
    await repo.touch(trx, c.id);
    const details = { commitmentId: c.id, ownerUnitId: body.ownerUnitId, dueOn: body.dueOn };
    await ctx.audit(
      { action: 'action.create', outcome: 'success', targetType: 'followup_action', targetId: created, details },
      trx,
    );
    return created;
  });
  return reply(ctx.db, id);
}

/** An action whose commitment the viewer may see (else 404), that the actor may update. */
async function updatableAction(ctx: ActorContext, id: string) {
  const action = await actionsRepo.findAction(ctx.db, id);
  if (!action) throw notFound('action');
  const c = await visibleCommitment(ctx, action.commitmentId).catch(() => {
    throw notFound('action');
  });
  authorize(ctx.actor, 'action.update', {
    kind: 'action',
    organisationId: c.originatorOrganisationId,
    ownerUnitId: action.ownerUnit.id,
  });
  if (c.status === 'cancelled') {
    throw problem(FOLLOWUP_PROBLEMS, 'commitment-cancelled', 'This commitment was cancelled; its actions take no more changes.');
  }
  await auditRead(ctx, [c], { via: 'action', actionId: action.id });
  return { action, commitment: c };
}

export async function update(ctx: ActorContext, id: string, body: ActionUpdateBody): Promise<FollowupAction> {
  const { action, commitment } = await updatableAction(ctx, id);
  const title = body.title?.trim();
  if (body.title !== undefined && !title) throw invalid('The title is empty.');
  const reason = body.reason?.trim() || null;
  const dueChanged = body.dueOn !== undefined && body.dueOn !== action.dueOn;
  if (dueChanged && !reason) throw problem(FOLLOWUP_PROBLEMS, 'reason-required', 'Say why the due date changes.');
  if (body.ownerUnitId !== undefined && body.ownerUnitId !== action.ownerUnit.id) {
    await checkOwnerUnit(ctx.db, commitment.id, body.ownerUnitId);
  }
  if (body.revision !== action.revision) throw staleRevision();
  const current = { title: action.title, description: action.description, ownerUnitId: action.ownerUnit.id, dueOn: action.dueOn };
  const asked = { title, description: body.description, ownerUnitId: body.ownerUnitId, dueOn: body.dueOn };
  const change: actionsRepo.ActionChange = Object.fromEntries(
    Object.entries(asked).filter(([key, value]) => value !== undefined && value !== current[key as keyof typeof current]),
  );
  if (Object.keys(change).length === 0) return reply(ctx.db, action.id);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await actionsRepo.updateAction(trx, action.id, body.revision, change))) throw staleRevision();
    if (dueChanged && body.dueOn) {
      await actionsRepo.insertHistory(trx, {
        actionId: action.id,
        actorUserId: ctx.actor.userId,
        fromStatus: action.status,
        toStatus: action.status,
        fromDueOn: action.dueOn,
        toDueOn: body.dueOn,
        reason,
      });
    }
    await repo.touch(trx, commitment.id);
    const details = {
      commitmentId: commitment.id,
      changed: Object.keys(change),
      ...(dueChanged && { fromDueOn: action.dueOn, toDueOn: body.dueOn }),
    };
    await ctx.audit(
      { action: 'action.update', outcome: 'success', targetType: 'followup_action', targetId: action.id, details },
      trx,
    );
  });
  return reply(ctx.db, action.id);
}

export async function setStatus(ctx: ActorContext, id: string, body: ActionStatusBody): Promise<FollowupAction> {
  const { action, commitment } = await updatableAction(ctx, id);
  if (!ACTION_TRANSITIONS[action.status].includes(body.status)) {
    throw problem(FOLLOWUP_PROBLEMS, 'invalid-transition', `An action ${action.status} cannot become ${body.status}.`, {
      from: action.status,
      to: body.status,
    });
  }
  const reason = body.reason?.trim() || null;
  if (statusChangeNeedsReason(action.status, body.status) && !reason) {
    throw problem(FOLLOWUP_PROBLEMS, 'reason-required', 'Say why: cancelling, delaying or reopening an action needs a reason.');
  }
  if (body.revision !== action.revision) throw staleRevision();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await actionsRepo.updateAction(trx, action.id, body.revision, { status: body.status }))) throw staleRevision();
    await actionsRepo.insertHistory(trx, {
      actionId: action.id,
      actorUserId: ctx.actor.userId,
      fromStatus: action.status,
      toStatus: body.status,
      fromDueOn: action.dueOn,
      toDueOn: action.dueOn,
      reason,
    });
    await repo.touch(trx, commitment.id);
    const details = { commitmentId: commitment.id, from: action.status, to: body.status };
    await ctx.audit(
      { action: 'action.status', outcome: 'success', targetType: 'followup_action', targetId: action.id, details },
      trx,
    );
  });
  return reply(ctx.db, action.id);
}
