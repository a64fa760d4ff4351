import { describe, expect, it } from 'vitest';
import { nameKey, normaliseObservable } from './index.js';

const name = (raw: unknown) => normaliseObservable('name', raw);

describe('names', () => {
  it.each([
    ['Mohamed ALI', 'ali mohamed'],
    ['ALI Mohamed', 'ali mohamed'],
    ['  mohamed   ali ', 'ali mohamed'],
    ['Abdel-Rahman Ould Cheikh', 'abdel cheikh ould rahman'],
    ['José María Núñez', 'jose maria nunez'],
    ['Ousmane Diallo', 'diallo ousmane'],
    ['Jürgen Strauß', 'jurgen strauss'],
    ["N'Diaye Fatou", 'diaye fatou n'],
    ['Réseau Sahel Transports SARL', 'reseau sahel sarl transports'],
  ])('"%s" has the key "%s"', (raw, value) => {
    expect(name(raw)).toMatchObject({ ok: true, kind: 'name', value });
  });

  it('gives one key to an Arabic name with or without vowel marks, tatweel and letter variants', () => {
    const keys = ['مُحَمَّد عَلِي', 'محمد علي', 'علي محمد', 'محـــمد علي', 'مُحمّد عَليّ'].map(nameKey);
    expect(new Set(keys)).toEqual(new Set(['علي محمد']));
  });

  it('folds the Arabic letters written several ways', () => {
    expect(nameKey('أحمد')).toBe(nameKey('احمد'));
    expect(nameKey('إبراهيم')).toBe(nameKey('ابراهيم'));
    expect(nameKey('مصطفى')).toBe(nameKey('مصطفي'));
    expect(nameKey('فاطمة')).toBe(nameKey('فاطمه'));
    expect(nameKey('عبد الله')).not.toBe(nameKey('عبدالله'));
  });

  it('does not match across scripts: that is for a person or a scorer to judge', () => {
    expect(nameKey('محمد علي')).not.toBe(nameKey('Mohamed Ali'));
  });

  it('keeps the name as written for display', () => {
    expect(name(' Mohamed   ALI ')).toMatchObject({ display: 'Mohamed ALI' });
    expect(name('مُحَمَّد عَلِي')).toMatchObject({ display: 'مُحَمَّد عَلِي' });
  });

  it('refuses what is not a name', () => {
    expect(name('12345')).toMatchObject({ ok: false, code: 'name_letters' });
    expect(name('---')).toMatchObject({ ok: false, code: 'name_letters' });
    expect(name('a b c d e f g h i j k l m')).toMatchObject({ ok: false, code: 'name_too_many_words' });
    expect(name('<script>alert(1)</script>')).toMatchObject({ ok: false, code: 'markup' });
    expect(name('x'.repeat(201))).toMatchObject({ ok: false, code: 'too_long' });
  });

  it('treats SQL metacharacters as punctuation between words', () => {
    expect(name("Robert'); DROP TABLE alerts;--")).toMatchObject({ ok: true, value: 'alerts drop robert table' });
  });
});
