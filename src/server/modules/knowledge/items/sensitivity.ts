import { type HandlingCode, handlingCodeRank, isHandlingCode } from '../../../../shared/handling-codes.js';

/** Codes above TLP:GREEN: showing such a document's items to a reader is an audited read. */
export const isAboveGreen = (code: string): code is HandlingCode =>
  isHandlingCode(code) && handlingCodeRank(code) < handlingCodeRank('TLP:GREEN');
