import { describe, expect, it } from 'vitest';
import { isImoCheckDigitValid, normaliseObservable } from './index.js';

describe('IMO numbers', () => {
  it.each(['9074729', '9176187', '9321483', '8814275'])('accepts %s, whose check digit is right', (digits) => {
    expect(isImoCheckDigitValid(digits)).toBe(true);
    expect(normaliseObservable('vessel_imo', digits)).toEqual({
      ok: true,
      kind: 'vessel_imo',
      value: digits,
      display: `IMO ${digits}`,
    });
  });

  it.each(['9074728', '9074720', '9176188', '1234568'])('refuses %s, whose check digit is wrong', (digits) => {
    expect(isImoCheckDigitValid(digits)).toBe(false);
    const result = normaliseObservable('vessel_imo', digits);
    expect(result).toMatchObject({ ok: false, code: 'imo_check_digit' });
    expect(!result.ok && result.reason).toContain(digits);
  });

  it.each([
    'IMO 9074729',
    'imo9074729',
    'IMO: 9074729',
    'IMO No. 9074729',
    'IMO n° 9074729',
    'IMO number 9074729',
    ' 907 4729 ',
    '٩٠٧٤٧٢٩',
  ])('reads "%s"', (raw) => {
    expect(normaliseObservable('vessel_imo', raw)).toMatchObject({ ok: true, value: '9074729' });
  });

  it.each(['907472', '90747291', 'IMO', 'MMSI 224123450', '9O74729', ''])('refuses "%s"', (raw) => {
    expect(normaliseObservable('vessel_imo', raw)).toMatchObject({ ok: false });
  });
});

describe('vessel names', () => {
  it.each([
    ['MV Ocean Star', 'OCEAN STAR'],
    ['M/V  ocean   star', 'OCEAN STAR'],
    ['m.v. Ocean Star', 'OCEAN STAR'],
    ['MS Océan Star', 'OCEAN STAR'],
    ['M/S Ocean-Star', 'OCEAN STAR'],
    ['MT Ocean Star', 'OCEAN STAR'],
    ['F/V Ocean Star', 'OCEAN STAR'],
    ['Sea-Watch 3', 'SEA WATCH 3'],
    ['Nuestra Señora del Carmen', 'NUESTRA SENORA DEL CARMEN'],
    ['Mvula', 'MVULA'],
    ['MV', 'MV'],
    ['سفينة الأمل', 'سفينة الامل'],
  ])('"%s" matches as "%s"', (raw, value) => {
    expect(normaliseObservable('vessel_name', raw)).toMatchObject({ ok: true, kind: 'vessel_name', value });
  });

  it('keeps the name as written for display, spaces collapsed', () => {
    expect(normaliseObservable('vessel_name', '  MV   Ocean Star ')).toMatchObject({ display: 'MV Ocean Star' });
  });

  it('refuses a name without letters', () => {
    expect(normaliseObservable('vessel_name', '1234 --')).toMatchObject({ ok: false, code: 'vessel_name_letters' });
  });
});
