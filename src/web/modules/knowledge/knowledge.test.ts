import { describe, expect, it } from 'vitest';
import { parseLibrarySearch, searchRequest, snippetParts } from './knowledge.js';

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
  it('keeps known fields and turns single values into lists', () => {
    expect(parseLibrarySearch({ q: 'smuggling', country: 'MA', theme: ['a', 'b'], page: '2', sort: 'x', junk: 1 })).toEqual({
      q: 'smuggling',
      country: ['MA'],
      theme: ['a', 'b'],
      page: 2,
    });
  });

  it('repeats filters in the API request', () => {
    const url = searchRequest({ q: 'smuggling', country: ['MA', 'SN'], page: 3 });
    expect(url).toBe('/api/v1/knowledge/items?q=smuggling&sort=relevance&country=MA&country=SN&limit=20&offset=40');
  });
});
