/**
 * Correlation: two alerts are linked when they carry an observable with the same key. The alerts
 * module compares keys only among alerts the viewer may see; nothing here knows about visibility.
 */

import type { Observable, ObservableKind } from '../../../../../shared/exchange/alerts/observables.js';

/** `${kind}:${value}`. A vessel's IMO number and its name are separate kinds and never share a key. */
export function correlationKey(observable: Pick<Observable, 'kind' | 'value'>): string {
  return `${observable.kind}:${observable.value}`;
}

/**
 * Kinds whose shared key is a hint for a person to review, not an identification: many people
 * share a name, ship names are reused, a plate's country may be unknown, a pattern is a series.
 */
const WEAK_KINDS: ReadonlySet<ObservableKind> = new Set(['name', 'vessel_name', 'vehicle_plate', 'document_pattern']);

export function isWeakLink(kind: ObservableKind): boolean {
  return WEAK_KINDS.has(kind);
}

export interface SharedObservable {
  readonly key: string;
  readonly kind: ObservableKind;
  /** The observable as the first list has it (its display may differ from the second's). */
  readonly a: Observable;
  readonly b: Observable;
  /** True when the link needs a person's judgement (see `isWeakLink`). */
  readonly weak: boolean;
}

/** Observables both lists carry, once each, in the order of the first list. */
export function sharedObservables(a: readonly Observable[], b: readonly Observable[]): SharedObservable[] {
  const inB = new Map<string, Observable>();
  for (const observable of b) {
    const key = correlationKey(observable);
    if (!inB.has(key)) inB.set(key, observable);
  }
  const shared = new Map<string, SharedObservable>();
  for (const observable of a) {
    const key = correlationKey(observable);
    const match = inB.get(key);
    if (match && !shared.has(key)) {
      shared.set(key, { key, kind: observable.kind, a: observable, b: match, weak: isWeakLink(observable.kind) });
    }
  }
  return [...shared.values()];
}
