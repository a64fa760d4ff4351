import type { ExportFormat } from '../../../../shared/knowledge/kinds.js';
import { type LibrarySearch, searchRequest } from '../knowledge.js';

/** Citations come in the interface languages; anything else falls back to English. */
const citationLanguage = (language: string) => (language === 'fr' || language === 'ar' ? language : 'en');

/** The item's page in the web app. */
export const itemPath = (id: string) => `/library/items/${encodeURIComponent(id)}`;

export const itemRequest = (id: string, language: string) =>
  `/api/v1/knowledge/items/${encodeURIComponent(id)}?lang=${citationLanguage(language)}`;

export { EXPORT_FORMATS, type ExportFormat } from '../../../../shared/knowledge/kinds.js';

/**
 * The download address of a search's export: the search's own parameters without its page, and
 * the language of the citations. The PDF digest exists in English and French only.
 */
export function exportLink(search: LibrarySearch, format: ExportFormat, language: string): string {
  const params = new URLSearchParams(searchRequest(search).split('?')[1]);
  params.delete('limit');
  params.delete('offset');
  const lang = citationLanguage(language);
  params.set('lang', format === 'pdf' && lang === 'ar' ? 'en' : lang);
  return `/api/v1/knowledge/export.${format}?${params.toString()}`;
}
