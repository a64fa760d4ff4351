/**
 * Observables are the facts an early-warning alert carries that another alert may share: a phone
 * number, a vessel, a web page… Each is kept twice: `value`, a canonical form that two alerts
 * compare for equality, and `display`, the form a person reads.
 */

export const OBSERVABLE_KINDS = [
  'phone',
  'email',
  'vessel_imo',
  'vessel_name',
  'vehicle_plate',
  'document_pattern',
  'url',
  'handle',
  'name',
] as const;

export type ObservableKind = (typeof OBSERVABLE_KINDS)[number];

export const SOCIAL_PLATFORMS = ['x', 'telegram', 'facebook', 'tiktok', 'instagram', 'whatsapp'] as const;

export type SocialPlatform = (typeof SOCIAL_PLATFORMS)[number];

/** What libphonenumber-js knows about a number's line, lower-cased (`mobile`, `fixed_line`, …). */
export type PhoneNumberType = string;

export interface Observable {
  readonly kind: ObservableKind;
  /** Canonical form, compared for equality when alerts are correlated. */
  readonly value: string;
  /** Form for people. */
  readonly display: string;
  /** ISO 3166 alpha-2: the country of a phone number or, when given, of a vehicle plate. */
  readonly country?: string;
  /** Line type of a phone number, when the numbering plan tells it. */
  readonly phoneType?: PhoneNumberType;
  /** Platform of a social-media handle. */
  readonly platform?: SocialPlatform;
}

export interface ObservableRefusal {
  readonly ok: false;
  /** Stable slug for programs and translations. */
  readonly code: string;
  /** English sentence for people. */
  readonly reason: string;
}

export type NormalisedObservable = { readonly ok: true } & Observable;

export type NormaliseResult = NormalisedObservable | ObservableRefusal;

export interface NormaliseOptions {
  /** ISO alpha-2 country for phone numbers written in national form ("0661 23 45 67"). */
  readonly defaultCountry?: string;
  /** ISO alpha-2 country that issued a vehicle plate. */
  readonly country?: string;
  /** Platform of a bare "@name" handle. */
  readonly platform?: SocialPlatform;
}

export function refuse(code: string, reason: string): ObservableRefusal {
  return { ok: false, code, reason };
}

export function accept(observable: Observable): NormalisedObservable {
  return { ok: true, ...observable };
}

export function isObservableKind(kind: unknown): kind is ObservableKind {
  return typeof kind === 'string' && (OBSERVABLE_KINDS as readonly string[]).includes(kind);
}

export function isSocialPlatform(platform: unknown): platform is SocialPlatform {
  return typeof platform === 'string' && (SOCIAL_PLATFORMS as readonly string[]).includes(platform);
}
