import { describe, expect, it } from 'vitest';
import {
  blankAnswers,
  CURRENT_QUESTIONNAIRE_VERSION,
  invalidAnswers,
  QUESTIONNAIRES,
  questionnaireOf,
  questionsOf,
  suggest,
} from './questionnaire.js';
import { INDICATOR_FAMILIES } from './vocabulary.js';

const current = questionnaireOf(CURRENT_QUESTIONNAIRE_VERSION);
if (!current) throw new Error('the current questionnaire is missing');
const answered = (yes: Record<string, string>) => ({ ...blankAnswers(current), ...yes });

describe('questionnaire versions', () => {
  it('keeps 2026-1 as the current version, with one section per indicator family', () => {
    expect(CURRENT_QUESTIONNAIRE_VERSION).toBe('2026-1');
    const families = current.sections.filter((s) => s.family).map((s) => s.family);
    expect(families).toEqual([...INDICATOR_FAMILIES]);
    expect(current.sections.map((s) => s.id)).toEqual([...INDICATOR_FAMILIES, 'age', 'medical', 'protection']);
  });

  it('knows no version that was never published, nor names of Object.prototype', () => {
    expect(questionnaireOf('2025-9')).toBeNull();
    expect(questionnaireOf('constructor')).toBeNull();
    expect(questionnaireOf('__proto__')).toBeNull();
  });

  it('gives every question a unique id across all versions', () => {
    for (const questionnaire of Object.values(QUESTIONNAIRES)) {
      const ids = questionsOf(questionnaire).map((q) => q.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('validating answers', () => {
  it('accepts a complete set of allowed answers', () => {
    expect(invalidAnswers(current, blankAnswers(current))).toEqual([]);
  });

  it('names unknown questions, answers a question does not allow, and unanswered questions', () => {
    const answers: Record<string, string> = { ...blankAnswers(current), made_up: 'yes', medical_urgency: 'yes' };
    delete answers.coercion_violence;
    expect(invalidAnswers(current, answers).sort()).toEqual(['coercion_violence', 'made_up', 'medical_urgency']);
  });
});

describe('suggestions', () => {
  it('suggests nothing when nothing is known', () => {
    expect(suggest(current, blankAnswers(current))).toEqual({
      indicatorFamilies: [],
      suggestedNeeds: [],
      suggestedAssessment: 'no_indication',
      suggestedUrgency: 'normal',
      ageAssessmentNeeded: false,
    });
  });

  it('counts a family with one "yes" and suggests legal aid, psychosocial support and shelter', () => {
    const s = suggest(current, answered({ movement_travel_paid_by_others: 'yes', deception_false_pay: 'no' }));
    expect(s.indicatorFamilies).toEqual(['movement']);
    expect(s.suggestedNeeds).toEqual(['shelter', 'legal_aid', 'psychosocial_support']);
    expect(s.suggestedAssessment).toBe('possible_victim');
    expect(s.suggestedUrgency).toBe('normal');
  });

  it('presumes a victim when exploitation comes with deception or coercion', () => {
    const s = suggest(current, answered({ exploitation_unpaid_work: 'yes', coercion_documents_confiscated: 'yes' }));
    expect(s.indicatorFamilies).toEqual(['coercion', 'exploitation']);
    expect(s.suggestedAssessment).toBe('presumed_victim');
    expect(s.suggestedUrgency).toBe('high');
  });

  it('suggests child protection and an age assessment for a declared minor', () => {
    const s = suggest(current, answered({ age_declared_minor: 'yes' }));
    expect(s.suggestedNeeds).toEqual(['child_protection']);
    expect(s.ageAssessmentNeeded).toBe(true);
    expect(s.suggestedAssessment).toBe('vulnerable_not_victim');
  });

  it('asks for an age assessment for a disputed age or missing documents unless declared an adult', () => {
    expect(suggest(current, answered({ age_disputed: 'yes' })).ageAssessmentNeeded).toBe(true);
    expect(suggest(current, answered({ age_no_documents: 'yes' })).ageAssessmentNeeded).toBe(true);
    expect(suggest(current, answered({ age_no_documents: 'yes', age_declared_minor: 'no' })).ageAssessmentNeeded).toBe(false);
  });

  it('makes a life-threatening condition immediate, and urgent medical care high', () => {
    const life = suggest(current, answered({ medical_urgency: 'life_threatening' }));
    expect(life.suggestedNeeds).toEqual(['medical_care']);
    expect(life.suggestedUrgency).toBe('immediate');
    expect(suggest(current, answered({ medical_urgency: 'urgent' })).suggestedUrgency).toBe('high');
    expect(suggest(current, answered({ medical_injuries: 'yes' })).suggestedNeeds).toEqual(['medical_care']);
  });

  it('maps protection answers to international protection, family tracing and return', () => {
    const s = suggest(
      current,
      answered({ protection_asylum_expressed: 'yes', protection_family_separated: 'yes', protection_wish_to_return: 'yes' }),
    );
    expect(s.suggestedNeeds).toEqual(['international_protection', 'family_tracing', 'return_reintegration']);
    expect(s.indicatorFamilies).toEqual([]);
  });
});
