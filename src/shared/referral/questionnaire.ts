/**
 * The screening questionnaires, by version. A screening stores the version it was made with and is
 * validated against it, so a version once published is kept forever (a new one is a new entry of
 * QUESTIONNAIRES; old screenings keep reading and suggesting as they did). Question texts live in the
 * web app's strings (`referralScreening.questions.<id>`), ids and answer codes here.
 * Pure code: used by the server (validation, suggestions stored with the screening) and by the web
 * app (the form, and the suggestions shown live while the screener answers).
 */
import {
  type Assessment,
  INDICATOR_FAMILIES,
  type IndicatorFamily,
  SERVICE_TYPES,
  type ServiceType,
  type Urgency,
} from './vocabulary.js';

export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;
export const MEDICAL_URGENCY = ['none', 'non_urgent', 'urgent', 'life_threatening', 'unknown'] as const;

export const SCREENING_SECTIONS = [...INDICATOR_FAMILIES, 'age', 'medical', 'protection'] as const;
export type ScreeningSection = (typeof SCREENING_SECTIONS)[number];

export interface Question {
  id: string;
  /** The answers allowed, as codes (`yes`/`no`/`unknown`, or a scale). */
  answers: readonly string[];
}
export interface QuestionnaireSection {
  id: ScreeningSection;
  /** The indicator family a "yes" in this section counts for; null outside the trafficking indicators. */
  family: IndicatorFamily | null;
  questions: readonly Question[];
}
export interface Questionnaire {
  version: string;
  sections: readonly QuestionnaireSection[];
}

export type Answers = Readonly<Record<string, string>>;

/** What a questionnaire's answers suggest; the screener decides the needs, assessment and urgency. */
export interface Suggestions {
  /** Families of trafficking indicators with at least one "yes". */
  indicatorFamilies: IndicatorFamily[];
  suggestedNeeds: ServiceType[];
  suggestedAssessment: Assessment;
  suggestedUrgency: Urgency;
  /** Declared minor, looks like one, a disputed age, or no documents and no declared age: assess the age. */
  ageAssessmentNeeded: boolean;
}

const yesNo = (...ids: string[]): Question[] => ids.map((id) => ({ id, answers: YES_NO_UNKNOWN }));

const V2026_1: Questionnaire = {
  version: '2026-1',
  sections: [
    {
      id: 'deception',
      family: 'deception',
      questions: yesNo('deception_false_job', 'deception_false_pay', 'deception_false_conditions', 'deception_false_documents'),
    },
    {
      id: 'coercion',
      family: 'coercion',
      questions: yesNo(
        'coercion_documents_confiscated',
        'coercion_debt_bondage',
        'coercion_threats_family',
        'coercion_violence',
        'coercion_restricted_movement',
        'coercion_isolation',
      ),
    },
    {
      id: 'exploitation',
      family: 'exploitation',
      questions: yesNo(
        'exploitation_unpaid_work',
        'exploitation_excessive_work',
        'exploitation_sexual',
        'exploitation_forced_begging',
        'exploitation_forced_crime',
        'exploitation_organ_removal',
      ),
    },
    {
      id: 'movement',
      family: 'movement',
      questions: yesNo(
        'movement_recruited_by_others',
        'movement_transported_harboured',
        'movement_travel_paid_by_others',
        'movement_destination_unknown',
      ),
    },
    { id: 'age', family: null, questions: yesNo('age_declared_minor', 'age_appears_minor', 'age_no_documents', 'age_disputed') },
    {
      id: 'medical',
      family: null,
      questions: [{ id: 'medical_urgency', answers: MEDICAL_URGENCY }, ...yesNo('medical_pregnancy', 'medical_injuries')],
    },
    {
      id: 'protection',
      family: null,
      questions: yesNo(
        'protection_fear_of_return',
        'protection_asylum_expressed',
        'protection_family_separated',
        'protection_gbv_survivor',
        'protection_disability',
        'protection_wish_to_return',
      ),
    },
  ],
};

/** Every version ever published, newest last. Never remove or change one: screenings refer to it. */
export const QUESTIONNAIRES: Readonly<Record<string, Questionnaire>> = { [V2026_1.version]: V2026_1 };
export const CURRENT_QUESTIONNAIRE_VERSION = '2026-1';

export const questionnaireOf = (version: string): Questionnaire | null =>
  Object.hasOwn(QUESTIONNAIRES, version) ? (QUESTIONNAIRES[version] as Questionnaire) : null;

