import i18next from 'i18next';

/**
 * Dates, numbers and lists in the interface language, one place for the whole app.
 *
 * Each function takes the language as an optional last argument and otherwise reads i18next's
 * current one (the same instance the app initialises), so a call site can pass `i18n.language` to
 * re-render on a language change, or nothing.
 *
 * Arabic is plain `ar`: CLDR's own default, which current browsers and Node resolve to Latin digits
 * (0-9, "numberingSystem: latn"). We keep that default rather than forcing Arabic-Indic digits
 * (`ar-u-nu-arab`): the readers are officials of several Arab states, most of which write Latin
 * digits in administration, and the figures then match the codes, IP addresses, CVE and reference
 * numbers that sit beside them. A reader whose system prefers another default still gets it.
 *
 * Dates spell the month out ("Dec 7, 2026", "7 déc. 2026", "7 ديسمبر 2026"): an all-digit date
 * reads differently in each country (7/12 or 12/7) and reorders inside right-to-left text.
 */

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const LONG_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
/** A calendar day without a time ("2026-12-07"): shown as that day wherever the reader is. */
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function interfaceLanguage(): string {
  return i18next.resolvedLanguage ?? i18next.language ?? 'en';
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let format = cache.get(key);
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format as T;
}

function toDate(value: string | number | Date): { date: Date; day: boolean } | null {
  const day = typeof value === 'string' && CALENDAR_DAY.test(value);
  const date = value instanceof Date ? value : new Date(day ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : { date, day };
}

function dateFormat(
  value: string | number | Date | null | undefined,
  options: Intl.DateTimeFormatOptions,
  language: string,
): string {
  if (value === null || value === undefined || value === '') return '';
  const parsed = toDate(value);
  if (!parsed) return String(value);
  const zone: Intl.DateTimeFormatOptions = parsed.day ? { timeZone: 'UTC' } : {};
  const key = `d|${language}|${JSON.stringify(options)}|${parsed.day}`;
  return cached(key, () => new Intl.DateTimeFormat(language, { ...options, ...zone })).format(parsed.date);
}

/** "Dec 7, 2026" · "7 déc. 2026" · "7 ديسمبر 2026". */
export function formatDate(value: string | number | Date | null | undefined, language = interfaceLanguage()): string {
  return dateFormat(value, DATE, language);
}

/** "Dec 2026" · "déc. 2026" · "ديسمبر 2026": a month of a statistics series (`YYYY-MM` or a date). */
export function formatMonth(value: string, language = interfaceLanguage()): string {
  return dateFormat(/^\d{4}-\d{2}$/.test(value) ? `${value}-01` : value, { year: 'numeric', month: 'short' }, language);
}

/** "December 7, 2026": a calendar day written out (deadlines, terms of office). */
export function formatLongDate(value: string | number | Date | null | undefined, language = interfaceLanguage()): string {
  return dateFormat(value, LONG_DATE, language);
}

/** "Dec 7, 2026, 3:05 PM" · "7 déc. 2026, 15:05" · "7 ديسمبر 2026، 3:05 م", in the reader's time zone. */
export function formatDateTime(value: string | number | Date | null | undefined, language = interfaceLanguage()): string {
  return dateFormat(value, { ...DATE, ...TIME }, language);
}

/** "12 Mar 2024" or "12 Mar 2024 – 14 Mar 2024". */
export function formatDateRange(dates: readonly string[] | undefined, language = interfaceLanguage()): string {
  if (!dates?.length) return '';
  const first = formatDate(dates[0], language);
  const last = formatDate(dates[dates.length - 1], language);
  return first === last ? first : `${first} – ${last}`;
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "in 3 days", "dans 3 jours", "خلال 3 أيام": how far an instant is from now. */
export function formatRelative(value: string | number | Date, now = Date.now(), language = interfaceLanguage()): string {
  const parsed = toDate(value);
  if (!parsed) return String(value);
  const seconds = (parsed.date.getTime() - now) / 1000;
  const format = cached(`r|${language}`, () => new Intl.RelativeTimeFormat(language, { numeric: 'auto' }));
  for (const [unit, size] of STEPS) {
    if (Math.abs(seconds) >= size || unit === 'minute') return format.format(Math.round(seconds / size), unit);
  }
  return '';
}

/** "1,234.5" · "1 234,5" · the reader's digits and separators. */
export function formatNumber(value: number, language = interfaceLanguage(), options: Intl.NumberFormatOptions = {}): string {
  return cached(`n|${language}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(language, options)).format(value);
}

/**
 * A list as the language writes it, in place of `join(', ')`: by default (`unit`, CLDR's list of
 * values) "a, b, c" · "a, b et c" · "a، وb، وc" (Arabic separates with the Arabic comma and و);
 * `conjunction` for a list in a sentence ("a, b, and c").
 */
export function formatList(
  items: readonly string[],
  language = interfaceLanguage(),
  type: 'conjunction' | 'unit' = 'unit',
): string {
  const list = items.filter((item) => item !== '');
  return cached(
    `l|${language}|${type}`,
    () => new Intl.ListFormat(language, { type, style: type === 'unit' ? 'short' : 'long' }),
  ).format(list);
}

/**
 * Parts of one thing side by side, such as a place ("Rabat, Morocco" · "الرباط، المغرب"): separated
 * by the language's comma, never by a conjunction.
 */
export function formatParts(parts: readonly (string | null | undefined)[], language = interfaceLanguage()): string {
  const comma = language.startsWith('ar') ? '، ' : ', ';
  return parts.filter((part): part is string => Boolean(part)).join(comma);
}
