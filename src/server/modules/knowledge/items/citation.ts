import countryNames from 'i18n-iso-countries';

/** Languages a citation can be written in (the interface languages). */
export const CITATION_LANGUAGES = ['en', 'fr', 'ar'] as const;
export type CitationLanguage = (typeof CITATION_LANGUAGES)[number];

/** What a citation is made of: the meeting the document records, and where the item sits in it. */
export interface CitationSource {
  process: string;
  title: string;
  meetingKind: string | null;
  city: string | null;
  country: string | null;
  /** ISO days of the meeting, in order. */
  dates: string[];
  type: string;
  /** The item's rank among the document's published items of its type: "recommendation 12". */
  ordinal: number;
  page: number | null;
}

const PROCESS_NAMES: Record<string, Record<CitationLanguage, string>> = {
  rabat: { en: 'Rabat Process', fr: 'Processus de Rabat', ar: 'مسار الرباط' },
  budapest: { en: 'Budapest Process', fr: 'Processus de Budapest', ar: 'مسار بودابست' },
  khartoum: { en: 'Khartoum Process', fr: 'Processus de Khartoum', ar: 'مسار الخرطوم' },
  prague: { en: 'Prague Process', fr: 'Processus de Prague', ar: 'مسار براغ' },
};

export const TYPE_NAMES: Record<string, Record<CitationLanguage, string>> = {
  good_practice: { en: 'good practice', fr: 'bonne pratique', ar: 'ممارسة جيدة' },
  challenge: { en: 'challenge', fr: 'défi', ar: 'تحدٍّ' },
  recommendation: { en: 'recommendation', fr: 'recommandation', ar: 'توصية' },
  conclusion: { en: 'conclusion', fr: 'conclusion', ar: 'استنتاج' },
};

const LOCALES: Record<CitationLanguage, string> = { en: 'en-GB', fr: 'fr-FR', ar: 'ar' };
// Built once: a DateTimeFormat costs far more to make than to use, and exports cite thousands of items.
const DATE_FORMATS = Object.fromEntries(
  CITATION_LANGUAGES.map((language) => [
    language,
    new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  ]),
) as Record<CitationLanguage, Intl.DateTimeFormat>;
const PAGE: Record<CitationLanguage, string> = { en: 'p.', fr: 'p.', ar: 'ص.' };
const SEPARATOR: Record<CitationLanguage, string> = { en: ', ', fr: ', ', ar: '، ' };

export const processName = (process: string, language: CitationLanguage): string | null =>
  PROCESS_NAMES[process]?.[language] ?? null;

export const typeName = (type: string, language: CitationLanguage): string => TYPE_NAMES[type]?.[language] ?? type;

export function countryName(code: string | null, language: CitationLanguage): string | null {
  if (!code) return null;
  return countryNames.getName(code, language) ?? code;
}

/** "5–6 July 2022", "30 June – 1 July 2022"; meeting days are calendar days, so read in UTC. */
export function meetingDates(dates: string[], language: CitationLanguage): string | null {
  if (dates.length === 0) return null;
  const format = DATE_FORMATS[language];
  const first = new Date(`${dates[0]}T00:00:00Z`);
  const last = new Date(`${dates[dates.length - 1]}T00:00:00Z`);
  if (Number.isNaN(first.getTime()) || Number.isNaN(last.getTime())) return dates.join(' – ');
  return first.getTime() === last.getTime() ? format.format(first) : format.formatRange(first, last);
}

/**
 * The meeting's kind only when the title does not already say it ("Thematic meeting on …" does);
 * the kind is stored as read from the document, in its language.
 */
function meetingKindUnlessInTitle(source: CitationSource): string | null {
  const kind = source.meetingKind?.trim();
  if (!kind || source.title.toLowerCase().includes(kind.toLowerCase())) return null;
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

/**
 * A ready-made citation: "Rabat Process, High Level Thematic Meeting: …, Madrid, Spain,
 * 5–6 July 2022, recommendation 12, p. 3". The document title stays in the document's language.
 */
export function formatCitation(source: CitationSource, language: CitationLanguage): string {
  const parts = [
    processName(source.process, language),
    meetingKindUnlessInTitle(source),
    source.title.trim(),
    source.city,
    countryName(source.country, language),
    meetingDates(source.dates, language),
    `${typeName(source.type, language)} ${source.ordinal}`,
    source.page != null ? `${PAGE[language]} ${source.page}` : null,
  ];
  return parts.filter((part): part is string => !!part).join(SEPARATOR[language]);
}
