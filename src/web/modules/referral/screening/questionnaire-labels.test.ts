import { describe, expect, it } from 'vitest';
import { QUESTIONNAIRES, questionsOf } from '../../../../shared/referral/questionnaire.js';
import { PERSONAL_FIELDS, SERVICE_TYPES } from '../../../../shared/referral/vocabulary.js';
import ar from './i18n/ar.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };
import fr from './i18n/fr.json' with { type: 'json' };

/** Every question, section and answer of every published questionnaire has its words in the three languages. */
const LANGUAGES = { en, fr, ar } as unknown as Record<string, { referralScreening: Record<string, Record<string, unknown>> }>;

describe('questionnaire labels', () => {
  for (const [language, file] of Object.entries(LANGUAGES)) {
    it(`names every question, section and answer in ${language}`, () => {
      const strings = file.referralScreening;
      const missing: string[] = [];
      for (const questionnaire of Object.values(QUESTIONNAIRES)) {
        for (const section of questionnaire.sections)
          if (typeof strings.section?.[section.id] !== 'string') missing.push(`section.${section.id}`);
        for (const question of questionsOf(questionnaire)) {
          if (typeof strings.questions?.[question.id] !== 'string') missing.push(`questions.${question.id}`);
          for (const answer of question.answers)
            if (typeof strings.answer?.[answer] !== 'string') missing.push(`answer.${answer}`);
        }
      }
      for (const need of SERVICE_TYPES) if (typeof strings.need?.[need] !== 'string') missing.push(`need.${need}`);
      const fields = (strings.consent as Record<string, Record<string, unknown>>).field;
      for (const field of PERSONAL_FIELDS) if (typeof fields?.[field] !== 'string') missing.push(`consent.field.${field}`);
      expect(missing).toEqual([]);
    });
  }
});
