import { citationLanguage } from '../items/items.js';
import { type LibrarySearch, searchRequest } from '../knowledge.js';

export const EXPORT_FORMATS = ['csv', 'json', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

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
