import countries, { type LocaleData } from 'i18n-iso-countries';
import enCountries from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../api/types.js';
import { englishTranslations, loadPagesEnglish, loadSignedInEnglish, loadTranslations } from './resources.js';

// English is the fallback and ships with the app; the other languages' strings and country names
// are fetched when a reader first uses them (see loadLanguage), one chunk per language.
countries.registerLocale(enCountries);
const COUNTRY_NAMES: Record<Exclude<Locale, 'en'>, () => Promise<{ default: LocaleData }>> = {
  fr: () => import('i18n-iso-countries/langs/fr.json', { with: { type: 'json' } }),
  ar: () => import('i18n-iso-countries/langs/ar.json', { with: { type: 'json' } }),
};
const loaded = new Map<Locale, Promise<void>>([['en', Promise.resolve()]]);

/** Fetches a language's strings and country names once; the same promise answers every later call. */
function loadLanguage(language: Locale): Promise<void> {
  let loading = loaded.get(language);
  if (!loading) {
    loading = Promise.all([loadTranslations(language), COUNTRY_NAMES[language as Exclude<Locale, 'en'>]()]).then(
      ([tree, names]) => {
        i18n.addResourceBundle(language, 'translation', tree, true, true);
        countries.registerLocale(names.default);
      },
    );
    // A failed fetch (the network dropped) may be tried again on the next switch.
    loading.catch(() => loaded.delete(language));
    loaded.set(language, loading);
  }
  return loading;
}

let signedInEnglish: Promise<void> | null = null;

/**
 * Settles once the English strings of the pages behind the sign-in are loaded (fetched once): the
 * router waits for it whenever someone is signed in, so no signed-in page renders a raw key.
 */
export function signedInStringsReady(): Promise<void> {
  if (!signedInEnglish) {
    signedInEnglish = loadSignedInEnglish().then((tree) => {
      i18n.addResourceBundle('en', 'translation', tree, true, false);
    });
    // A failed fetch (the network dropped) is tried again at the next navigation.
    signedInEnglish.catch(() => {
      signedInEnglish = null;
    });
  }
  return signedInEnglish;
}

const pagesEnglish = new Map<string, Promise<void>>();

/** Settles once a module's pages have their English strings (fetched once; a route waits for it). */
export function moduleStringsReady(module: 'watchlists' | 'referral' | 'followup' | 'knowledge'): Promise<void> {
  let loading = pagesEnglish.get(module);
  if (!loading) {
    loading = loadPagesEnglish(module).then((tree) => {
      i18n.addResourceBundle('en', 'translation', tree, true, false);
    });
    loading.catch(() => pagesEnglish.delete(module));
    pagesEnglish.set(module, loading);
  }
  return loading;
}

const STORAGE_KEY = 'liaison.language';

export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', ar: 'العربية' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language chosen on this device (sign-in page or switcher), if any. */
export function languageChosenOnThisDevice(): Locale | null {
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

const initialLanguage = languageChosenOnThisDevice() ?? browserLanguage();
i18n.use(initReactI18next).init({
  resources: { en: { translation: englishTranslations() } },
  // The other languages are added by loadLanguage, never fetched by i18next itself.
  partialBundledLanguages: true,
  lng: initialLanguage,
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  // React escapes what it renders; escaping here too would show &lt; to the reader.
  interpolation: { escapeValue: false },
  // Strings added later (the signed-in pages', fetched at sign-in) re-render what already shows.
  react: { bindI18nStore: 'added' },
  initAsync: false,
});
applyToDocument(i18n.language);
i18n.on('languageChanged', applyToDocument);

/**
 * Settles once the reader's language is loaded: the app renders after it, so a French or Arabic
 * reader never sees English first. If the language cannot be fetched the app shows English.
 */
export const languageReady: Promise<void> = loadLanguage(initialLanguage).catch(() => i18n.changeLanguage('en').then(() => {}));

/**
 * Switches the interface language and remembers the choice on this device. The language's strings
 * are fetched first, so the page switches in one step, never through untranslated keys.
 */
export async function changeLanguage(language: Locale) {
  await loadLanguage(language);
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the language still changes for this visit.
  }
  await i18n.changeLanguage(language);
}

/** Shows a language for this visit without remembering it on the device (the profile's, at sign-in). */
export async function showLanguage(language: Locale) {
  await loadLanguage(language);
  if (i18n.language !== language) await i18n.changeLanguage(language);
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

export default i18n;
