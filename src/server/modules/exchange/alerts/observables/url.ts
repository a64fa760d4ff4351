/** Web addresses. */

import { accept, type NormaliseResult, refuse } from '../../../../../shared/exchange/alerts/observables.js';
import { asciiDomain } from './email.js';
import { cleanInput } from './text.js';

const MAX_URL_LENGTH = 2048;

/**
 * Query parameters that say how a visitor arrived, not what page they asked for. Removing them
 * makes the same page shared from two campaigns the same address.
 */
const TRACKING_PARAMETER =
  /^(utm_.+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|igshid|igsh|mc_cid|mc_eid|_ga|_gl)$/i;

/**
 * The address parsed, with a scheme supplied when it was left out ("www.example.com/x"), or
 * undefined when it is not an http(s) address with a public domain name or an IP address.
 */
export function parseWebAddress(text: string): URL | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^/]+\.[^/]+:\d/.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const isIpAddress = /^\d{1,3}(\.\d{1,3}){3}$|^\[[0-9a-f:.]+\]$/.test(url.hostname);
  return isIpAddress || asciiDomain(url.hostname) !== undefined ? url : undefined;
}

/**
 * `value`: scheme and host in lower case (the host in punycode), no default port, no user name or
 * password, no fragment, no tracking parameters, the other parameters sorted, no trailing slash.
 * The path keeps its case: servers may distinguish "/Page" from "/page".
 */
export function canonicalWebAddress(url: URL): string {
  const kept = [...url.searchParams].filter(([name]) => !TRACKING_PARAMETER.test(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(kept).toString();
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}${query ? `?${query}` : ''}`;
}

export function normaliseUrl(raw: unknown): NormaliseResult {
  const input = cleanInput(raw, 'a web address', MAX_URL_LENGTH);
  if (!input.ok) return input;
  if (/\s/.test(input.text)) return refuse('url_spaces', 'A web address cannot contain spaces.');
  if (/^(javascript|data|vbscript|file):/i.test(input.text)) {
    return refuse('url_scheme', 'Only web addresses starting with http:// or https:// are accepted.');
  }
  const url = parseWebAddress(input.text);
  if (!url) return refuse('url_invalid', 'This is not a valid web address.');
  return accept({ kind: 'url', value: canonicalWebAddress(url), display: input.text });
}
