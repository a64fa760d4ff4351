import type { ExportFormat } from '../../../../shared/knowledge/kinds.js';
import { citationLanguage } from '../items/items.js';
import { type LibraryQuery, searchRequest } from '../knowledge.js';

export { EXPORT_FORMATS, type ExportFormat } from '../../../../shared/knowledge/kinds.js';

/**
 * The download address of a search's export: the search's own parameters without its page, and
 * the language of the citations. The PDF digest exists in English and French only.
 */
export function exportLink(search: LibraryQuery, format: ExportFormat, language: string): string {
  const params = new URLSearchParams(searchRequest(search).split('?')[1]);
  params.delete('limit');
  params.delete('offset');
  const lang = citationLanguage(language);
  params.set('lang', format === 'pdf' && lang === 'ar' ? 'en' : lang);
  return `/api/v1/knowledge/export.${format}?${params.toString()}`;
}
