import { Group, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERRAL_LIMITS, SEXES, type Sex } from '../../../../shared/referral/vocabulary.js';
import { countryOptions } from '../../../i18n/index.js';
import { languageOptions } from '../../exchange/directory/directory-api.js';
import { today } from './cases-api.js';
import type { PersonDraft, PersonErrors } from './person.js';

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
