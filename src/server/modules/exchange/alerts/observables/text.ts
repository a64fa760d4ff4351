/**
 * Checks every raw observable goes through before its kind looks at it, and the small text
 * foldings the kinds share.
 */

import countryNames from 'i18n-iso-countries';
import { type ObservableRefusal, refuse } from '../../../../../shared/exchange/alerts/observables.js';
import { fold } from '../../../knowledge/vocabulary/normalize.js';

/** Control characters (C0, DEL, C1): no observable contains one; a line break means two values pasted as one. */
const CONTROL = /\p{Cc}/u;
/**
 * Invisible format characters: zero-width spaces and joiners, direction marks and overrides, the
 * byte-order mark. Copy-paste from chat apps leaves them behind, and direction overrides can make a
 * value read differently from what it is ("Trojan Source"), so they are removed, never kept.
 */
const INVISIBLE = /\p{Cf}/gu;
/** Angle brackets: markup, not part of any observable (escaped on output all the same). */
const MARKUP = /[<>]/;

/** Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits, as written in North Africa and the Gulf. */
const ARABIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

export function asciiDigits(text: string): string {
  return text.replace(ARABIC_DIGITS, (digit) => String(digit.charCodeAt(0) & 0xf));
}

export interface CleanInput {
  readonly ok: true;
  readonly text: string;
}

/**
 * The raw input trimmed, NFC, without invisible characters — or a refusal saying why it cannot be
 * an observable. `label` names the kind in the sentence ("a phone number").
 */
export function cleanInput(raw: unknown, label: string, maxLength: number): CleanInput | ObservableRefusal {
  if (typeof raw !== 'string') return refuse('not_text', `Expected ${label} as text.`);
  // Refuse before any work on the text, so an enormous input costs nothing.
  if (raw.length > maxLength * 4) return tooLong(label, maxLength);
  const text = raw.normalize('NFC').replace(INVISIBLE, '').trim();
  if (text === '') return refuse('empty', `Enter ${label}.`);
  if (CONTROL.test(text))
    return refuse('control_characters', `${capitalise(label)} cannot contain line breaks or control characters.`);
  if (MARKUP.test(text)) return refuse('markup', `${capitalise(label)} cannot contain the characters < or >.`);
  if (text.length > maxLength) return tooLong(label, maxLength);
  return { ok: true, text };
}

function tooLong(label: string, maxLength: number): ObservableRefusal {
  return refuse('too_long', `${capitalise(label)} cannot be longer than ${maxLength} characters.`);
}

function capitalise(label: string): string {
  const words = label.replace(/^(a|an) /, '');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Upper-case ISO 3166 alpha-2 code, or undefined when the text is not one. */
export function countryCode(code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  const upper = code.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(upper) && countryNames.isValid(upper) ? upper : undefined;
}

/** Accents folded away, upper case, every run of non-letters-or-digits a single space. */
export function foldedWords(text: string): string {
  return fold(asciiDigits(text))
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Text with its runs of white space collapsed to one space, for display. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ');
}
