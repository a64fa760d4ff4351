import { queryOptions } from '@tanstack/react-query';
import type {
  Labels,
  ReviewDocument,
  ReviewDocumentPage,
  RevisionList,
  Vocabulary,
} from '../../../../shared/knowledge/review/contract.js';
import { api, withQuery } from '../../../api/client.js';
import type { Me } from '../../../api/types.js';
import { can } from '../../../app/capabilities.js';

/** Requests of the review API (`/api/v1/knowledge/review/…`); the shapes of its replies are the shared contract's. */

export const REVIEW_API = '/api/v1/knowledge/review';
export { HANDLING_CODES } from '../../../../shared/handling-codes.js';
export { ITEM_TEXT_MAX } from '../../../../shared/knowledge/kinds.js';
export const REVIEW_PAGE_SIZE = 20;

export type { DocumentStatus, ItemStatus } from '../../../../shared/knowledge/kinds.js';
export type {
  ReviewDocument,
  ReviewDocumentSummary,
  ReviewItem,
  Revision,
  Vocabulary,
} from '../../../../shared/knowledge/review/contract.js';

/** A label in the reader's language, else English, else the id. */
export const pickLabel = (label: Labels, language: string, id: string) => label[language as keyof Labels] ?? label.en ?? id;

/** Whether the server's `knowledge.curate` allows the person (platform administrators, the secretariat's working roles). */
export const isCurator = (me: Me | null | undefined): boolean => can(me, 'knowledge.curate');

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
      api.get<ReviewDocumentPage>(
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
    queryFn: () => api.get<RevisionList>(`${REVIEW_API}/items/${encodeURIComponent(id)}/history`),
    staleTime: 0,
  });

export const vocabularyQuery = queryOptions({
  queryKey: ['knowledge', 'review', 'vocabulary'],
  queryFn: () => api.get<Vocabulary>(`${REVIEW_API}/vocabulary`),
  staleTime: 10 * 60_000,
});

export const itemUrl = (id: string, action = '') => `${REVIEW_API}/items/${encodeURIComponent(id)}${action}`;
export const documentUrl = (id: string, action = '') => `${REVIEW_API}/documents/${encodeURIComponent(id)}${action}`;
