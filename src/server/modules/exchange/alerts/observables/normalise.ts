/** One entry point for every kind of observable. */

import {
  isObservableKind,
  type NormaliseOptions,
  type NormaliseResult,
  type ObservableKind,
  refuse,
} from '../../../../../shared/exchange/alerts/observables.js';
import { normaliseDocumentPattern } from './document-pattern.js';
import { normaliseEmail } from './email.js';
import { normaliseHandle } from './handle.js';
import { normaliseName } from './name.js';
import { normalisePhone } from './phone.js';
import { normaliseUrl } from './url.js';
import { normaliseVehiclePlate } from './vehicle-plate.js';
import { normaliseImo, normaliseVesselName } from './vessel.js';

const NORMALISERS: Record<ObservableKind, (raw: unknown, options: NormaliseOptions) => NormaliseResult> = {
  phone: normalisePhone,
  email: normaliseEmail,
  vessel_imo: normaliseImo,
  vessel_name: normaliseVesselName,
  vehicle_plate: normaliseVehiclePlate,
  document_pattern: normaliseDocumentPattern,
  url: normaliseUrl,
  handle: normaliseHandle,
  name: normaliseName,
};

/**
 * The canonical `value` (for matching) and `display` (for people) of a raw observable, or a
 * refusal with a stable `code` and an English `reason`. Never throws, whatever it is given.
 */
export function normaliseObservable(kind: ObservableKind, raw: unknown, options: NormaliseOptions = {}): NormaliseResult {
  if (!isObservableKind(kind)) return refuse('unknown_kind', 'This kind of observable is not known.');
  return NORMALISERS[kind](raw, options ?? {});
}
