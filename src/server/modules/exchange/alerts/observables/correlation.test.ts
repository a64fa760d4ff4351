import { describe, expect, it } from 'vitest';
import type { NormaliseOptions, ObservableKind } from '../../../../../shared/exchange/alerts/observables.js';
import { correlationKey, isWeakLink, type Observable, sharedObservables } from './index.js';
import { normaliseObservable } from './normalise.js';

function observable(kind: ObservableKind, raw: string, options?: NormaliseOptions): Observable {
  const result = normaliseObservable(kind, raw, options);
  if (!result.ok) throw new Error(result.reason);
  const { ok: _ok, ...rest } = result;
  return rest;
}

describe('correlationKey', () => {
  it('is the kind and the canonical value', () => {
    expect(correlationKey(observable('phone', '0661 23 45 67', { defaultCountry: 'MA' }))).toBe('phone:+212661234567');
    expect(correlationKey(observable('handle', 'https://t.me/Passeur_Nador'))).toBe('handle:telegram:passeur_nador');
  });

  it("keeps a vessel's IMO number and its name apart", () => {
    const imo = observable('vessel_imo', '9074729');
    const name = observable('vessel_name', '9074729 Star');
    expect(correlationKey(imo)).not.toBe(correlationKey(name));
    expect(correlationKey({ kind: 'vessel_imo', value: '9074729' })).not.toBe(
      correlationKey({ kind: 'vessel_name', value: '9074729' }),
    );
  });
});

describe('sharedObservables', () => {
  const earlier = [
    observable('phone', '+212 661 23 45 67'),
    observable('vessel_name', 'MV Ocean Star'),
    observable('name', 'Mohamed ALI'),
    observable('email', 'other@example.org'),
  ];

  it('finds what two alerts share however each author wrote it', () => {
    const later = [
      observable('name', 'Ali Mohamed'),
      observable('phone', '00212661234567'),
      observable('vessel_name', 'm/v OCEAN STAR'),
      observable('email', 'someone@example.org'),
    ];
    const shared = sharedObservables(later, earlier);
    expect(shared.map((link) => link.key)).toEqual(['name:ali mohamed', 'phone:+212661234567', 'vessel_name:OCEAN STAR']);
    expect(shared[1]).toMatchObject({ kind: 'phone', a: { display: '+212 6 61 23 45 67' }, b: { value: '+212661234567' } });
  });

  it('marks names and other weak identifiers for a person to review', () => {
    const shared = sharedObservables(earlier, earlier);
    expect(Object.fromEntries(shared.map((link) => [link.kind, link.weak]))).toEqual({
      phone: false,
      vessel_name: true,
      name: true,
      email: false,
    });
    expect(isWeakLink('vessel_imo')).toBe(false);
    expect(isWeakLink('vehicle_plate')).toBe(true);
  });

  it('lists each shared observable once', () => {
    const twice = [earlier[0], earlier[0]];
    expect(sharedObservables(twice, twice)).toHaveLength(1);
  });

  it('finds nothing when nothing is shared, or a list is empty', () => {
    expect(sharedObservables(earlier, [observable('phone', '+221 77 123 45 67')])).toEqual([]);
    expect(sharedObservables([], earlier)).toEqual([]);
    expect(sharedObservables(earlier, [])).toEqual([]);
  });

  it('does not link an IMO number to a vessel name with the same text', () => {
    expect(
      sharedObservables(
        [{ kind: 'vessel_imo', value: '9074729', display: '' }],
        [{ kind: 'vessel_name', value: '9074729', display: '' }],
      ),
    ).toEqual([]);
  });
});
