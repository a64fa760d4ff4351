/** E-mail addresses. */

import { domainToASCII, domainToUnicode } from 'node:url';
import { accept, type NormaliseResult, refuse } from '../../../../../shared/exchange/alerts/observables.js';
import { cleanInput } from './text.js';

/** RFC 5321 limits: 254 characters in all, 64 before the "@". */
const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;
/** Dot-atom of RFC 5322; quoted local parts ("john doe"@…) are legal but never seen in practice. */
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TOP_LEVEL_DOMAIN = /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

const INVALID = 'This is not a valid e-mail address.';
const TOO_LONG = refuse('too_long', `E-mail address cannot be longer than ${MAX_EMAIL_LENGTH} characters.`);

export function normaliseEmail(raw: unknown): NormaliseResult {
  const input = cleanInput(raw, 'an e-mail address', MAX_EMAIL_LENGTH + 'mailto:'.length);
  if (!input.ok) return input;
  const address = input.text.replace(/^mailto:/i, '');
  if (address.length > MAX_EMAIL_LENGTH) return TOO_LONG;
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return refuse('email_invalid', INVALID);
  const local = address.slice(0, at);
  if (local.length > MAX_LOCAL_LENGTH || !LOCAL_PART.test(local)) return refuse('email_invalid', INVALID);
  const domain = asciiDomain(address.slice(at + 1));
  if (domain === undefined) return refuse('email_invalid_domain', 'The part after the "@" is not a valid domain name.');
  // Strictly the local part is case-sensitive, but every provider in use treats it case-insensitively,
  // so "Passeur@Gmail.com" and "passeur@gmail.com" are the same mailbox. Provider quirks such as
  // Gmail ignoring dots are not applied: they hold for one provider and would merge others' mailboxes.
  const value = `${local.toLowerCase()}@${domain}`;
  if (value.length > MAX_EMAIL_LENGTH)
    return refuse('too_long', `E-mail address cannot be longer than ${MAX_EMAIL_LENGTH} characters.`);
  return accept({ kind: 'email', value, display: `${local}@${domainToUnicode(domain)}` });
}

/**
 * The domain in ASCII (internationalised names as punycode, "xn--…"), lower case, without a trailing
 * dot; undefined when it is not a domain name on the public Internet.
 */
export function asciiDomain(domain: string): string | undefined {
  const ascii = domainToASCII(domain.replace(/\.$/, '')).toLowerCase();
  if (ascii === '' || ascii.length > 253) return undefined;
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((label) => DNS_LABEL.test(label))) return undefined;
  return TOP_LEVEL_DOMAIN.test(labels[labels.length - 1]) ? ascii : undefined;
}
