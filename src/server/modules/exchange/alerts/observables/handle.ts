/**
 * Social-media handles: `value` is "platform:handle" in lower case ("telegram:passeur_2024"),
 * written as "@Name" with a platform, as "telegram:@Name", or as a profile address
 * ("https://t.me/Name", "https://www.tiktok.com/@name", "https://wa.me/212661234567").
 */

import {
  accept,
  isSocialPlatform,
  type NormaliseOptions,
  type NormaliseResult,
  refuse,
  type SocialPlatform,
} from '../../../../../shared/exchange/alerts/observables.js';
import { normalisePhone } from './phone.js';
import { cleanInput } from './text.js';
import { parseWebAddress } from './url.js';

const MAX_HANDLE_LENGTH = 300;

/** Each platform's rule for user names; all of them compare names without regard to case. */
const HANDLE_SYNTAX: Record<Exclude<SocialPlatform, 'whatsapp'>, RegExp> = {
  x: /^[a-z0-9_]{1,15}$/,
  telegram: /^[a-z][a-z0-9_]{3,31}$/,
  facebook: /^[a-z0-9.]{5,50}$/,
  tiktok: /^[a-z0-9._]{2,24}$/,
  instagram: /^[a-z0-9._]{1,30}$/,
};

const PLATFORM_LABELS: Record<SocialPlatform, string> = {
  x: 'X',
  telegram: 'Telegram',
  facebook: 'Facebook',
  tiktok: 'TikTok',
  instagram: 'Instagram',
  whatsapp: 'WhatsApp',
};

const PLATFORM_ALIASES: Record<string, SocialPlatform> = {
  twitter: 'x',
  tg: 'telegram',
  fb: 'facebook',
  ig: 'instagram',
  wa: 'whatsapp',
};

const PROFILE_HOSTS: Record<string, SocialPlatform> = {
  'x.com': 'x',
  'twitter.com': 'x',
  't.me': 'telegram',
  'telegram.me': 'telegram',
  'telegram.dog': 'telegram',
  'facebook.com': 'facebook',
  'fb.com': 'facebook',
  'tiktok.com': 'tiktok',
  'instagram.com': 'instagram',
  'wa.me': 'whatsapp',
  'api.whatsapp.com': 'whatsapp',
};

/** First path segments that are pages of the platform, not profiles. */
const NOT_PROFILES = new Set(
  (
    'home i intent search explore hashtag share settings messages notifications joinchat addstickers ' +
    'proxy socks login signup p reel reels stories tv groups events pages watch marketplace gaming help ' +
    'privacy policies tag discover'
  ).split(' '),
);

const PLATFORM_PREFIX = /^([a-z]+)\s*:\s*(.+)$/i;

export function normaliseHandle(raw: unknown, options: NormaliseOptions = {}): NormaliseResult {
  const input = cleanInput(raw, 'a social-media handle', MAX_HANDLE_LENGTH);
  if (!input.ok) return input;
  const prefixed = PLATFORM_PREFIX.exec(input.text);
  const named = prefixed ? platformNamed(prefixed[1]) : undefined;
  if (named) return handleOn(named, prefixed![2]);
  if (input.text.includes('/')) return profileHandle(input.text);
  if (!options.platform) {
    return refuse(
      'handle_platform_needed',
      'Say which platform this handle is on (Telegram, X, Facebook, TikTok, Instagram or WhatsApp).',
    );
  }
  if (!isSocialPlatform(options.platform))
    return refuse('handle_unknown_platform', `"${options.platform}" is not a platform Liaison knows.`);
  return handleOn(options.platform, input.text);
}

function platformNamed(name: string): SocialPlatform | undefined {
  const lower = name.toLowerCase();
  return isSocialPlatform(lower) ? lower : PLATFORM_ALIASES[lower];
}

/** The handle of a profile address ("https://t.me/s/name/123" → telegram:name). */
function profileHandle(text: string): NormaliseResult {
  const notProfile = refuse(
    'handle_not_a_profile',
    'This web address is not the address of a profile on a platform Liaison knows.',
  );
  const url = parseWebAddress(text);
  if (!url) return notProfile;
  const host = url.hostname.replace(/^(www|m|mobile|web)\./, '');
  const platform = PROFILE_HOSTS[host];
  if (!platform) return notProfile;
  const segments = url.pathname.split('/').filter(Boolean);
  if (platform === 'telegram' && segments[0] === 's') segments.shift();
  if (platform === 'facebook' && segments[0] === 'profile.php') {
    const id = url.searchParams.get('id');
    return id && /^\d{5,20}$/.test(id)
      ? accept({ kind: 'handle', value: `facebook:${id}`, display: `Facebook ${id}`, platform })
      : notProfile;
  }
  if (platform === 'whatsapp' && (segments.length === 0 || segments[0] === 'send')) {
    const phone = url.searchParams.get('phone');
    return phone ? handleOn(platform, phone) : notProfile;
  }
  const first = segments[0];
  if (!first || NOT_PROFILES.has(first.toLowerCase()) || first.startsWith('+')) return notProfile;
  // TikTok writes profiles as "/@name"; handleOn drops the "@" as it does in text.
  return handleOn(platform, first);
}

function handleOn(platform: SocialPlatform, written: string): NormaliseResult {
  const handle = written.trim().replace(/^@/, '');
  if (platform === 'whatsapp') return whatsappHandle(handle);
  const lower = handle.toLowerCase();
  if (!HANDLE_SYNTAX[platform].test(lower)) {
    return refuse('handle_invalid', `"${handle}" is not a valid ${PLATFORM_LABELS[platform]} user name.`);
  }
  // Facebook ignores dots in user names: "john.smith" and "johnsmith" are one profile.
  const name = platform === 'facebook' ? lower.replace(/\./g, '') : lower;
  return accept({ kind: 'handle', value: `${platform}:${name}`, display: `${PLATFORM_LABELS[platform]} @${handle}`, platform });
}

/** A WhatsApp account is its phone number, always written internationally ("wa.me/212661234567"). */
function whatsappHandle(handle: string): NormaliseResult {
  const phone = normalisePhone(/^\d+$/.test(handle) ? `+${handle}` : handle);
  if (!phone.ok)
    return refuse('handle_invalid', 'A WhatsApp account is a phone number in international form, for example +212 661 23 45 67.');
  return accept({ kind: 'handle', value: `whatsapp:${phone.value}`, display: `WhatsApp ${phone.display}`, platform: 'whatsapp' });
}
