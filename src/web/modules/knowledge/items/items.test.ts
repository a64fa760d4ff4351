import { describe, expect, it } from 'vitest';
import { itemPath, itemRequest } from './items.js';

describe('item addresses', () => {
  it('escape the id', () => {
    expect(itemPath('a/b')).toBe('/library/items/a%2Fb');
    expect(itemRequest('a?b', 'fr')).toBe('/api/v1/knowledge/items/a%3Fb?lang=fr');
  });
});
