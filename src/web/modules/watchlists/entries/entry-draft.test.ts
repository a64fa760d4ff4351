import { describe, expect, it } from 'vitest';
import { emptyEntry, entryInputOf, newNameRow, typedName, validBirthDate } from './entry-draft.js';
import { detectScript } from './script.js';

describe('the script of a name', () => {
  it('follows the letters typed', () => {
    expect(detectScript('Mamadou Diallo')).toBe('latin');
    expect(detectScript('محمد ولد عبد الله')).toBe('arabic');
    expect(detectScript('Мухаммад Усманов')).toBe('cyrillic');
    expect(detectScript('ሀይሌ ገብረሥላሴ')).toBe('ethiopic');
    expect(detectScript('ⵜⵉⴼⵉⵏⴰⵖ')).toBe('other');
    expect(detectScript('')).toBe('latin');
  });

  it('stops following once the person chose one', () => {
    const typed = typedName(newNameRow(), 'محمد');
    expect(typed.script).toBe('arabic');
    const chosen = { ...typed, script: 'other' as const, scriptChosen: true };
    expect(typedName(chosen, 'محمد علي').script).toBe('other');
  });
});

describe('a birth date', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  it('is a year or a full date that exists, not in the future', () => {
    expect(validBirthDate('1984', now)).toBe(true);
    expect(validBirthDate('1984-03-02', now)).toBe(true);
    expect(validBirthDate('1984-02-30', now)).toBe(false);
    expect(validBirthDate('84', now)).toBe(false);
    expect(validBirthDate('2027', now)).toBe(false);
    expect(validBirthDate('2026-12-08', now)).toBe(false);
    expect(validBirthDate('1899', now)).toBe(false);
  });
});

describe('an entry as the API takes it', () => {
  it('leaves out empty names and empty optional fields, and keeps each name with its script', () => {
    const draft = {
      ...emptyEntry(),
      names: [newNameRow(' Mamadou DIALLO '), newNameRow(''), newNameRow('مامادو ديالو')],
      reason: ' Wanted for questioning ',
    };
    expect(entryInputOf(draft)).toEqual({
      names: [
        { name: 'Mamadou DIALLO', script: 'latin' },
        { name: 'مامادو ديالو', script: 'arabic' },
      ],
      nationalities: [],
      identifiers: [],
      reason: 'Wanted for questioning',
    });
  });
});
