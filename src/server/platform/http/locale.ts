import { LOCALES, type Locale } from '../../../shared/locales.js';

/**
 * The interface language a request asks for: an explicit choice (`?lang=fr`) first, then the
 * first of `Accept-Language`'s languages (by weight) that Liaison speaks, else English. Exports
 * written for people (CSV headers and labels) follow it.
 */
export function requestLocale(explicit: string | undefined, acceptLanguage: string | undefined): Locale {
  if (explicit && (LOCALES as readonly string[]).includes(explicit)) return explicit as Locale;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split('-')[0], weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.language && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return (ranked.find((entry) => (LOCALES as readonly string[]).includes(entry.language))?.language as Locale) ?? 'en';
}
