import { describe, expect, it } from 'vitest';
import { progressParts } from './cycle-parts.js';
import { cycleKeys, parseCycleSearch, pdfLanguage, reportPdfLink } from './cycles-api.js';

describe('parseCycleSearch', () => {
  it('keeps a known status and drops anything else', () => {
    expect(parseCycleSearch({ status: 'open' })).toEqual({ status: 'open' });
    expect(parseCycleSearch({ status: 'closed', page: '2' })).toEqual({ status: 'closed' });
    expect(parseCycleSearch({ status: 'archived' })).toEqual({});
    expect(parseCycleSearch({ status: ['open'] })).toEqual({});
    expect(parseCycleSearch({})).toEqual({});
  });
});

describe('the cycle report in the reader language', () => {
  it('is French for French readers and English for everyone else, Arabic readers included', () => {
    expect(pdfLanguage('fr')).toBe('fr');
    expect(pdfLanguage('fr-CA')).toBe('fr');
    expect(pdfLanguage('en')).toBe('en');
    expect(pdfLanguage('ar')).toBe('en');
    expect(reportPdfLink('c/1', 'ar')).toBe('/api/v1/followup/cycles/c%2F1/report.pdf?lang=en');
    expect(reportPdfLink('c1', 'fr')).toBe('/api/v1/followup/cycles/c1/report.pdf?lang=fr');
  });
});

describe('progressParts', () => {
  it('lists the non-zero counts in the order of the vocabulary', () => {
    expect(progressParts({ not_started: 0, draft: 2, submitted: 0, returned: 1, late: 3, accepted: 1 })).toEqual([
      { progress: 'draft', count: 2 },
      { progress: 'returned', count: 1 },
      { progress: 'late', count: 3 },
      { progress: 'accepted', count: 1 },
    ]);
    expect(progressParts({ not_started: 0, draft: 0, submitted: 0, returned: 0, late: 0, accepted: 0 })).toEqual([]);
  });
});

describe('cycleKeys', () => {
  it('puts every key under the cycles key, so one invalidation refreshes lists, cycles and reports', () => {
    for (const key of [
      cycleKeys.list('open'),
      cycleKeys.one('x'),
      cycleKeys.report('y'),
      cycleKeys.commitments('CAP', 'patrols'),
    ]) {
      expect(key.slice(0, 2)).toEqual([...cycleKeys.all]);
    }
  });
});
