import { CURRENT_QUESTIONNAIRE_VERSION, questionnaireOf, questionsOf, suggest } from '../../shared/referral/questionnaire.js';
import { closeCase, createCase } from '../modules/referral/cases/service.js';
import { createReferral } from '../modules/referral/referrals/create-service.js';
import { changeStatus } from '../modules/referral/referrals/service.js';
import { recordBestInterests, recordConsent, withdrawConsent } from '../modules/referral/screening/consent-service.js';
import { recordScreening } from '../modules/referral/screening/service.js';
import { refreshCaseFacts } from '../modules/referral/statistics/facts.js';
import type { DemoCase, DemoStep } from './referral-demo-types.js';
import type { ReferralSeedKit } from './seed-referral-kit.js';
import { caseRevision, providerIdByName, receivedCaseOf } from './seed-referral-repository.js';

/** What the demo made of one case, for its tests and its story. */
export interface SeededCase {
  key: string;
  id: string;
  reference: string;
  referralIds: string[];
  /** The partner unit's own copies of the case (transnational referrals). */
  receivedCaseIds: string[];
}

/** Where a case stands while its steps are played: the latest consent, best-interests step and referral. */
interface Progress {
  caseId: string;
  consentId?: string;
  stepId?: string;
  referralId?: string;
  seeded: SeededCase;
}

const questionnaire = questionnaireOf(CURRENT_QUESTIONNAIRE_VERSION);

/** Answers as a screener gives them: every question asked, "no" unless listed as "yes". */
function answersOf(step: DemoStep & { do: 'screen' }): Record<string, string> {
  if (!questionnaire) throw new Error(`referral demo: no questionnaire ${CURRENT_QUESTIONNAIRE_VERSION}`);
  // Every question asked: "no" to each, "none" on the medical scale.
  const answers = Object.fromEntries(questionsOf(questionnaire).map((q) => [q.id, q.answers.includes('no') ? 'no' : 'none']));
  for (const id of step.yes) {
    if (!(id in answers)) throw new Error(`referral demo: no question ${id}`);
    answers[id] = 'yes';
  }
  if (step.medical) answers.medical_urgency = step.medical;
  return answers;
}

async function play(kit: ReferralSeedKit, demo: DemoCase, progress: Progress, step: DemoStep): Promise<void> {
  const ctx = await kit.as(step.do === 'status' ? step.by : demo.by);
  const { caseId } = progress;
  switch (step.do) {
    case 'screen': {
      const answers = answersOf(step);
      const suggested = suggest(questionnaire as NonNullable<typeof questionnaire>, answers);
      await recordScreening(ctx, caseId, {
        questionnaireVersion: CURRENT_QUESTIONNAIRE_VERSION,
        answers,
        decidedNeeds: step.needs ?? suggested.suggestedNeeds,
        assessment: suggested.suggestedAssessment,
        urgency: suggested.suggestedUrgency,
        notes: step.notes,
      });
      return;
    }
    case 'consent': {
      const to = step.to;
      const consent = await recordConsent(ctx, caseId, {
        scope: step.scope,
        providerId: to && 'provider' in to ? await providerIdByName(kit.platform.db, to.provider) : undefined,
        organisationId: to && 'organisation' in to ? await kit.organisation(to.organisation) : undefined,
        fields: step.fields,
        recordedHow: step.how,
        givenAt: new Date(Date.now() - 60_000).toISOString(),
      });
      progress.consentId = consent.id;
      return;
    }
    case 'bestInterests': {
      const recorded = await recordBestInterests(ctx, caseId, {
        step: step.step,
        decision: step.decision,
        authority: step.authority,
      });
      if (step.decision === 'referral_in_best_interests') progress.stepId = recorded.id;
      return;
    }
    case 'refer': {
      const service = 'provider' in step.to;
      const referral = await createReferral(ctx, caseId, {
        kind: service ? 'service' : 'transnational',
        providerId: 'provider' in step.to ? await providerIdByName(kit.platform.db, step.to.provider) : undefined,
        toUnitId: 'unit' in step.to ? await kit.unit(step.to.organisation, step.to.unit) : undefined,
        needs: step.needs,
        urgency: step.urgency ?? 'normal',
        consentId: demo.isChild && !progress.consentId ? undefined : progress.consentId,
        bestInterestsStepId: demo.isChild ? progress.stepId : undefined,
        fields: step.fields,
      });
      const id = String(referral.id);
      progress.referralId = id;
      progress.seeded.referralIds.push(id);
      const copy = await receivedCaseOf(kit.platform.db, id);
      if (copy) progress.seeded.receivedCaseIds.push(copy);
      return;
    }
    case 'status':
      if (!progress.referralId) throw new Error(`referral demo: ${demo.key} answers a referral it has not made`);
      await changeStatus(ctx, progress.referralId, {
        status: step.status,
        reason: step.reason,
        outcome: step.outcome,
        outcomeNote: step.outcomeNote,
      });
      return;
    case 'withdraw':
      if (!progress.consentId) throw new Error(`referral demo: ${demo.key} withdraws a consent it has not recorded`);
      await withdrawConsent(ctx, progress.consentId, { reason: step.reason });
      return;
    case 'close':
      await closeCase(ctx, caseId, { revision: await caseRevision(kit.platform.db, caseId), reason: step.reason });
      return;
  }
}

/**
 * Opens one demo case and plays its steps as its people would, each some days after the one before:
 * what came before moves back by those days, the step happens now; at the end the whole case moves
 * back to the day the story says it was opened. Its statistics facts are then made again, dated.
 */
export async function seedDemoCase(kit: ReferralSeedKit, demo: DemoCase): Promise<SeededCase> {
  const ctx = await kit.as(demo.by);
  const created = await createCase(ctx, {
    unitId: await kit.unit(demo.unit.organisation, demo.unit.unit),
    caseType: demo.caseType,
    isChild: demo.isChild,
    person: demo.person,
    notes: demo.notes,
  });
  const seeded: SeededCase = {
    key: demo.key,
    id: created.id,
    reference: created.reference,
    referralIds: [],
    receivedCaseIds: [],
  };
  const progress: Progress = { caseId: created.id, seeded };
  let elapsed = 0;
  for (const [after, step] of demo.steps) {
    await kit.elapse(seeded, after);
    elapsed += after;
    await play(kit, demo, progress, step);
  }
  const sinceOpened = -demo.opened;
  if (elapsed > sinceOpened) throw new Error(`referral demo: the steps of ${demo.key} end after today`);
  await kit.elapse(seeded, sinceOpened - elapsed);
  for (const id of [created.id, ...seeded.receivedCaseIds])
    await refreshCaseFacts(kit.platform.db, kit.platform.personalData, id);
  return seeded;
}
