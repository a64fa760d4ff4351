import type { KnowledgeDocumentRef, KnowledgeItemType, KnowledgeReference } from '../../../api/types.js';

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
export const citationLanguage = (language: string) => (language === 'fr' || language === 'ar' ? language : 'en');

/** The item's page in the web app. */
export const itemPath = (id: string) => `/library/items/${encodeURIComponent(id)}`;

export const itemRequest = (id: string, language: string) =>
  `/api/v1/knowledge/items/${encodeURIComponent(id)}?lang=${citationLanguage(language)}`;
