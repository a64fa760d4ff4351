import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import { REFERRAL_PROBLEMS } from '../../../../shared/referral/problems.js';
import type { ReferralCreateBody, ReferralDetail } from '../../../../shared/referral/referrals-contract.js';
import { type PersonalField, RESPONSE_HOURS } from '../../../../shared/referral/vocabulary.js';
import type { ActorContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { problem } from '../../../platform/errors.js';
import type { Wire } from '../../../platform/http/wire.js';
import { type CaseHead, caseFor } from '../cases/case-access.js';
import { insertCaseEvent } from '../cases/repository.js';
import { refreshCaseFacts } from '../statistics/facts.js';
import { scheduleReminders } from './jobs.js';
import { newReferralText, notify } from './notify.js';
import { createReceivedCase, prepareCopy } from './received-case.js';
import * as repo from './repository.js';
import { getReferral } from './service.js';

/**
 * Referring a case: to a provider of the directory serving every need asked (`service`), or to a
 * partner unit in another country (`transnational`), which gets a case of its own holding only the
 * consented fields. A person's consent naming the provider (or the partner organisation) must stand,
 * or for a child a best-interests step deciding the referral is in the child's interests. Only the
 * owner unit's case workers refer (`case.edit`); nothing is stored when a check refuses.
 */

/** Which ids go with which kind: the schema cannot say it, and it is malformed input all the same (400). */
const malformed = (detail: string) => problem(PLATFORM_PROBLEMS, 'validation', detail);

interface Target {
  providerId: string | null;
  toUnitId: string | null;
  toOrganisationId: string | null;
}

async function targetOf(trx: Db, head: CaseHead, body: ReferralCreateBody): Promise<Target> {
  if (body.kind === 'service') {
    if (!body.providerId || body.toUnitId) throw malformed('A service referral names a provider (providerId) and no unit.');
    const provider = await repo.findProvider(trx, body.providerId);
    if (!provider?.active || !body.needs.every((need) => provider.services.includes(need)))
      throw problem(REFERRAL_PROBLEMS, 'unknown-provider', 'No active provider of that id serves every need asked.');
    return { providerId: provider.id, toUnitId: provider.unitId, toOrganisationId: null };
  }
  if (!body.toUnitId || body.providerId) throw malformed('A transnational referral names a unit (toUnitId) and no provider.');
  const [to, from] = await Promise.all([repo.findUnit(trx, body.toUnitId), repo.findUnit(trx, head.ownerUnitId)]);
  if (!to) throw problem(REFERRAL_PROBLEMS, 'unknown-unit', 'No active unit of that id.');
  if (!to.country || !from?.country || to.country === from.country)
    throw problem(REFERRAL_PROBLEMS, 'not-transnational', 'A transnational referral goes to a unit in another country.');
  return { providerId: null, toUnitId: to.id, toOrganisationId: to.organisationId };
}

/**
 * The consent (or best-interests step) the referral leaves under, and the fields that travel: those
 * asked, each covered by the consent; all the consent covers when none are asked.
 */
async function groundsOf(trx: Db, head: CaseHead, body: ReferralCreateBody, target: Target) {
  let stepId: string | null = null;
  if (head.isChild) {
    const step = body.bestInterestsStepId ? await repo.findBestInterestsStep(trx, body.bestInterestsStepId) : null;
    if (step?.caseId !== head.id || step.decision !== 'referral_in_best_interests')
      throw problem(
        REFERRAL_PROBLEMS,
        'consent-required',
        "A child's referral needs a best-interests step of this case deciding the referral is in the child's best interests.",
      );
    stepId = body.bestInterestsStepId ?? null;
    if (!body.consentId) return { consentId: null, stepId, fields: body.fields ?? [] };
  }
  const consent = body.consentId ? await repo.findConsent(trx, body.consentId) : null;
  const covers =
    consent?.caseId === head.id &&
    (body.kind === 'service'
      ? consent.scope === 'share_with_service' && consent.providerId === target.providerId
      : consent.scope === 'transnational_referral' && consent.organisationId === target.toOrganisationId);
  if (!consent || !covers)
    throw problem(
      REFERRAL_PROBLEMS,
      'consent-required',
      body.kind === 'service'
        ? "A referral needs the person's consent to share with this provider."
        : "A transnational referral needs the person's consent naming the receiving organisation.",
    );
  if (consent.withdrawn)
    throw problem(REFERRAL_PROBLEMS, 'consent-withdrawn', 'The consent was withdrawn: nothing more is shared under it.');
  const fields: PersonalField[] = body.fields ?? consent.fields;
  const uncovered = fields.filter((field) => !consent.fields.includes(field));
  if (uncovered.length > 0)
    throw problem(REFERRAL_PROBLEMS, 'consent-required', 'The consent does not cover every field asked.', { fields: uncovered });
  return { consentId: consent.id, stepId, fields };
}

export async function createReferral(ctx: ActorContext, caseId: string, body: ReferralCreateBody): Promise<Wire<ReferralDetail>> {
  await caseFor(ctx, caseId, 'case.edit');
  const prepared = body.kind === 'transnational' ? await prepareCopy(ctx, caseId) : null;
  const id = await ctx.audited(
    async (trx) => {
      const head = await caseFor(ctx, caseId, 'case.edit', trx);
      const target = await targetOf(trx, head, body);
      const grounds = await groundsOf(trx, head, body, target);
      const createdAt = new Date();
      const respondBy = new Date(createdAt.getTime() + RESPONSE_HOURS[body.urgency] * 3_600_000);
      const referralId = await repo.insertReferral(trx, {
        caseId,
        kind: body.kind,
        fromUnitId: head.ownerUnitId,
        providerId: target.providerId,
        toUnitId: target.toUnitId,
        needs: body.needs,
        urgency: body.urgency,
        respondBy,
        consentId: grounds.consentId,
        bestInterestsStepId: grounds.stepId,
        sharedFields: grounds.fields,
        createdBy: ctx.actor.userId,
      });
      await repo.insertEvent(trx, { referralId, from: null, to: 'sent', reason: null, actorId: ctx.actor.userId });
      await insertCaseEvent(trx, { caseId, event: 'referred', fields: grounds.fields, actorId: ctx.actor.userId });
      let reference = head.reference;
      if (prepared && target.toUnitId && target.toOrganisationId) {
        const copy = await createReceivedCase(ctx, trx, prepared, {
          revision: head.revision,
          referralId,
          ownerUnitId: target.toUnitId,
          ownerOrganisationId: target.toOrganisationId,
          fields: grounds.fields,
        });
        await repo.setReceivedCase(trx, referralId, copy.id);
        await refreshCaseFacts(trx, ctx.personalData, copy.id);
        reference = copy.reference;
      }
      if (target.toUnitId) {
        await notify(trx, {
          senderUserId: ctx.actor.userId,
          fromUnitId: head.ownerUnitId,
          fromOrganisationId: head.ownerOrganisationId,
          toUnitId: target.toUnitId,
          ...newReferralText({ reference, referralId, publicUrl: ctx.config.publicUrl, ...body, respondBy }),
        });
        await scheduleReminders(trx, referralId, createdAt, respondBy, ctx.actor.userId);
      }
      await refreshCaseFacts(trx, ctx.personalData, caseId);
      return { referralId, fields: grounds.fields };
    },
    ({ referralId, fields }) => ({
      action: 'referral.create',
      outcome: 'success',
      targetType: 'referral',
      targetId: referralId,
      // Field NAMES only, never values.
      details: { caseId, kind: body.kind, needs: body.needs, urgency: body.urgency, fields },
    }),
  );
  return getReferral(ctx, id.referralId);
}
