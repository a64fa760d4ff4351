import type { KnowledgeDocumentRef, KnowledgeItemType, KnowledgeReference } from '../../../api/types.js';
import { type LibrarySearch, searchRequest } from '../knowledge.js';

/** An item page as the API gives it (GET /api/v1/knowledge/items/:id). */
export interface LibraryItemPage {
  id: string;
  type: KnowledgeItemType;
  text: string;
  line: number | null;
  page: number | null;
  ordinal: number;
  countries: string[];
  organisations: string[];
  themes: string[];
  references: KnowledgeReference[];
  document: KnowledgeDocumentRef & {
    meetingKind: string | null;
    coChairs: string[];
    language: string;
    handlingCode: string;
  };
  /** Ready to paste, in the language asked for; the document title stays in its own language. */
  citation: string;
  similar: SimilarItem[];
}

export interface SimilarItem {
  id: string;
  type: KnowledgeItemType;
  text: string;
  countries: string[];
  themes: string[];
  document: KnowledgeDocumentRef;
}

/** Citations come in the interface languages; anything else falls back to English. */
const citationLanguage = (language: string) => (language === 'fr' || language === 'ar' ? language : 'en');

/** The item's page in the web app. */
export const itemPath = (id: string) => `/library/items/${encodeURIComponent(id)}`;

export const itemRequest = (id: string, language: string) =>
  `/api/v1/knowledge/items/${encodeURIComponent(id)}?lang=${citationLanguage(language)}`;

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
