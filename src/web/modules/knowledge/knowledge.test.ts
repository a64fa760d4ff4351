import { defaultParseSearch, defaultStringifySearch } from '@tanstack/react-router';
import { describe, expect, it } from 'vitest';
import { type LibraryQuery, libraryQuery, librarySearch, parseLibrarySearch, searchRequest, snippetParts } from './knowledge.js';

describe('snippetParts', () => {
  it('splits on mark tags and unescapes the rest as text', () => {
    expect(snippetParts('Fight <mark>smuggling</mark> &lt;b&gt; &amp; more')).toEqual([
      { text: 'Fight ', marked: false },
      { text: 'smuggling', marked: true },
      { text: ' <b> & more', marked: false },
    ]);
  });

  it('never turns escaped markup into tags', () => {
    const parts = snippetParts('&lt;mark&gt;x&lt;/mark&gt;<script>');
    expect(parts).toEqual([{ text: '<mark>x</mark><script>', marked: false }]);
  });
});

describe('library search in the URL', () => {
  // The router's own writer and reader of the address bar, as the search page uses them.
  const address = (query: LibraryQuery) => defaultStringifySearch(librarySearch(query));
  const read = (href: string) => libraryQuery(parseLibrarySearch(defaultParseSearch(href)));

  it('keeps known fields and turns single values into lists', () => {
    expect(libraryQuery({ q: 'smuggling', country: 'MA', theme: ['a', 'b'], page: '2', sort: 'x', junk: 1 })).toEqual({
      q: 'smuggling',
      country: ['MA'],
      theme: ['a', 'b'],
      page: 2,
    });
  });

  it('writes filters as readable words, several values as a comma list', () => {
    expect(address({ theme: ['document_security_and_fraud'], country: ['SN'], type: ['recommendation'] })).toBe(
      '?type=recommendation&country=SN&theme=document_security_and_fraud',
    );
    expect(address({ q: 'passeports', country: ['SN', 'MA'], year: ['2024'], page: 2 })).toBe(
      '?q=passeports&page=2&country=SN%2CMA&year=2024',
    );
  });

  it('reads back what it wrote', () => {
    const queries: LibraryQuery[] = [
      {},
      { q: 'border management', sort: 'date', page: 3 },
      { country: ['SN', 'MA'], year: ['2024', '2023'], reference: ['MAP:domain:2', 'GCM:11'] },
      { year: ['2024'], process: ['rabat'], organisation: ['iom'], type: ['challenge', 'good_practice'] },
      { q: '2024' },
    ];
    for (const query of queries) expect(read(address(query))).toEqual(query);
  });

  it('reads repeated parameters and the JSON lists of older links', () => {
    expect(read('?country=SN&country=MA&theme=a')).toEqual({ country: ['SN', 'MA'], theme: ['a'] });
    expect(read('?country=%5B%22SN%22%2C%22MA%22%5D&year=%5B2024%5D')).toEqual({ country: ['SN', 'MA'], year: ['2024'] });
    expect(read('?country=SN,,SN,%20MA')).toEqual({ country: ['SN', 'MA'] });
  });

  it('repeats filters in the API request', () => {
    const url = searchRequest({ q: 'smuggling', country: ['MA', 'SN'], page: 3 });
    expect(url).toBe('/api/v1/knowledge/items?q=smuggling&sort=relevance&country=MA&country=SN&limit=20&offset=40');
  });
});
