/** Vehicle registration plates. */

import {
  accept,
  type NormaliseOptions,
  type NormaliseResult,
  refuse,
} from '../../../../../shared/exchange/alerts/observables.js';
import { fold } from '../../../knowledge/vocabulary/normalize.js';
import { asciiDigits, cleanInput, collapseSpaces, countryCode } from './text.js';

const MAX_PLATE_LENGTH = 20;

/**
 * `value` keeps only the letters and digits, upper case: "1234-BCD", "1234 BCD" and "1234bcd" are
 * the same plate. Arabic letters stay (Moroccan plates read "12345 | أ | 6"). The country is kept
 * beside the value, not in it, because an alert often gives a plate without saying where it was
 * issued; two alerts with the same plate and different countries are for a person to judge.
 */
export function normaliseVehiclePlate(raw: unknown, options: NormaliseOptions = {}): NormaliseResult {
  const input = cleanInput(raw, 'a vehicle plate', MAX_PLATE_LENGTH);
  if (!input.ok) return input;
  const country = countryCode(options.country);
  if (options.country !== undefined && country === undefined) {
    return refuse('unknown_country', `"${options.country}" is not an ISO 3166 country code.`);
  }
  // Marks are folded away: the أ of Moroccan plates is often typed ا.
  const value = fold(asciiDigits(input.text))
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
  if (!/^[\p{L}\p{N}\s\-./|·]+$/u.test(input.text)) {
    return refuse('plate_characters', 'A vehicle plate contains only letters, digits, spaces, dashes and dots.');
  }
  if (value.length < 2) return refuse('plate_too_short', 'A vehicle plate has at least two letters or digits.');
  return accept({ kind: 'vehicle_plate', value, display: collapseSpaces(input.text), ...(country ? { country } : {}) });
}
