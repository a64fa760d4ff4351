import { describe, expect, it } from 'vitest';
import { normaliseObservable, OBSERVABLE_KINDS, type ObservableKind } from './index.js';

/** A valid raw value of each kind, to show that what follows is refused because of what was added. */
const VALID: Record<ObservableKind, string> = {
  phone: '+212661234567',
  email: 'passeur@example.com',
  vessel_imo: 'IMO 9074729',
  vessel_name: 'Ocean Star',
  vehicle_plate: '1234 BCD',
  document_pattern: 'P1234****',
  url: 'https://example.com/a',
  handle: 'telegram:@passeur_nador',
  name: 'Mohamed Ali',
};

describe.each(OBSERVABLE_KINDS)('hostile input for %s', (kind) => {
  const normalise = (raw: unknown) => normaliseObservable(kind, raw, { platform: 'telegram' });

  it('accepts the valid example', () => {
    expect(normalise(VALID[kind])).toMatchObject({ ok: true, kind });
  });

  it('refuses an enormous input quickly and politely', () => {
    const enormous = VALID[kind] + 'x'.repeat(5_000_000);
    const started = performance.now();
    const result = normalise(enormous);
    expect(performance.now() - started).toBeLessThan(100);
    expect(result).toMatchObject({ ok: false, code: 'too_long' });
    expect(!result.ok && result.reason).toMatch(/cannot be longer than \d+ characters\.$/);
  });

  it.each([
    ['a line break', '\n'],
    ['a NUL', '\u0000'],
    ['an escape', '\u001b[31m'],
    ['a C1 control', '\u0085'],
  ])('refuses %s inside the value', (_label, control) => {
    const middle = Math.floor(VALID[kind].length / 2);
    const raw = VALID[kind].slice(0, middle) + control + VALID[kind].slice(middle);
    expect(normalise(raw)).toMatchObject({ ok: false, code: 'control_characters' });
  });

  it('drops invisible characters and direction overrides rather than keeping them', () => {
    const middle = Math.floor(VALID[kind].length / 2);
    const raw = `\u200f${VALID[kind].slice(0, middle)}\u202e\u200b${VALID[kind].slice(middle)}\ufeff`;
    const plain = normalise(VALID[kind]);
    const result = normalise(raw);
    expect(result).toEqual(plain);
  });

  it('refuses markup', () => {
    expect(normalise(`${VALID[kind]}<script>alert(1)</script>`)).toMatchObject({ ok: false, code: 'markup' });
    expect(normalise('<img src=x onerror=alert(1)>')).toMatchObject({ ok: false, code: 'markup' });
  });

  it.each([
    ['empty text', ''],
    ['spaces', '   \t '],
    ['a number', 42],
    ['null', null],
    ['an object', { toString: () => VALID[kind] }],
  ])('refuses %s without throwing', (_label, raw) => {
    expect(normalise(raw)).toMatchObject({ ok: false });
  });
});

describe('normaliseObservable', () => {
  it('refuses an unknown kind without throwing', () => {
    expect(normaliseObservable('password' as ObservableKind, 'x')).toMatchObject({ ok: false, code: 'unknown_kind' });
  });

  it('gives every refusal an English sentence and a slug', () => {
    const refusals = OBSERVABLE_KINDS.map((kind) => normaliseObservable(kind, '%%%'));
    for (const refusal of refusals) {
      expect(refusal.ok).toBe(false);
      if (refusal.ok) continue;
      expect(refusal.code).toMatch(/^[a-z_]+$/);
      expect(refusal.reason).toMatch(/^[A-Z"].*[.]$/);
    }
  });
});
