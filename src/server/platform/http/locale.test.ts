import { describe, expect, it } from 'vitest';
import { requestLocale } from './locale.js';

describe('requestLocale', () => {
  it('takes an explicit choice first, then Accept-Language by weight, else English', () => {
    expect(requestLocale('ar', 'fr-FR,fr;q=0.9')).toBe('ar');
    expect(requestLocale(undefined, 'fr-FR,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(requestLocale(undefined, 'de-DE, en;q=0.5, ar;q=0.7')).toBe('ar');
    expect(requestLocale(undefined, 'de, es')).toBe('en');
    expect(requestLocale(undefined, 'fr;q=0, ar')).toBe('ar');
    expect(requestLocale('xx', undefined)).toBe('en');
    expect(requestLocale(undefined, '')).toBe('en');
  });
});
