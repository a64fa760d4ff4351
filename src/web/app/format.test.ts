import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateRange,
  formatDateTime,
  formatList,
  formatLongDate,
  formatNumber,
  formatRelative,
} from './format.js';

const INSTANT = '2026-12-07T15:05:00Z';

describe('format', () => {
  it('writes dates with the month spelt out, never as digits alone', () => {
    expect(formatDate('2026-12-07', 'en')).toBe('Dec 7, 2026');
    expect(formatDate('2026-12-07', 'fr')).toBe('7 déc. 2026');
    expect(formatDate('2026-12-07', 'ar')).toBe('7 ديسمبر 2026');
    expect(formatLongDate('2026-12-07', 'fr')).toBe('7 décembre 2026');
    for (const language of ['fr', 'ar']) expect(formatDate(INSTANT, language)).not.toMatch(/\d+\/\d+\/\d+/);
  });

  it('shows a calendar day as that day in every time zone', () => {
    expect(formatDate('2026-01-01', 'en')).toBe('Jan 1, 2026');
    expect(formatDateRange(['2024-03-12', '2024-03-14'], 'fr')).toBe('12 mars 2024 – 14 mars 2024');
    expect(formatDateRange(['2024-03-12'], 'fr')).toBe('12 mars 2024');
  });

  it('adds the time in the convention of each language', () => {
    const en = formatDateTime(INSTANT, 'en');
    const fr = formatDateTime(INSTANT, 'fr');
    const ar = formatDateTime(INSTANT, 'ar');
    expect(en).toMatch(/^Dec 7, 2026, \d{1,2}:05\s?[AP]M$/);
    expect(fr).toMatch(/^7 déc\. 2026(,| à) \d{2}:05$/);
    expect(ar).toMatch(/^7 ديسمبر 2026، \d{1,2}:05 [صم]$/);
  });

  it('leaves what is not a date as it is, and nothing as nothing', () => {
    expect(formatDate(null, 'fr')).toBe('');
    expect(formatDateTime('not a date', 'fr')).toBe('not a date');
  });

  it('writes numbers with the separators of the language', () => {
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
    expect(formatNumber(1234567.5, 'fr')).toBe('1\u202f234\u202f567,5');
    expect(formatNumber(1234567.5, 'ar')).toBe(new Intl.NumberFormat('ar').format(1234567.5));
    expect(formatNumber(0.25, 'fr', { style: 'percent' })).toBe('25\u00a0%');
  });

  it('joins lists the way each language does, with the Arabic comma in Arabic', () => {
    expect(formatList(['Alpha', 'Bravo', 'Charlie'], 'en')).toBe('Alpha, Bravo, Charlie');
    expect(formatList(['Alpha', 'Bravo', 'Charlie'], 'fr')).toBe('Alpha, Bravo et Charlie');
    expect(formatList(['ألف', 'باء', 'جيم'], 'ar')).toBe('ألف، وباء، وجيم');
    expect(formatList(['Alpha', 'Bravo', 'Charlie'], 'en', 'conjunction')).toBe('Alpha, Bravo, and Charlie');
    expect(formatList(['ألف', '', 'باء'], 'ar')).toBe('ألف وباء');
  });

  it('says how far an instant is', () => {
    const now = Date.parse(INSTANT);
    expect(formatRelative(now + 3 * 86_400_000, now, 'en')).toBe('in 3 days');
    expect(formatRelative(now + 3 * 86_400_000, now, 'fr')).toBe('dans 3 jours');
    expect(formatRelative(now - 2 * 3_600_000, now, 'fr')).toBe('il y a 2 heures');
    expect(formatRelative(now + 3 * 86_400_000, now, 'ar')).toMatch(/أيام/);
  });

  it('uses the interface language when none is given', async () => {
    await i18next.init({ lng: 'fr', resources: {} });
    expect(formatDate('2026-12-07')).toBe('7 déc. 2026');
    await i18next.changeLanguage('ar');
    expect(formatList(['ألف', 'باء', 'جيم'])).toBe('ألف، وباء، وجيم');
  });
});
