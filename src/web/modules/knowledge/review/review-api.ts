import { queryOptions } from '@tanstack/react-query';
import { api, withQuery } from '../../../api/client.js';
import { hasRole } from '../../../api/session.js';
import type { KnowledgeItemType, KnowledgeReference, Me } from '../../../api/types.js';

/** Shapes of the review API (`/api/v1/knowledge/review/…`), as these pages use them. */

export const REVIEW_API = '/api/v1/knowledge/review';
export const ITEM_TEXT_MAX = 20_000;
export const HANDLING_CODES = ['TLP:RED', 'TLP:AMBER+STRICT', 'TLP:AMBER', 'TLP:GREEN', 'TLP:CLEAR'] as const;
export const REVIEW_PAGE_SIZE = 20;

export type ItemStatus = 'draft' | 'published' | 'withdrawn';
export type DocumentStatus = 'draft' | 'published';

export interface ReviewItem {
  id: string;
  documentId: string;
  position: number;
  line: number | null;
  page: number | null;
  type: KnowledgeItemType;
  text: string;
  status: ItemStatus;
  countries: string[];
  organisations: string[];
  themes: string[];
  references: KnowledgeReference[];
  revision: number;
  updatedAt: string;
}

export interface ReviewDocumentSummary {
  id: string;
  title: string;
  process: string;
  city: string | null;
  country: string | null;
  dates: string[];
  language: string;
  version: number;
  handlingCode: string;
  status: DocumentStatus;
  revision: number;
  createdAt: string;
  publishedAt: string | null;
  counts: Record<ItemStatus, number>;
}

export interface Named {
  id: string;
  name: string;
}

export interface ReviewDocument extends ReviewDocumentSummary {
  fileName: string;
  originator: Named;
  publishedBy: { id: string; displayName: string } | null;
  distribution: { toAllPartners: boolean; organisations: Named[]; sharingGroups: Named[]; units: Named[] };
  body: string;
  items: ReviewItem[];
}

export interface Revision {
  id: string;
  itemId: string | null;
  at: string;
  action: string;
  actor: { id: string; displayName: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  relatedItemIds: string[];
}

type Labels = Partial<Record<'en' | 'fr' | 'ar', string>>;
export interface Vocabulary {
  countries: string[];
  themes: { id: string; label: Labels }[];
  organisations: { id: string; label: Labels }[];
  references: { id: string; label: Labels }[];
  recipients: { organisations: Named[]; sharingGroups: Named[] };
}

/** A label in the reader's language, else English, else the id. */
export const pickLabel = (label: Labels, language: string, id: string) => label[language as keyof Labels] ?? label.en ?? id;

/**
 * Mirrors the server's `knowledge.curate`: platform administrators, and members of the secretariat
 * holding a working role (a reader may not curate).
 */
export function isCurator(me: Me | null | undefined): boolean {
  if (!me) return false;
  if (hasRole(me, 'platform_admin')) return true;
  return me.organisation.kind === 'secretariat' && me.roles.some((role) => role !== 'reader');
}

export const reviewKeys = {
  all: ['knowledge', 'review'] as const,
  list: (status: string, page: number) => ['knowledge', 'review', 'list', status, page] as const,
  document: (id: string) => ['knowledge', 'review', 'document', id] as const,
  itemHistory: (id: string) => ['knowledge', 'review', 'history', id] as const,
};

export const reviewPath = (documentId: string) => `/library/review/${encodeURIComponent(documentId)}`;

export const documentsQuery = (status: string, page: number) =>
  queryOptions({
    queryKey: reviewKeys.list(status, page),
    queryFn: () =>
      api.get<{ items: ReviewDocumentSummary[]; total: number }>(
        withQuery(`${REVIEW_API}/documents`, {
          status: status === 'all' ? undefined : status,
          limit: REVIEW_PAGE_SIZE,
          offset: (page - 1) * REVIEW_PAGE_SIZE,
        }),
      ),
  });

export const documentQuery = (id: string) =>
  queryOptions({
    queryKey: reviewKeys.document(id),
    queryFn: () => api.get<ReviewDocument>(`${REVIEW_API}/documents/${encodeURIComponent(id)}`),
  });

export const itemHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: reviewKeys.itemHistory(id),
    queryFn: () => api.get<{ revisions: Revision[] }>(`${REVIEW_API}/items/${encodeURIComponent(id)}/history`),
    staleTime: 0,
  });

export const vocabularyQuery = queryOptions({
  queryKey: ['knowledge', 'review', 'vocabulary'],
  queryFn: () => api.get<Vocabulary>(`${REVIEW_API}/vocabulary`),
  staleTime: 10 * 60_000,
});

export const itemUrl = (id: string, action = '') => `${REVIEW_API}/items/${encodeURIComponent(id)}${action}`;
export const documentUrl = (id: string, action = '') => `${REVIEW_API}/documents/${encodeURIComponent(id)}${action}`;
