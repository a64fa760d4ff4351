import countries from 'i18n-iso-countries';
import arCountries from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import enCountries from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import frCountries from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../api/types.js';
import { translationsFor } from './resources.js';

countries.registerLocale(enCountries);
countries.registerLocale(frCountries);
countries.registerLocale(arCountries);

const STORAGE_KEY = 'liaison.language';

export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', ar: 'العربية' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function storedLanguage(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

function browserLanguage(): Locale {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLocale(base)) return base;
  }
  return 'en';
}

/** Sets `<html lang dir>`; Mantine's DirectionProvider watches `dir` and flips its components. */
function applyToDocument(language: string) {
  const root = document.documentElement;
  root.lang = language;
  root.dir = i18n.dir(language);
}

i18n.use(initReactI18next).init({
  resources: Object.fromEntries(LOCALES.map((language) => [language, { translation: translationsFor(language) }])),
  lng: storedLanguage() ?? browserLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  // React escapes what it renders; escaping here too would show &lt; to the reader.
  interpolation: { escapeValue: false },
  initAsync: false,
});
applyToDocument(i18n.language);
i18n.on('languageChanged', applyToDocument);

/** Switches the interface language and remembers the choice on this device. */
export async function changeLanguage(language: Locale) {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the language still changes for this visit.
  }
  await i18n.changeLanguage(language);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

/** The country's name in the interface language, or the code itself if unknown. */
export function countryName(code: string | null | undefined, language: string): string {
  if (!code) return '';
  return countries.getName(code, language, { select: 'official' }) ?? code;
}

/** All countries as select options, sorted by their name in the interface language. */
export function countryOptions(language: string): { value: string; label: string }[] {
  const names = countries.getNames(language, { select: 'official' });
  const collator = new Intl.Collator(language);
  return Object.entries(names)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

export function formatDateTime(value: string | null | undefined, language: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(value: string | null | undefined, language: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

export default i18n;
