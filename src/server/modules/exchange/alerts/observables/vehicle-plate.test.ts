import { describe, expect, it } from 'vitest';
import { normaliseObservable } from './index.js';

describe('vehicle plates', () => {
  it.each([
    ['1234 BCD', '1234BCD'],
    ['1234-bcd', '1234BCD'],
    ['1234.BCD', '1234BCD'],
    ['AB-123-CD', 'AB123CD'],
    ['AB 123 CD', 'AB123CD'],
    ['DK-1234-AB', 'DK1234AB'],
    ['12345 | أ | 6', '12345ا6'],
    ['12345-ا-6', '12345ا6'],
    ['١٢٣٤٥ أ ٦', '12345ا6'],
    ['8 AB 1234 RN', '8AB1234RN'],
  ])('"%s" matches as %s', (raw, value) => {
    expect(normaliseObservable('vehicle_plate', raw)).toMatchObject({ ok: true, kind: 'vehicle_plate', value });
  });

  it('keeps the written form for display', () => {
    expect(normaliseObservable('vehicle_plate', ' 1234  BCD ')).toMatchObject({ value: '1234BCD', display: '1234 BCD' });
  });

  it('keeps the country beside the value, not in it', () => {
    expect(normaliseObservable('vehicle_plate', '1234 BCD', { country: 'es' })).toEqual({
      ok: true,
      kind: 'vehicle_plate',
      value: '1234BCD',
      display: '1234 BCD',
      country: 'ES',
    });
  });

  it('refuses an unknown country', () => {
    expect(normaliseObservable('vehicle_plate', '1234 BCD', { country: 'Spain' })).toMatchObject({
      ok: false,
      code: 'unknown_country',
    });
    expect(normaliseObservable('vehicle_plate', '1234 BCD', { country: 'ZZ' })).toMatchObject({
      ok: false,
      code: 'unknown_country',
    });
  });

  it('refuses what cannot be a plate', () => {
    expect(normaliseObservable('vehicle_plate', 'A')).toMatchObject({ ok: false, code: 'plate_too_short' });
    expect(normaliseObservable('vehicle_plate', '1234 BCD; DROP TABLE')).toMatchObject({ ok: false, code: 'plate_characters' });
    expect(normaliseObservable('vehicle_plate', "1234' OR '1'='1")).toMatchObject({ ok: false, code: 'plate_characters' });
    expect(normaliseObservable('vehicle_plate', '1234567890123456789012')).toMatchObject({ ok: false, code: 'too_long' });
  });
});
