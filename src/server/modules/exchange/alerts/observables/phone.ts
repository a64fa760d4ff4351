/**
 * Phone numbers, normalised to E.164 ("+212661234567") with libphonenumber-js. The full metadata
 * (`/max`) is used because it tells mobile from fixed lines, which matters to an analyst.
 */

import { type CountryCode, isSupportedCountry, type PhoneNumber, parsePhoneNumberWithError } from 'libphonenumber-js/max';
import {
  accept,
  type NormaliseOptions,
  type NormaliseResult,
  type Observable,
  refuse,
} from '../../../../../shared/exchange/alerts/observables.js';
import { asciiDigits, cleanInput } from './text.js';

const MAX_PHONE_LENGTH = 40;

/**
 * "00" is the international call prefix everywhere in the Rabat and Budapest Processes' countries,
 * so "00212…" means "+212…" even when no default country says so. The replacement keeps the text's
 * length, so spans found in replaced text are spans in the original.
 */
export function internationalPrefixAsPlus(text: string): string {
  return text.replace(/(^|[^\d+])00(?=[1-9])/g, '$1 +');
}

export function phoneCountry(code: string | undefined): CountryCode | undefined {
  const upper = code?.trim().toUpperCase();
  return upper && isSupportedCountry(upper) ? upper : undefined;
}

export function normalisePhone(raw: unknown, options: NormaliseOptions = {}): NormaliseResult {
  const input = cleanInput(raw, 'a phone number', MAX_PHONE_LENGTH);
  if (!input.ok) return input;
  const defaultCountry = phoneCountry(options.defaultCountry);
  if (options.defaultCountry !== undefined && defaultCountry === undefined) {
    return refuse('unknown_country', `"${options.defaultCountry}" is not a country code with a telephone numbering plan.`);
  }
  // "(+227) 90 12 34 56": a bracketed country code, common on business cards, that the parser refuses.
  const text = internationalPrefixAsPlus(asciiDigits(input.text))
    .replace(/^\s*\(\s*(\+\d{1,3})\s*\)/, '$1 ')
    .trim();
  if (!/\d/.test(text)) return refuse('phone_not_a_number', 'A phone number must contain digits.');
  let parsed: PhoneNumber;
  try {
    parsed = parsePhoneNumberWithError(text, { defaultCountry, extract: false });
  } catch (error) {
    return phoneRefusal(error instanceof Error ? error.message : '', text.startsWith('+'));
  }
  if (!parsed.isPossible()) {
    return refuse('phone_impossible', `${parsed.number} cannot be a phone number: it has the wrong number of digits.`);
  }
  return accept(phoneObservable(parsed));
}

/**
 * A number that has the right length but is not (yet) in the numbering plan is kept: operators
 * open new ranges before the metadata knows them, and a missed match costs more than a typo.
 * Such numbers have no `phoneType`.
 */
export function phoneObservable(parsed: PhoneNumber): Observable {
  const type = parsed.isValid() ? parsed.getType() : undefined;
  return {
    kind: 'phone',
    value: parsed.number,
    display: parsed.formatInternational(),
    ...(parsed.country ? { country: parsed.country } : {}),
    ...(type ? { phoneType: type.toLowerCase() } : {}),
  };
}

function phoneRefusal(message: string, international: boolean): NormaliseResult {
  switch (message) {
    case 'INVALID_COUNTRY':
      return international
        ? refuse('phone_unknown_country_code', 'The country calling code of this phone number does not exist.')
        : refuse(
            'phone_country_needed',
            'Write the number in international form (+212…, 00212…) or choose the country it belongs to.',
          );
    case 'TOO_SHORT':
      return refuse('phone_too_short', 'This phone number has too few digits.');
    case 'TOO_LONG':
      return refuse('phone_too_long', 'This phone number has too many digits.');
    default:
      return refuse('phone_not_a_number', 'This is not a phone number.');
  }
}
