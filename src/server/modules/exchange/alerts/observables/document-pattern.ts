/**
 * Document-number patterns: a passport or identity-card number, whole or with hidden characters,
 * e.g. "P1234****" for the passports of a forged series. `?` stands for exactly one character and
 * `*` for any run of characters (none included), as in file-name patterns; a pattern without either
 * is a plain document number.
 */

import { accept, type NormaliseResult, type Observable, refuse } from '../../../../../shared/exchange/alerts/observables.js';
import { fold } from '../../../knowledge/vocabulary/normalize.js';
import { asciiDigits, cleanInput, collapseSpaces } from './text.js';

const MAX_PATTERN_LENGTH = 40;
/** Fewer known characters would match too many unrelated documents to be worth an alert. */
const MIN_KNOWN_CHARACTERS = 3;
/** Spaces, dashes, dots and slashes are how numbers are written, not part of them. */
const SEPARATORS = /[\s\-./]/g;

/** Upper case, without separators and accents; Arabic-Indic digits as ASCII digits. */
function compact(text: string): string {
  return fold(asciiDigits(text)).toUpperCase().replace(SEPARATORS, '');
}

export function normaliseDocumentPattern(raw: unknown): NormaliseResult {
  const input = cleanInput(raw, 'a document-number pattern', MAX_PATTERN_LENGTH);
  if (!input.ok) return input;
  // Runs of `*` mean the same as one, so they are written once and compare equal.
  const value = compact(input.text).replace(/\*+/g, '*');
  if (!/^[A-Z0-9*?]+$/.test(value)) {
    return refuse(
      'document_pattern_characters',
      'A document-number pattern contains only Latin letters, digits, * (any characters) and ? (one character).',
    );
  }
  if (value.replace(/[*?]/g, '').length < MIN_KNOWN_CHARACTERS) {
    return refuse(
      'document_pattern_too_broad',
      `A document-number pattern needs at least ${MIN_KNOWN_CHARACTERS} known letters or digits.`,
    );
  }
  return accept({ kind: 'document_pattern', value, display: collapseSpaces(input.text) });
}

/**
 * Whether a document number fits a pattern (a pattern's text or a normalised observable). An
 * invalid pattern or number matches nothing.
 */
export function matchesDocumentNumber(pattern: string | Observable, documentNumber: string): boolean {
  const canonical = typeof pattern === 'string' ? normaliseDocumentPattern(pattern) : { ok: true as const, ...pattern };
  if (!canonical.ok || canonical.kind !== 'document_pattern') return false;
  if (typeof documentNumber !== 'string' || documentNumber.length > MAX_PATTERN_LENGTH * 4) return false;
  const number = compact(documentNumber);
  if (!/^[A-Z0-9]{1,40}$/.test(number)) return false;
  return globMatches(canonical.value, number);
}

/**
 * Wildcard match in at most pattern × number steps (a regular expression could backtrack far
 * longer): on a mismatch, go back to the last `*` and let it swallow one more character.
 */
function globMatches(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      starAt = p++;
      resumeAt = t;
    } else if (starAt >= 0) {
      p = starAt + 1;
      t = ++resumeAt;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
