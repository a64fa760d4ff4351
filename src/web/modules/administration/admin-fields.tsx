import { Select, Text, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisationOptions } from './options.js';

type TextFieldProps = { label: string; value: string; onChange: (value: string) => void };

/** A row's name: required, and the first field of its form. */
export function NameField({ label, value, onChange }: TextFieldProps) {
  return (
    <TextInput
      label={label}
      required
      maxLength={200}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      data-autofocus
    />
  );
}

/** A row's optional free-text description. */
export function DescriptionField({ label, value, onChange }: TextFieldProps) {
  return (
    <Textarea
      label={label}
      maxLength={2000}
      autosize
      minRows={3}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

/** A value the form shows but may not change, as "Label: value". */
export function ReadOnlyValue({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text>
      <Text span fw={600}>
        {label}:
      </Text>{' '}
      {children}
    </Text>
  );
}

interface OrganisationChoiceProps {
  label: string;
  /** Whether the organisation may be picked (a platform administrator making a new row); else it is only shown. */
  choose: boolean;
  value: string | null;
  onChange: (organisationId: string | null) => void;
  /** The name shown when it may not be picked. */
  fixedName: string;
}

/** The organisation a new user or unit belongs to. */
export function OrganisationChoice({ label, choose, value, onChange, fixedName }: OrganisationChoiceProps) {
  const { t } = useTranslation();
  const organisations = useOrganisationOptions(choose);
  if (!choose) return <ReadOnlyValue label={label}>{fixedName}</ReadOnlyValue>;
  return (
    <Select
      label={label}
      data={organisations.data ?? []}
      value={value}
      onChange={onChange}
      searchable
      required
      allowDeselect={false}
      nothingFoundMessage={t('common.nothingFound')}
    />
  );
}

/** The list filter of a platform administrator: every organisation (empty) or one. */
export function OrganisationFilter({ label, value, onChange }: Omit<OrganisationChoiceProps, 'choose' | 'fixedName'>) {
  const { t } = useTranslation();
  const organisations = useOrganisationOptions(true);
  return (
    <Select
      label={label}
      placeholder={t('common.all')}
      data={organisations.data ?? []}
      value={value}
      onChange={onChange}
      searchable
      clearable
      w={260}
      nothingFoundMessage={t('common.nothingFound')}
    />
  );
}
