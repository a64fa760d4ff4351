import countryNames from 'i18n-iso-countries';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import { WATCHLIST_PROBLEMS } from '../../../../shared/watchlists/problems.js';
import type { NameScript } from '../../../../shared/watchlists/vocabulary.js';
import { problem } from '../../../platform/errors.js';

/**
 * The rules of an entry's fields that a schema cannot say: the script of each name, a birth date
 * that exists and is not in the future, countries that exist, and a review date within the period.
 */

const SCRIPTS: [NameScript, RegExp][] = [
  ['arabic', /\p{Script=Arabic}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['ethiopic', /\p{Script=Ethiopic}/u],
  ['latin', /\p{Script=Latin}/u],
];
const LETTER = /\p{L}/u;

/** The script most of a name's letters are written in (`other` for none of the four); null without letters. */
export function detectScript(name: string): NameScript | null {
  const counts = new Map<NameScript, number>();
  let letters = 0;
  for (const char of name) {
    if (!LETTER.test(char)) continue;
    letters++;
    const script = SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'other';
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  if (letters === 0) return null;
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

/** Each name trimmed, with its script detected when absent; a name without letters or in another script than declared is refused. */
export function checkNames(names: readonly { name: string; script?: NameScript }[]) {
  return names.map((input, index) => {
    const name = input.name.trim().replace(/\s+/g, ' ');
    const detected = detectScript(name);
    if (!detected)
      throw problem(WATCHLIST_PROBLEMS, 'invalid-name', `Name ${index + 1} has no letters.`, { field: `names/${index}/name` });
    if (input.script && input.script !== detected)
      throw problem(WATCHLIST_PROBLEMS, 'invalid-name', `Name ${index + 1} is not written in the declared script.`, {
        field: `names/${index}/script`,
        detected,
      });
    return { name, script: detected };
  });
}

/** Today's date (UTC) as YYYY-MM-DD. */
export const today = (now = new Date()) => now.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const isRealDate = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
};

const invalid = (detail: string, field: string) => problem(PLATFORM_PROBLEMS, 'validation', detail, { field });

/** "1984" or "1984-03-02": a real date, from 1900, not in the future. */
export function checkBirthDate(value: string, now = new Date()): string {
  const year = Number(value.slice(0, 4));
  const valid = /^\d{4}$/.test(value) ? true : /^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value);
  if (!valid || year < 1900) throw invalid('The birth date is a year (1984) or a date (1984-03-02).', 'birthDate');
  if (value.length === 4 ? year > now.getUTCFullYear() : value > today(now))
    throw invalid('The birth date is in the future.', 'birthDate');
  return value;
}

/** ISO 3166-1 alpha-2 codes that exist (the country list the referral cases use). */
export function checkCountries(codes: readonly string[], field: string): string[] {
  const unknown = codes.findIndex((code) => !countryNames.isValid(code));
  if (unknown >= 0) throw invalid(`${codes[unknown]} is not an ISO 3166-1 country code.`, `${field}/${unknown}`);
  return [...new Set(codes)];
}

/** A review date from today to the end of the list's review period; the end of the period by default. */
export function reviewDateOf(requested: string | undefined, periodDays: number, now = new Date()): string {
  const from = today(now);
  const last = addDays(from, periodDays);
  if (requested === undefined) return last;
  if (!isRealDate(requested) || requested < from || requested > last)
    throw problem(WATCHLIST_PROBLEMS, 'invalid-review-date', `The review date must fall between ${from} and ${last}.`, {
      field: 'reviewDate',
    });
  return requested;
}
