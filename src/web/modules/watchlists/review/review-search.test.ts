import { describe, expect, it } from 'vitest';
import { parseReviewSearch } from './review-search.js';

describe('parseReviewSearch', () => {
  it('keeps a known status and a page past the first', () => {
    expect(parseReviewSearch({ status: 'confirmed', page: '3' })).toEqual({ status: 'confirmed', page: 3 });
  });

  it('drops what it does not know: the queue then shows open hits from the first page', () => {
    expect(parseReviewSearch({ status: 'pending', page: '0', name: 'Mamadou' })).toEqual({});
    expect(parseReviewSearch({ page: '2.5' })).toEqual({});
  });
});
