import { REFERRAL_PROBLEMS } from '../../../../shared/referral/problems.js';
import {
  CURRENT_QUESTIONNAIRE_VERSION,
  invalidAnswers,
  QUESTIONNAIRES,
  type Questionnaire,
  questionnaireOf,
} from '../../../../shared/referral/questionnaire.js';
import type {
  QuestionnaireReply,
  Screening,
  ScreeningList,
  SuggestedService,
} from '../../../../shared/referral/screening-contract.js';
import type { ServiceType } from '../../../../shared/referral/vocabulary.js';
import type { ActorContext } from '../../../platform/context.js';
import { problem } from '../../../platform/errors.js';
import { type CaseHead, caseFor } from '../cases/case-access.js';
import { refreshCaseFacts } from '../statistics/facts.js';
import { mayEdit, readNotes } from './notes.js';
import * as repository from './repository.js';
import type { QuestionnaireQuery, ScreeningBody } from './schemas.js';
import { suggestedServices, suggestionsFor } from './suggestions.js';

/** Screenings: the questionnaire, a case's screenings, and a new one (validated, suggested, decided). */

function knownQuestionnaire(version: string): Questionnaire {
  const questionnaire = questionnaireOf(version);
  if (!questionnaire)
    throw problem(REFERRAL_PROBLEMS, 'unknown-questionnaire', `There is no screening questionnaire ${version}.`, {
      versions: Object.keys(QUESTIONNAIRES),
    });
  return questionnaire;
}

export function getQuestionnaire(query: QuestionnaireQuery): QuestionnaireReply {
  const questionnaire = knownQuestionnaire(query.version ?? CURRENT_QUESTIONNAIRE_VERSION);
  return {
    version: questionnaire.version,
    current: questionnaire.version === CURRENT_QUESTIONNAIRE_VERSION,
    versions: Object.keys(QUESTIONNAIRES),
    sections: questionnaire.sections.map((section) => ({
      id: section.id,
      family: section.family,
      questions: section.questions.map((q) => ({ id: q.id, answers: [...q.answers] })),
    })),
  };
}

function toScreening(record: repository.ScreeningRecord, notes: string | null, services: SuggestedService[]): Screening {
  const suggestions = suggestionsFor(record.questionnaireVersion, record.answers);
  return {
    id: record.id,
    caseId: record.caseId,
    questionnaireVersion: record.questionnaireVersion,
    answers: record.answers,
    // As stored when the screening was made (what the screener saw), not recomputed.
    indicatorFamilies: record.indicatorFamilies,
    suggestedNeeds: record.suggestedNeeds,
    suggestedAssessment: suggestions.suggestedAssessment,
    suggestedUrgency: suggestions.suggestedUrgency,
    ageAssessmentNeeded: suggestions.ageAssessmentNeeded,
    decidedNeeds: record.decidedNeeds,
    assessment: record.assessment,
    urgency: record.urgency,
    notes,
    hasNotes: record.notesEnc !== null,
    screenedBy: record.screenedBy,
    screenedAt: record.screenedAt.toISOString(),
    suggestedServices: services,
  };
}

/** Suggested services per set of decided needs, read once per distinct set. */
function servicesFinder(ctx: ActorContext, head: CaseHead) {
  const country = repository.organisationCountry(ctx.db, head.ownerOrganisationId);
  const found = new Map<string, Promise<SuggestedService[]>>();
  return (needs: readonly ServiceType[]) => {
    const key = [...needs].sort().join(',');
    let services = found.get(key);
    if (!services) {
      services = country.then((c) => suggestedServices(ctx.db, needs, c));
      found.set(key, services);
    }
    return services;
  };
}

export async function listScreenings(ctx: ActorContext, caseId: string): Promise<ScreeningList> {
  const head = await caseFor(ctx, caseId, 'case.readSummary');
  const records = await repository.listScreenings(ctx.db, caseId);
  const notes = await readNotes(ctx, head, records, 'screeningNotes');
  const servicesFor = servicesFinder(ctx, head);
  const items: Screening[] = [];
  for (const record of records)
    items.push(toScreening(record, notes.get(record.id) ?? null, await servicesFor(record.decidedNeeds)));
  return { items, total: items.length, permissions: { edit: mayEdit(ctx, head) } };
}

export async function recordScreening(ctx: ActorContext, caseId: string, body: ScreeningBody): Promise<Screening> {
  // Who may change the case is checked before the answers are judged, so refusals say nothing of them.
  await caseFor(ctx, caseId, 'case.edit');
  const questionnaire = knownQuestionnaire(body.questionnaireVersion);
  const invalid = invalidAnswers(questionnaire, body.answers);
  if (invalid.length > 0)
    throw problem(
      REFERRAL_PROBLEMS,
      'invalid-answers',
      `Questionnaire ${questionnaire.version}: answer every question with one of its answers (${invalid.join(', ')}).`,
      { questions: invalid },
    );
  const suggestions = suggestionsFor(questionnaire.version, body.answers);
  const notes = body.notes?.trim() ? body.notes : null;
  // Encrypted before the transaction: the key ring may read or add a key on its own connection.
  const notesEnc = await ctx.personalData.encrypt(notes);
  const { id, head } = await ctx.audited(
    async (trx) => {
      const head = await caseFor(ctx, caseId, 'case.edit', trx);
      const id = await repository.insertScreening(trx, {
        caseId,
        questionnaireVersion: questionnaire.version,
        answers: body.answers,
        indicatorFamilies: suggestions.indicatorFamilies,
        suggestedNeeds: suggestions.suggestedNeeds,
        decidedNeeds: body.decidedNeeds,
        assessment: body.assessment,
        urgency: body.urgency,
        notesEnc,
        screenedBy: ctx.actor.userId,
      });
      await repository.touchCase(trx, caseId);
      await refreshCaseFacts(trx, ctx.personalData, caseId);
      return { id, head };
    },
    ({ id }) => ({
      action: 'case.screening.record',
      targetType: 'case',
      targetId: caseId,
      outcome: 'success',
      details: {
        screeningId: id,
        questionnaireVersion: questionnaire.version,
        assessment: body.assessment,
        urgency: body.urgency,
        decidedNeeds: body.decidedNeeds,
        fields: notes ? ['screeningNotes'] : [],
      },
    }),
  );
  const [record] = await repository.listScreenings(ctx.db, caseId, id);
  if (!record) throw new Error('the screening just recorded is missing');
  return toScreening(record, notes, await servicesFinder(ctx, head)(record.decidedNeeds));
}
