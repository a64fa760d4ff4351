import { LOCALES, type Locale } from '../../../shared/locales.js';

/**
 * The interface language a request asks for: an explicit choice (`?lang=fr`) first, then the
 * first of `Accept-Language`'s languages (by weight) that Liaison speaks, else English. Exports
 * written for people (CSV headers and labels) follow it. `supported` narrows the languages (the
 * first is the default).
 */
export function requestLocale<L extends string = Locale>(
  explicit: string | undefined,
  acceptLanguage: string | undefined,
  supported: readonly L[] = LOCALES as readonly string[] as readonly L[],
): L {
  const speaks = (language: string): language is L => (supported as readonly string[]).includes(language);
  if (explicit && speaks(explicit)) return explicit;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split('-')[0], weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.language && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const found = ranked.find((entry) => speaks(entry.language))?.language;
  return found && speaks(found) ? found : (supported[0] ?? ('en' as L));
}
