import i18next, { type TFunction } from 'i18next';
import { ApiError } from '../api/client.js';
import { isolate } from './bidi.js';
import { formatList } from './format.js';

/**
 * What went wrong, in the reader's language. The server's problems carry an English `title` and
 * `detail`; the web shows the translation of the problem's slug (app/i18n: `problems.<slug>`, one
 * for every slug of the catalogues in src/shared/…/problems.ts), else of its status, so a French or
 * Arabic page never shows an English sentence. English readers get the server's own detail, which
 * names the case at hand; the English sentences serve when a reply has none.
 */
export function problemMessage(error: unknown, t: TFunction = i18next.t): string {
  if (!(error instanceof ApiError)) {
    if (error instanceof TypeError || (error instanceof Error && error.message === 'Failed to fetch')) return t('errors.network');
    return t('errors.unexpected');
  }
  const language = i18next.resolvedLanguage ?? i18next.language ?? 'en';
  const own = `problems.${error.slug}`;
  // The server words its detail for the case at hand (which rule a password breaks): in English it is the best message.
  if (language === 'en' && error.detail) return error.detail;
  let message: string;
  if (i18next.exists(own)) message = t(own);
  else if (i18next.exists(`problems.status.${error.status}`)) message = t(`problems.status.${error.status}`);
  else message = t('errors.status', { status: error.status });
  const fields = fieldNames(error.fields);
  return fields.length ? `${message} ${t('problems.fields', { fields: formatList(fields.map(isolate), language) })}` : message;
}

/** `body/area/countries/0` → `area/countries/0`: the field as the form knows it, a code in any language. */
function fieldNames(paths: readonly string[]): string[] {
  return paths
    .map((path) => path.replace(/^\/?(body|query|params|querystring)(?=[/.]|$)[/.]?/, '').replace(/^\//, ''))
    .filter(Boolean);
}
