import { describe, expect, it } from 'vitest';
import { exportLink } from './export-link.js';

describe('export links', () => {
  it("carry the search's words, filters and order, not its page, and the citation language", () => {
    const link = new URL(
      exportLink({ q: 'border management', country: ['MA', 'SN'], type: ['recommendation'], page: 4 }, 'csv', 'fr'),
      'http://liaison.test',
    );
    expect(link.pathname).toBe('/api/v1/knowledge/export.csv');
    expect(link.searchParams.get('q')).toBe('border management');
    expect(link.searchParams.getAll('country')).toEqual(['MA', 'SN']);
    expect(link.searchParams.getAll('type')).toEqual(['recommendation']);
    expect(link.searchParams.get('sort')).toBe('relevance');
    expect(link.searchParams.get('lang')).toBe('fr');
    expect(link.searchParams.has('limit')).toBe(false);
    expect(link.searchParams.has('offset')).toBe(false);
  });

  it('ask for the PDF digest in English when the interface is in Arabic (its fonts have no Arabic)', () => {
    expect(exportLink({}, 'pdf', 'ar')).toBe('/api/v1/knowledge/export.pdf?sort=date&lang=en');
    expect(exportLink({}, 'json', 'ar')).toBe('/api/v1/knowledge/export.json?sort=date&lang=ar');
    expect(exportLink({}, 'json', 'de')).toBe('/api/v1/knowledge/export.json?sort=date&lang=en');
  });
});
