import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * A phone number as every page writes it: international format ("+221 33 123 45 67"), whatever
 * way it was stored or typed. The small ("min") metadata is enough to group digits, and keeps
 * the web bundle light. Something that is not a number is shown as it was given.
 */
export function formatPhone(value: string): string {
  const parsed = parsePhoneNumberFromString(value.trim());
  return parsed ? parsed.formatInternational() : value.trim();
}

/** The `tel:` address of a number (E.164), or undefined when it cannot be dialled as given. */
export function phoneHref(value: string): string | undefined {
  const parsed = parsePhoneNumberFromString(value.trim());
  return parsed ? `tel:${parsed.number}` : undefined;
}
