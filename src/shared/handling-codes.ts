/**
 * FIRST Traffic Light Protocol 2.0 handling codes, from the most to the least restrictive.
 * The meaning of each code is enforced by the visibility rule in `visibility.ts`.
 */
export const HANDLING_CODES = ['TLP:RED', 'TLP:AMBER+STRICT', 'TLP:AMBER', 'TLP:GREEN', 'TLP:CLEAR'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];

export function isHandlingCode(value: string): value is HandlingCode {
  return (HANDLING_CODES as readonly string[]).includes(value);
}

/** Lower rank = more restrictive. */
export function handlingCodeRank(code: HandlingCode): number {
  return HANDLING_CODES.indexOf(code);
}

/** `code` and the codes stricter than it, most restrictive first: what a reply to a `code` record may carry. */
export const codesKeepingOrTightening = (code: HandlingCode): HandlingCode[] =>
  HANDLING_CODES.slice(0, handlingCodeRank(code) + 1);

/** Codes above TLP:GREEN (RED, AMBER+STRICT, AMBER): every read of such a record is audited. */
export const isAboveGreen = (code: string): code is HandlingCode =>
  isHandlingCode(code) && handlingCodeRank(code) < handlingCodeRank('TLP:GREEN');
