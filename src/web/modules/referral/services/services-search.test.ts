import { describe, expect, it } from 'vitest';
import { parseServiceSearch } from './services-search.js';

describe('the services directory address', () => {
  it('keeps known filters and drops what the API would refuse', () => {
    expect(parseServiceSearch({ need: 'shelter', country: 'ES', language: 'fr', q: ' casa ', page: '2', view: 'map' })).toEqual({
      need: 'shelter',
      country: 'ES',
      language: 'fr',
      q: ' casa ',
      page: 2,
      view: 'map',
    });
    expect(
      parseServiceSearch({ need: 'haircut', country: 'Spain', language: 'english', q: '  ', page: '1', view: 'grid' }),
    ).toEqual({});
    expect(parseServiceSearch({ q: 'x'.repeat(300), page: '2.5' })).toEqual({ q: 'x'.repeat(200) });
  });
});
