import { describe, expect, it } from 'vitest';
import { formatPhone, phoneHref } from './phone.js';

describe('formatPhone', () => {
  it('writes numbers in international format, however they were stored', () => {
    expect(formatPhone('+221331234567')).toBe('+221 33 123 45 67');
    expect(formatPhone('+221 33 123 45 67')).toBe('+221 33 123 45 67');
    expect(formatPhone('+212-537-123456')).toBe('+212 5 37 12 34 56');
    expect(formatPhone('+34915550123')).toBe('+34 915 55 01 23');
    expect(formatPhone('  +22790123456 ')).toBe('+227 90 12 34 56');
  });

  it('leaves what is not an international number as it was given', () => {
    expect(formatPhone('ext. 42')).toBe('ext. 42');
    expect(formatPhone('0612')).toBe('0612');
  });

  it('gives the dialling address in E.164', () => {
    expect(phoneHref('+221 33 123 45 67')).toBe('tel:+221331234567');
    expect(phoneHref('call me')).toBeUndefined();
  });
});
