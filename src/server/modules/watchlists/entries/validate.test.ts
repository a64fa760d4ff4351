import { describe, expect, it } from 'vitest';
import { addDays, checkBirthDate, checkNames, detectScript, reviewDateOf } from './validate.js';

const NOW = new Date('2026-12-07T12:00:00Z');

describe('entry fields', () => {
  it('detects the script of a name from its letters', () => {
    expect(detectScript('Mamadou DIALLO')).toBe('latin');
    expect(detectScript('محمد ولد عبد الله')).toBe('arabic');
    expect(detectScript('Усман Османов')).toBe('cyrillic');
    expect(detectScript('ሙሐመድ')).toBe('ethiopic');
    expect(detectScript('金正')).toBe('other');
    expect(detectScript("N'Diaye-Sow 2")).toBe('latin');
    expect(detectScript('12 - 34')).toBeNull();
  });

  it('refuses a name without letters or in another script than declared', () => {
    expect(checkNames([{ name: '  Abdel   Rahman ' }])).toEqual([{ name: 'Abdel Rahman', script: 'latin' }]);
    expect(() => checkNames([{ name: '1234' }])).toThrow(/no letters/);
    expect(() => checkNames([{ name: 'Mohamed', script: 'arabic' }])).toThrow(/declared script/);
    expect(checkNames([{ name: 'محمد', script: 'arabic' }])[0].script).toBe('arabic');
  });

  it('takes a birth year or date, not in the future', () => {
    expect(checkBirthDate('1984', NOW)).toBe('1984');
    expect(checkBirthDate('1984-02-29', NOW)).toBe('1984-02-29');
    for (const bad of ['1985-02-29', '84', '1984-13-01', '1899', '2027', '2026-12-08', '1984-3-2'])
      expect(() => checkBirthDate(bad, NOW), bad).toThrow();
  });

  it('sets the review date within the period, at its end by default', () => {
    expect(reviewDateOf(undefined, 30, NOW)).toBe('2027-01-06');
    expect(reviewDateOf('2026-12-07', 30, NOW)).toBe('2026-12-07');
    expect(() => reviewDateOf('2026-12-06', 30, NOW)).toThrow(/review date/);
    expect(() => reviewDateOf('2027-01-07', 30, NOW)).toThrow(/review date/);
    expect(() => reviewDateOf('2027-02-30', 365, NOW)).toThrow(/review date/);
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });
});
