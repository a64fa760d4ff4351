import type { Indicator } from '../../../../shared/followup/contract.js';
import { valueProblem } from '../../../../shared/followup/indicators.js';
import { FOLLOWUP_PROBLEMS } from '../../../../shared/followup/problems.js';
import type { ValueType } from '../../../../shared/followup/vocabulary.js';
import type { ActorContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { invalid, notFound, problem } from '../../../platform/errors.js';
import * as indicatorsRepo from './indicators-repository.js';
import * as repo from './repository.js';
import type { IndicatorBody } from './schemas.js';
import { editableCommitment, visibleCommitment } from './service.js';
import { toIndicatorReply } from './view.js';

/** Indicators of a commitment: what it measures, from a baseline to a target. */

/** Refuses a value the indicator's type cannot take (wrong-value-type). */
export function checkValue(valueType: ValueType, value: number, milestones: readonly string[], what: string) {
  const why = valueProblem(valueType, value, milestones.length);
  if (why) throw problem(FOLLOWUP_PROBLEMS, 'wrong-value-type', `${what}: ${why}`, { value });
}

/** One indicator with its measurements and where it stands. */
export async function indicatorReply(db: Db, id: string): Promise<Indicator> {
  const indicator = await indicatorsRepo.findIndicator(db, id);
  if (!indicator) throw notFound('indicator');
  return toIndicatorReply(indicator, await indicatorsRepo.measurementsOf(db, [id]));
}

/** An indicator whose commitment the viewer may see (else 404), with that commitment. */
export async function visibleIndicator(ctx: ActorContext, id: string) {
  const indicator = await indicatorsRepo.findIndicator(ctx.db, id);
  if (!indicator) throw notFound('indicator');
  const commitment = await visibleCommitment(ctx, indicator.commitmentId).catch(() => {
    throw notFound('indicator');
  });
  return { indicator, commitment };
}

export async function create(ctx: ActorContext, commitmentId: string, body: IndicatorBody): Promise<Indicator> {
  const c = await editableCommitment(ctx, commitmentId);
  const name = body.name.trim();
  if (!name) throw invalid('The name is empty.');
  const milestones = body.valueType === 'milestone' ? (body.milestones ?? []).map((m) => m.trim()) : [];
  if (body.valueType === 'milestone' && (milestones.length < 2 || milestones.some((m) => !m))) {
    throw invalid('A milestone indicator needs at least two named milestones.');
  }
  checkValue(body.valueType, body.baseline.value, milestones, 'Baseline');
  checkValue(body.valueType, body.target.value, milestones, 'Target');
  if (body.target.value === body.baseline.value) {
    throw problem(FOLLOWUP_PROBLEMS, 'target-equals-baseline', 'The target must differ from the baseline.');
  }
  if (body.target.on <= body.baseline.on) {
    throw problem(FOLLOWUP_PROBLEMS, 'invalid-dates', 'The target must be dated after the baseline.');
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const created = await indicatorsRepo.insertIndicator(trx, {
      commitmentId: c.id,
      name,
      measureUnit: body.measureUnit?.trim() ?? '',
      direction: body.direction,
      valueType: body.valueType,
      milestones,
      baseline: body.baseline,
      target: body.target,
      createdBy: ctx.actor.userId,
    });
    await repo.touch(trx, c.id);
    await repo.insertRevision(trx, {
      commitmentId: c.id,
      revision: c.revision,
      actorUserId: ctx.actor.userId,
      action: 'indicator.create',
      before: null,
      after: { indicatorId: created, name, valueType: body.valueType, baseline: body.baseline, target: body.target },
    });
    const details = { commitmentId: c.id, valueType: body.valueType };
    await ctx.audit({ action: 'indicator.create', outcome: 'success', targetType: 'indicator', targetId: created, details }, trx);
    return created;
  });
  return indicatorReply(ctx.db, id);
}
