import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../api/types.js';
import { changeLanguage, currentLocale, isLocale, LANGUAGE_NAMES } from '../i18n/index.js';

/** A native select: it works with the keyboard and screen readers everywhere, with no extra code. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('shell.language')}
      data-testid="language-switcher"
      size="xs"
      value={isLocale(i18n.language) ? i18n.language : currentLocale()}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (isLocale(value)) void changeLanguage(value);
      }}
    >
      {LOCALES.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {LANGUAGE_NAMES[locale]}
        </option>
      ))}
    </NativeSelect>
  );
}
