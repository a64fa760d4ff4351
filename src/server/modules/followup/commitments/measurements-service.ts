import type { Indicator } from '../../../../shared/followup/contract.js';
import { FOLLOWUP_PROBLEMS } from '../../../../shared/followup/problems.js';
import type { ActorContext } from '../../../platform/context.js';
import { notFound, problem } from '../../../platform/errors.js';
import { authorize } from '../../../platform/policy/policy.js';
import * as indicatorsRepo from './indicators-repository.js';
import { checkValue, indicatorReply, visibleIndicator } from './indicators-service.js';
import * as repo from './repository.js';
import type { MeasurementBody, WithdrawBody } from './schemas.js';
import { ownedBy, visibleCommitment } from './service.js';

/**
 * Measurements of an indicator: a value at a date, with its source and evidence (one of the
 * reporter's own uploads not yet used, or an http(s) link). A wrong one is withdrawn with a reason,
 * never changed or deleted.
 */

const today = () => new Date().toISOString().slice(0, 10);

const invalidEvidence = (detail: string) => problem(FOLLOWUP_PROBLEMS, 'invalid-evidence', detail);

/** An http(s) link as typed, or refused: other schemes (javascript:, data:, file:) never reach a page. */
function checkUrl(raw: string): string {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalidEvidence('Evidence links must be http or https addresses.');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw invalidEvidence('Evidence links must be http or https addresses.');
  }
  return url.href;
}

const cancelled = () =>
  problem(FOLLOWUP_PROBLEMS, 'commitment-cancelled', 'This commitment was cancelled; it takes no more measurements.');

export async function add(ctx: ActorContext, indicatorId: string, body: MeasurementBody): Promise<Indicator> {
  const { indicator, commitment } = await visibleIndicator(ctx, indicatorId);
  authorize(ctx.actor, 'commitment.edit', ownedBy(commitment));
  if (commitment.status === 'cancelled') throw cancelled();
  checkValue(indicator.valueType, body.value, indicator.milestones, 'Value');
  if (body.measuredOn < indicator.baseline.on) {
    throw problem(
      FOLLOWUP_PROBLEMS,
      'measured-before-baseline',
      `A measurement cannot be dated before the baseline (${indicator.baseline.on}).`,
    );
  }
  if (body.measuredOn > today()) {
    throw problem(FOLLOWUP_PROBLEMS, 'measured-in-future', 'A measurement cannot be dated in the future.');
  }
  const evidence = body.evidence;
  const url = evidence && 'url' in evidence ? checkUrl(evidence.url) : null;
  const attachmentId = evidence && 'attachmentId' in evidence ? evidence.attachmentId : null;
  const reportedUnitId = ctx.actor.unitIds.find((unit) => unit === commitment.originatorUnitId) ?? ctx.actor.unitIds[0] ?? null;
  await ctx.db.transaction().execute(async (trx) => {
    if (attachmentId && !(await indicatorsRepo.claimUpload(trx, attachmentId, ctx.actor.userId))) {
      throw invalidEvidence('Evidence files must be your own uploads, not yet used elsewhere; nothing was stored.');
    }
    const created = await indicatorsRepo.insertMeasurement(trx, {
      indicatorId: indicator.id,
      value: body.value,
      measuredOn: body.measuredOn,
      source: body.source.trim(),
      note: body.note?.trim() ?? '',
      attachmentId,
      url,
      reportedBy: ctx.actor.userId,
      reportedUnitId,
    });
    await repo.touch(trx, commitment.id);
    await repo.insertRevision(trx, {
      commitmentId: commitment.id,
      revision: commitment.revision,
      actorUserId: ctx.actor.userId,
      action: 'measurement.add',
      before: null,
      after: { indicatorId: indicator.id, measurementId: created, value: body.value, measuredOn: body.measuredOn },
    });
    const details = {
      commitmentId: commitment.id,
      indicatorId: indicator.id,
      evidence: attachmentId ? 'file' : url ? 'link' : null,
    };
    await ctx.audit(
      { action: 'measurement.add', outcome: 'success', targetType: 'measurement', targetId: created, details },
      trx,
    );
  });
  return indicatorReply(ctx.db, indicator.id);
}

export async function withdraw(ctx: ActorContext, measurementId: string, body: WithdrawBody): Promise<Indicator> {
  const measurement = await indicatorsRepo.findMeasurement(ctx.db, measurementId);
  if (!measurement) throw notFound('measurement');
  const commitment = await visibleCommitment(ctx, measurement.commitmentId).catch(() => {
    throw notFound('measurement');
  });
  authorize(ctx.actor, 'commitment.edit', ownedBy(commitment));
  const reason = body.reason.trim();
  if (!reason) throw problem(FOLLOWUP_PROBLEMS, 'reason-required', 'Say why the measurement is withdrawn.');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await indicatorsRepo.withdrawMeasurement(trx, measurement.id, ctx.actor.userId, reason))) {
      throw problem(FOLLOWUP_PROBLEMS, 'already-withdrawn', 'This measurement has already been withdrawn.');
    }
    await repo.touch(trx, commitment.id);
    await repo.insertRevision(trx, {
      commitmentId: commitment.id,
      revision: commitment.revision,
      actorUserId: ctx.actor.userId,
      action: 'measurement.withdraw',
      before: { measurementId: measurement.id, value: measurement.value, measuredOn: measurement.measuredOn },
      after: null,
      reason,
    });
    const details = { commitmentId: commitment.id, indicatorId: measurement.indicatorId };
    await ctx.audit(
      { action: 'measurement.withdraw', outcome: 'success', targetType: 'measurement', targetId: measurement.id, details },
      trx,
    );
  });
  return indicatorReply(ctx.db, measurement.indicatorId);
}