export const questionsOf = (questionnaire: Questionnaire): Question[] => questionnaire.sections.flatMap((s) => s.questions);

/**
 * The questions whose answer is wrong: not a question of this version, an answer it does not
 * allow, or no answer (every question is answered; `unknown` says it could not be asked or known).
 * Empty when the answers are valid.
 */
export function invalidAnswers(questionnaire: Questionnaire, answers: Answers): string[] {
  const questions = new Map(questionsOf(questionnaire).map((q) => [q.id, q]));
  const invalid = Object.keys(answers).filter((id) => {
    const question = questions.get(id);
    return !question?.answers.includes(answers[id] as string);
  });
  for (const id of questions.keys()) if (!Object.hasOwn(answers, id)) invalid.push(id);
  return invalid;
}

const isYes = (answers: Answers, id: string) => answers[id] === 'yes';
const anyYes = (answers: Answers, ...ids: string[]) => ids.some((id) => isYes(answers, id));

/** What the answers suggest (rules of version 2026-1; a later version brings its own rules if they change). */
export function suggest(questionnaire: Questionnaire, answers: Answers): Suggestions {
  const families = questionnaire.sections
    .filter((section) => section.family && section.questions.some((q) => isYes(answers, q.id)))
    .map((section) => section.family as IndicatorFamily);
  const indicatorFamilies = INDICATOR_FAMILIES.filter((f) => families.includes(f));
  const has = (family: IndicatorFamily) => indicatorFamilies.includes(family);

  const needs = new Set<ServiceType>();
  if (indicatorFamilies.length > 0) {
    needs.add('legal_aid');
    needs.add('psychosocial_support');
    needs.add('shelter');
  }
  const minor = anyYes(answers, 'age_declared_minor', 'age_appears_minor');
  if (minor) needs.add('child_protection');
  const medical = answers.medical_urgency;
  if (
    medical === 'non_urgent' ||
    medical === 'urgent' ||
    medical === 'life_threatening' ||
    anyYes(answers, 'medical_pregnancy', 'medical_injuries')
  )
    needs.add('medical_care');
  if (anyYes(answers, 'protection_fear_of_return', 'protection_asylum_expressed')) needs.add('international_protection');
  if (isYes(answers, 'protection_family_separated')) needs.add('family_tracing');
  if (isYes(answers, 'protection_gbv_survivor')) needs.add('psychosocial_support');
  if (isYes(answers, 'protection_wish_to_return')) needs.add('return_reintegration');

  // The act, the means and the purpose together (or three families) make a presumed victim.
  const presumed = (has('exploitation') && (has('deception') || has('coercion'))) || indicatorFamilies.length >= 3;
  const vulnerable =
    minor ||
    needs.has('medical_care') ||
    anyYes(
      answers,
      'protection_fear_of_return',
      'protection_asylum_expressed',
      'protection_family_separated',
      'protection_gbv_survivor',
      'protection_disability',
    );
  const suggestedAssessment: Assessment = presumed
    ? 'presumed_victim'
    : indicatorFamilies.length > 0
      ? 'possible_victim'
      : vulnerable
        ? 'vulnerable_not_victim'
        : 'no_indication';

  const suggestedUrgency: Urgency =
    medical === 'life_threatening'
      ? 'immediate'
      : medical === 'urgent' ||
          presumed ||
          (minor && indicatorFamilies.length > 0) ||
          anyYes(answers, 'coercion_violence', 'coercion_threats_family')
        ? 'high'
        : 'normal';

  return {
    indicatorFamilies,
    suggestedNeeds: SERVICE_TYPES.filter((need) => needs.has(need)),
    suggestedAssessment,
    suggestedUrgency,
    // Undocumented and not declared an adult counts too: nothing then proves the age.
    ageAssessmentNeeded:
      minor || isYes(answers, 'age_disputed') || (isYes(answers, 'age_no_documents') && answers.age_declared_minor !== 'no'),
  };
}

/** Answers with every question `unknown` (`none` where the scale has no unknown): a form's start. */
export function blankAnswers(questionnaire: Questionnaire): Record<string, string> {
  return Object.fromEntries(
    questionsOf(questionnaire).map((q) => [q.id, q.answers.includes('unknown') ? 'unknown' : (q.answers[0] as string)]),
  );
}
