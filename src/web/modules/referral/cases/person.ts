import type { CaseDetail } from '../../../../shared/referral/cases-contract.js';
import { type CaseType, PERSONAL_FIELDS, type Sex } from '../../../../shared/referral/vocabulary.js';
import { type CaseEditInput, type PersonInput, today } from './cases-api.js';

// The person's fields between the forms and the API, kept apart from the components so they are tested alone.

/** The person's fields as a form holds them: text, empty when not known. */
export interface PersonDraft {
  givenNames: string;
  familyName: string;
  dateOfBirth: string;
  sex: Sex | '';
  nationality: string;
  languages: string[];
  contact: string;
  placeFound: string;
}

export const EMPTY_PERSON: PersonDraft = {
  givenNames: '',
  familyName: '',
  dateOfBirth: '',
  sex: '',
  nationality: '',
  languages: [],
  contact: '',
  placeFound: '',
};

/** The person as the API takes it: the fields given, none of the empty ones. */
export function personInput(person: PersonDraft): PersonInput {
  const text = (value: string) => value.trim() || undefined;
  return {
    givenNames: person.givenNames.trim(),
    familyName: person.familyName.trim(),
    dateOfBirth: person.dateOfBirth || undefined,
    sex: person.sex || undefined,
    nationality: person.nationality || undefined,
    languages: person.languages.length ? person.languages : undefined,
    contact: text(person.contact),
    placeFound: text(person.placeFound),
  };
}

export type PersonErrors = Partial<Record<keyof PersonDraft, string | null>>;

/** The form's own checks, before anything is sent (the server checks again). */
export function personErrors(person: PersonDraft, t: (key: string) => string): PersonErrors {
  return {
    givenNames: person.givenNames.trim() ? null : t('referralCases.form.errors.givenNames'),
    familyName: person.familyName.trim() ? null : t('referralCases.form.errors.familyName'),
    dateOfBirth: person.dateOfBirth && person.dateOfBirth > today() ? t('referralCases.form.errors.dateOfBirth') : null,
  };
}

/** The form's draft of a case's person, from what the API answered. */
export function draftOf(detail: CaseDetail): PersonDraft {
  const person = detail.person ?? {};
  return {
    ...EMPTY_PERSON,
    givenNames: person.givenNames ?? '',
    familyName: person.familyName ?? '',
    dateOfBirth: person.dateOfBirth ?? '',
    sex: person.sex ?? '',
    nationality: person.nationality ?? '',
    languages: person.languages ?? [],
    contact: person.contact ?? '',
    placeFound: person.placeFound ?? '',
  };
}

/** Only what the reader changed travels (and is named, by field, in the case's history). */
export function changesOf(detail: CaseDetail, draft: PersonDraft, caseType: CaseType, isChild: boolean, notes: string) {
  const before = personInput(draftOf(detail));
  const after = personInput(draft);
  const person: Record<string, unknown> = {};
  for (const field of PERSONAL_FIELDS) {
    if (JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null)) person[field] = after[field] ?? null;
  }
  const input: Omit<CaseEditInput, 'revision'> = {};
  if (Object.keys(person).length) input.person = person;
  if (caseType !== detail.caseType) input.caseType = caseType;
  if (isChild !== detail.isChild) input.isChild = isChild;
  if (notes.trim() !== (detail.notes ?? '').trim()) input.notes = notes.trim() || null;
  return input;
}
