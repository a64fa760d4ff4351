import type { MyLanguages } from '../../../../shared/exchange/directory/contract.js';
import { LANGUAGE_CODES } from '../../../../shared/exchange/directory/vocabulary.js';
import { api, withQuery } from '../../../api/client.js';
import { queryClient } from '../../../api/session.js';
import { formatLongDate } from '../../../app/format.js';

export type {
  CurrentHolder,
  DirectoryFunction,
  DirectoryUnit,
  FunctionDetail,
  FunctionPage,
  HolderPeriod,
  MyLanguages,
  UnitList,
} from '../../../../shared/exchange/directory/contract.js';
export { FUNCTION_KINDS, type FunctionKind, LANGUAGE_CODES } from '../../../../shared/exchange/directory/vocabulary.js';

export const DIRECTORY_API = '/api/v1/directory';

export interface DirectorySearch {
  q?: string;
  country?: string;
  kind?: string;
  theme?: string;
  language?: string;
}

export const functionsRequest = (search: DirectorySearch) =>
  withQuery(`${DIRECTORY_API}/functions`, { ...search, q: search.q?.trim(), limit: 100 });
export const functionRequest = (id: string) => `${DIRECTORY_API}/functions/${encodeURIComponent(id)}`;
export const functionPath = (id: string) => `/directory/functions/${encodeURIComponent(id)}`;

/** Every cached directory answer is stale after a change. */
export const refreshDirectory = () => queryClient.invalidateQueries({ queryKey: ['directory'] });

/** Today as YYYY-MM-DD in the reader's own calendar day. */
export function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** A calendar day (YYYY-MM-DD) written out in the reader's language. */
export function formatDay(day: string, language: string): string {
  return formatLongDate(day, language);
}

/** A language's name in the reader's language ("arabe" for `ar` in French). */
export function languageName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageOptions(language: string) {
  const collator = new Intl.Collator(language);
  return LANGUAGE_CODES.map((code) => ({ value: code, label: languageName(code, language) })).sort((a, b) =>
    collator.compare(a.label, b.label),
  );
}

/** The languages the signed-in user speaks. */
export const getMyLanguages = () => api.get<MyLanguages>(`${DIRECTORY_API}/me/languages`);

/** The languages the signed-in user speaks, replaced as a whole. */
export function putMyLanguages(languages: string[]): Promise<MyLanguages> {
  return api.put<MyLanguages>(`${DIRECTORY_API}/me/languages`, { languages });
}
