import { NativeSelect } from '@mantine/core';
import type { ReactNode } from 'react';
import { LOCALES, type Locale } from '../api/types.js';
import { isLocale, LANGUAGE_NAMES } from '../i18n/index.js';

interface LocaleSelectProps {
  label: string;
  description?: ReactNode;
  value: Locale;
  onChange: (locale: Locale) => void;
}

/** A choice of interface language, each named in its own language. */
export function LocaleSelect({ label, description, value, onChange }: LocaleSelectProps) {
  return (
    <NativeSelect
      label={label}
      description={description}
      value={value}
      onChange={(event) => {
        const chosen = event.currentTarget.value;
        if (isLocale(chosen)) onChange(chosen);
      }}
    >
      {LOCALES.map((code) => (
        <option key={code} value={code} lang={code}>
          {LANGUAGE_NAMES[code]}
        </option>
      ))}
    </NativeSelect>
  );
}
