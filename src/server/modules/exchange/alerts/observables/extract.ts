/**
 * Observables found in free text, such as an alert's description: phone numbers, e-mail
 * addresses, IMO numbers, web addresses and social-media handles. They are suggestions that the
 * author confirms, never observables by themselves.
 */

import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import type { NormaliseResult, Observable, SocialPlatform } from '../../../../../shared/exchange/alerts/observables.js';
import { correlationKey } from './correlation.js';
import { normaliseEmail } from './email.js';
import { normaliseHandle } from './handle.js';
import { internationalPrefixAsPlus, phoneCountry, phoneObservable } from './phone.js';
import { asciiDigits } from './text.js';
import { normaliseUrl } from './url.js';
import { normaliseImo } from './vessel.js';

/** Longer texts are scanned up to this length only; the result says so. */
export const MAX_EXTRACTION_TEXT_LENGTH = 100_000;

export interface TextSpan {
  /** UTF-16 offsets in the text given, as `String.prototype.slice` takes them. */
  readonly start: number;
  readonly end: number;
}

export interface ObservableCandidate extends Observable {
  /** Every place the observable was written, in order. */
  readonly spans: TextSpan[];
}

export interface ExtractionResult {
  readonly candidates: ObservableCandidate[];
  /** True when the text was longer than MAX_EXTRACTION_TEXT_LENGTH and its end was not scanned. */
  readonly truncated: boolean;
}

export interface ExtractOptions {
  /** ISO alpha-2 country of numbers written in national form. */
  readonly defaultCountry?: string;
  /** Platform of an "@name" that no platform name precedes. */
  readonly platform?: SocialPlatform;
}

interface Found extends TextSpan {
  readonly result: NormaliseResult;
}

// Every pattern is bounded or anchored by a look-behind, so a hostile text cannot make it backtrack.
const WEB_ADDRESS = /(?:\bhttps?:\/\/|\bwww\.|(?<![\w.@-])(?:t|wa|telegram)\.me\/)[^\s<>"'`[\]{}|\\^]{1,2000}/gi;
const EMAIL = /(?<![\p{L}\p{N}._%+-])[A-Za-z0-9._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}/gu;
const IMO = /\bIMO(?:\s{0,3}(?:N[O°º]?\.?|number|num\.?))?\s{0,3}[:#.]?\s{0,3}(\d{7})(?!\d)/gi;
const HANDLE = /(?<![\p{L}\p{N}_.@/])@([A-Za-z0-9_.]{1,50})/gu;

/** Platform names as written in English, French and Arabic texts, nearest before a handle wins. */
const PLATFORM_MENTIONS: readonly [RegExp, SocialPlatform][] = [
  [/telegram|télégram|تيليجرام|تيليغرام|تلغرام|تلجرام/gi, 'telegram'],
  [/twitter|تويتر/gi, 'x'],
  [/facebook|فيسبوك|فيس بوك/gi, 'facebook'],
  [/tik ?tok|تيك ?توك/gi, 'tiktok'],
  [/instagram|انستغرام|إنستغرام|انستجرام/gi, 'instagram'],
  [/whats ?app|واتساب|واتس اب/gi, 'whatsapp'],
];
const PLATFORM_MENTION_REACH = 40;
const SENTENCE_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '»', '”', '’']);

export function extractObservables(text: unknown, options: ExtractOptions = {}): ExtractionResult {
  if (typeof text !== 'string') return { candidates: [], truncated: false };
  const scanned = asciiDigits(text.slice(0, MAX_EXTRACTION_TEXT_LENGTH));
  // Earlier finders claim their characters: the digits of a web address or an IMO number are not a
  // phone. One flag per character keeps the check linear however many candidates a text holds.
  const claimed = new Uint8Array(scanned.length);
  const found: Found[] = [];
  const finders = [findWebAddresses, findEmails, findImoNumbers, findHandles, findPhones];
  for (const finder of finders) {
    for (const candidate of finder(scanned, options)) {
      if (claimed.subarray(candidate.start, candidate.end).includes(1)) continue;
      claimed.fill(1, candidate.start, candidate.end);
      found.push(candidate);
    }
  }
  return { candidates: mergeByKey(found), truncated: text.length > MAX_EXTRACTION_TEXT_LENGTH };
}

function* matches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) yield match;
}

function* findWebAddresses(text: string): Generator<Found> {
  for (const match of matches(WEB_ADDRESS, text)) {
    const address = trimTrailingPunctuation(match[0]);
    const profile = normaliseHandle(address);
    const result = profile.ok ? profile : normaliseUrl(address);
    yield { start: match.index, end: match.index + address.length, result };
  }
}

/** Sentence punctuation after an address, and closing brackets that have no opening one inside it. */
function trimTrailingPunctuation(address: string): string {
  let opened = 0;
  let closed = 0;
  for (const character of address) {
    if (character === '(') opened++;
    else if (character === ')') closed++;
  }
  let end = address.length;
  while (end > 0) {
    const last = address[end - 1];
    if (last === ')' && closed > opened) closed--;
    else if (!SENTENCE_PUNCTUATION.has(last)) break;
    end--;
  }
  return address.slice(0, end);
}

function* findEmails(text: string): Generator<Found> {
  for (const match of matches(EMAIL, text)) {
    yield { start: match.index, end: match.index + match[0].length, result: normaliseEmail(match[0]) };
  }
}

function* findImoNumbers(text: string): Generator<Found> {
  for (const match of matches(IMO, text)) {
    yield { start: match.index, end: match.index + match[0].length, result: normaliseImo(match[1]) };
  }
}

function* findHandles(text: string, options: ExtractOptions): Generator<Found> {
  for (const match of matches(HANDLE, text)) {
    const name = match[1].replace(/\.+$/, '');
    const platform = platformMentionedBefore(text, match.index) ?? options.platform;
    if (!platform) continue;
    yield { start: match.index, end: match.index + 1 + name.length, result: normaliseHandle(`@${name}`, { platform }) };
  }
}

function platformMentionedBefore(text: string, at: number): SocialPlatform | undefined {
  const before = text.slice(Math.max(0, at - PLATFORM_MENTION_REACH), at);
  let nearest: { platform: SocialPlatform; index: number } | undefined;
  for (const [mention, platform] of PLATFORM_MENTIONS) {
    for (const match of matches(mention, before)) {
      if (!nearest || match.index > nearest.index) nearest = { platform, index: match.index };
    }
  }
  return nearest?.platform;
}

function* findPhones(text: string, options: ExtractOptions): Generator<Found> {
  const defaultCountry = phoneCountry(options.defaultCountry);
  const prepared = internationalPrefixAsPlus(text);
  for (const { number, startsAt, endsAt } of findPhoneNumbersInText(prepared, { defaultCountry })) {
    // Where the author wrote "00", the number starts one character before the "+" put in its place.
    const start = prepared[startsAt] === '+' && text[startsAt] === '0' ? startsAt - 1 : startsAt;
    yield { start, end: endsAt, result: { ok: true, ...phoneObservable(number) } };
  }
}

function mergeByKey(found: readonly Found[]): ObservableCandidate[] {
  const byKey = new Map<string, { observable: Observable; spans: TextSpan[] }>();
  for (const { start, end, result } of [...found].sort((a, b) => a.start - b.start)) {
    if (!result.ok) continue;
    const { ok: _ok, ...observable } = result;
    const key = correlationKey(observable);
    const entry = byKey.get(key) ?? byKey.set(key, { observable, spans: [] }).get(key)!;
    entry.spans.push({ start, end });
  }
  return [...byKey.values()].map(({ observable, spans }) => ({ ...observable, spans }));
}
