/** Vessels: IMO ship numbers and vessel names, two kinds that never correlate with each other. */

import { accept, type NormaliseResult, refuse } from '../../../../../shared/exchange/alerts/observables.js';
import { asciiDigits, cleanInput, collapseSpaces, foldedWords } from './text.js';

const MAX_IMO_LENGTH = 24;
const MAX_VESSEL_NAME_LENGTH = 100;

/** "IMO 9074729", "IMO no. 9074729", "imo:9074729" or the seven digits alone. */
const IMO_NUMBER = /^(?:IMO\s*(?:N[O°º]?\.?|NUMBER|NUM\.?)?\s*[:#.]?\s*)?(\d{7})$/i;

/**
 * The seventh digit of an IMO ship number checks the first six: weighted by 7, 6, 5, 4, 3 and 2,
 * their sum ends in it (IMO resolution A.1117(30)). A number failing the check is a typo.
 */
export function isImoCheckDigitValid(digits: string): boolean {
  if (!/^\d{7}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(digits[i]) * (7 - i);
  return sum % 10 === Number(digits[6]);
}

export function normaliseImo(raw: unknown): NormaliseResult {
  const input = cleanInput(raw, 'an IMO number', MAX_IMO_LENGTH);
  if (!input.ok) return input;
  const match = IMO_NUMBER.exec(asciiDigits(input.text).replace(/(?<=\d)[\s-](?=\d)/g, ''));
  if (!match) return refuse('imo_format', 'An IMO number has seven digits, for example "IMO 9074729".');
  const digits = match[1];
  if (!isImoCheckDigitValid(digits)) {
    return refuse('imo_check_digit', `IMO ${digits} is not a valid IMO number: its last digit does not match the others.`);
  }
  return accept({ kind: 'vessel_imo', value: digits, display: `IMO ${digits}` });
}

/**
 * Prefixes that say what a ship is (motor vessel, motor ship, motor tanker, fishing
 * vessel), not what it is called: "MV Ocean Star" and "Ocean Star" are the same ship.
 */
const SHIP_TYPE_PREFIX = /^(?:M\.?\/?[VST]|F\.?\/?V)\.?\s+(?=\S)/i;

export function normaliseVesselName(raw: unknown): NormaliseResult {
  const input = cleanInput(raw, 'a vessel name', MAX_VESSEL_NAME_LENGTH);
  if (!input.ok) return input;
  const display = collapseSpaces(input.text);
  const value = foldedWords(display.replace(SHIP_TYPE_PREFIX, ''));
  if (!/\p{L}/u.test(value)) return refuse('vessel_name_letters', 'A vessel name must contain letters.');
  return accept({ kind: 'vessel_name', value, display });
}
