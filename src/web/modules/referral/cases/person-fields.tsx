import { Group, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERRAL_LIMITS, SEXES, type Sex } from '../../../../shared/referral/vocabulary.js';
import { countryOptions } from '../../../i18n/index.js';
import { languageOptions } from '../../exchange/directory/directory-api.js';
import { type PersonInput, today } from './cases-api.js';

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

/**
 * The personal fields of a case: names as the person gives them, date of birth, sex, nationality and
 * languages (named in the reader's language), a way to reach them and where they were found.
 */
export function PersonFields({
  value,
  onChange,
  errors = {},
}: {
  value: PersonDraft;
  onChange: (next: PersonDraft) => void;
  errors?: PersonErrors;
}) {
  const { t, i18n } = useTranslation();
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const languages = useMemo(() => languageOptions(i18n.language), [i18n.language]);
  const set = (next: Partial<PersonDraft>) => onChange({ ...value, ...next });
  return (
    <Stack>
      <Group grow align="flex-start">
        <TextInput
          label={t('referralCases.person.givenNames')}
          value={value.givenNames}
          onChange={(event) => set({ givenNames: event.currentTarget.value })}
          maxLength={REFERRAL_LIMITS.name}
          required
          autoComplete="off"
          dir="auto"
          error={errors.givenNames}
        />
        <TextInput
          label={t('referralCases.person.familyName')}
          value={value.familyName}
          onChange={(event) => set({ familyName: event.currentTarget.value })}
          maxLength={REFERRAL_LIMITS.name}
          required
          autoComplete="off"
          dir="auto"
          error={errors.familyName}
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput
          type="date"
          label={t('referralCases.person.dateOfBirth')}
          value={value.dateOfBirth}
          max={today()}
          onChange={(event) => set({ dateOfBirth: event.currentTarget.value })}
          error={errors.dateOfBirth}
        />
        <Select
          label={t('referralCases.person.sex')}
          data={SEXES.map((sex) => ({ value: sex, label: t(`referralCases.sex.${sex}`) }))}
          value={value.sex || null}
          onChange={(sex) => set({ sex: (sex as Sex | null) ?? '' })}
          placeholder={t('referralCases.form.notKnown')}
          clearable
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('referralCases.person.nationality')}
          data={countries}
          value={value.nationality || null}
          onChange={(nationality) => set({ nationality: nationality ?? '' })}
          placeholder={t('referralCases.form.notKnown')}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
        />
        <MultiSelect
          label={t('referralCases.person.languages')}
          data={languages}
          value={value.languages}
          onChange={(languages) => set({ languages })}
          searchable
          clearable
          maxValues={12}
          nothingFoundMessage={t('common.nothingFound')}
        />
      </Group>
      <TextInput
        label={t('referralCases.person.contact')}
        description={t('referralCases.person.contactHint')}
        value={value.contact}
        onChange={(event) => set({ contact: event.currentTarget.value })}
        maxLength={REFERRAL_LIMITS.contact}
        autoComplete="off"
        dir="auto"
      />
      <TextInput
        label={t('referralCases.person.placeFound')}
        value={value.placeFound}
        onChange={(event) => set({ placeFound: event.currentTarget.value })}
        maxLength={REFERRAL_LIMITS.place}
        autoComplete="off"
        dir="auto"
      />
    </Stack>
  );
}
