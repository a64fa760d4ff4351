import { describe, expect, it } from 'vitest';
import { normaliseObservable } from './index.js';

const phone = (raw: unknown, defaultCountry?: string) => normaliseObservable('phone', raw, { defaultCountry });

describe('phone numbers', () => {
  it.each([
    // written as people write them in each country, international and national forms
    ['+212 6 61 23 45 67', undefined, '+212661234567', 'MA', 'mobile'],
    ['00212-661-234567', undefined, '+212661234567', 'MA', 'mobile'],
    ['+212 (0)6 61 23 45 67', undefined, '+212661234567', 'MA', 'mobile'],
    ['06.61.23.45.67', 'MA', '+212661234567', 'MA', 'mobile'],
    ['0522 12 34 56', 'MA', '+212522123456', 'MA', 'fixed_line'],
    ['+221 77 123 45 67', undefined, '+221771234567', 'SN', 'mobile'],
    ['77 123 45 67', 'SN', '+221771234567', 'SN', 'mobile'],
    ['(+227) 90 12 34 56', undefined, '+22790123456', 'NE', 'mobile'],
    ['90123456', 'NE', '+22790123456', 'NE', 'mobile'],
    ['+34 612 34 56 78', undefined, '+34612345678', 'ES', 'mobile'],
    ['612-345-678', 'ES', '+34612345678', 'ES', 'mobile'],
    ['+39 347 123 4567', undefined, '+393471234567', 'IT', 'mobile'],
    // Italian fixed lines keep their leading 0 after the country code
    ['06 1234 5678', 'IT', '+390612345678', 'IT', 'fixed_line'],
    ['+218 91-234-5678', undefined, '+218912345678', 'LY', 'mobile'],
    ['091 234 5678', 'LY', '+218912345678', 'LY', 'mobile'],
  ])('%s (default %s) is %s', (raw, country, value, expectedCountry, type) => {
    const result = phone(raw, country);
    expect(result).toMatchObject({ ok: true, kind: 'phone', value, country: expectedCountry, phoneType: type });
  });

  it('reads Arabic-Indic and Eastern Arabic-Indic digits', () => {
    expect(phone('+٢١٢ ٦٦١ ٢٣ ٤٥ ٦٧')).toMatchObject({ ok: true, value: '+212661234567' });
    expect(phone('۰۶۶۱۲۳۴۵۶۷', 'MA')).toMatchObject({ ok: true, value: '+212661234567' });
  });

  it('shows the number in international form', () => {
    expect(phone('0661234567', 'ma')).toMatchObject({ display: '+212 6 61 23 45 67' });
  });

  it('gives the same value for every way of writing one number', () => {
    const values = ['+212661234567', '00212 661 23 45 67', '0661-23-45-67', '(0)661 23 45 67'].map((raw) => {
      const result = phone(raw, 'MA');
      return result.ok ? result.value : result.code;
    });
    expect(new Set(values)).toEqual(new Set(['+212661234567']));
  });

  it('needs a country for a national number', () => {
    expect(phone('0661234567')).toMatchObject({ ok: false, code: 'phone_country_needed' });
  });

  it('refuses an unknown default country', () => {
    expect(phone('0661234567', 'XX')).toMatchObject({ ok: false, code: 'unknown_country' });
    expect(phone('0661234567', 'Morocco')).toMatchObject({ ok: false, code: 'unknown_country' });
  });

  it('refuses impossible numbers with a reason', () => {
    expect(phone('+212 6')).toMatchObject({ ok: false, code: 'phone_too_short' });
    expect(phone('+221 77 123 45 67 89 01')).toMatchObject({ ok: false });
    expect(phone('+999 1234 5678')).toMatchObject({ ok: false, code: 'phone_unknown_country_code' });
    expect(phone('call me')).toMatchObject({ ok: false, code: 'phone_not_a_number' });
    const refused = phone('+212 6');
    expect(!refused.ok && refused.reason).toMatch(/digits/);
  });

  it('refuses a number hidden in other text', () => {
    expect(phone('call 0661234567 tonight', 'MA')).toMatchObject({ ok: false });
  });

  it('keeps a number of the right length the numbering plan does not know yet, without a type', () => {
    // +212 4… has the length of a Moroccan number but no range is allocated there (yet)
    const result = phone('+212 4 12 34 56 78');
    expect(result).toMatchObject({ ok: true, value: '+212412345678' });
    expect(result.ok && result.phoneType).toBeUndefined();
  });
});
