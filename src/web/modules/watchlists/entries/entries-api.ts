import { infiniteQueryOptions } from '@tanstack/react-query';
import type { ChangeFeed, EntryChanged, EntryList } from '../../../../shared/watchlists/contract.js';
import type { EntrySex, EntryStatus, IdentifierKind, NameScript, ReviewState } from '../../../../shared/watchlists/vocabulary.js';
import { api, withQuery } from '../../../api/client.js';
import { queryClient } from '../../../api/session.js';
import { WATCHLISTS_API } from '../lists/lists-api.js';

export type {
  ChangeFeed,
  EntryChanged,
  EntryList,
  EntryName,
  WatchlistChange,
  WatchlistEntry,
} from '../../../../shared/watchlists/contract.js';

export const ENTRIES_PAGE = 50;
export const CHANGES_PAGE = 100;

/** The entries tab's filters; kept in the page's state, never in the address (a name search would land there). */
export interface EntryFilters {
  q?: string;
  review?: ReviewState;
  status?: EntryStatus;
}

/**
 * Under `watchlists`, so a `watchlist.changed` event refreshes them. The purpose is part of the key:
 * reading with another purpose is another audited read.
 */
export const entryKeys = {
  entries: (listId: string, purpose: string, filters: EntryFilters) =>
    ['watchlists', 'entries', listId, purpose, filters] as const,
  changes: (listId: string, purpose: string) => ['watchlists', 'changes', listId, purpose] as const,
};

const listPath = (listId: string) => `${WATCHLISTS_API}/${encodeURIComponent(listId)}`;
const entryPath = (listId: string, entryId: string) => `${listPath(listId)}/entries/${encodeURIComponent(entryId)}`;

export const entriesQuery = (listId: string, purpose: string, filters: EntryFilters) =>
  infiniteQueryOptions({
    queryKey: entryKeys.entries(listId, purpose, filters),
    queryFn: ({ pageParam }) =>
      api.get<EntryList>(
        withQuery(`${listPath(listId)}/entries`, { purpose, ...filters, cursor: pageParam, limit: ENTRIES_PAGE }),
      ),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** The feed from the first change, oldest first; each further page starts after the last change received. */
export const changesQuery = (listId: string, purpose: string) =>
  infiniteQueryOptions({
    queryKey: entryKeys.changes(listId, purpose),
    queryFn: ({ pageParam }) =>
      api.get<ChangeFeed>(withQuery(`${listPath(listId)}/changes`, { purpose, since: pageParam, limit: CHANGES_PAGE })),
    initialPageParam: 0,
    getNextPageParam: (last, _pages, since) => {
      const received = last.changes.at(-1)?.seq ?? since;
      return last.hasMore || last.lastSeq > received ? received : undefined;
    },
  });

export interface EntryInput {
  names: { name: string; script: NameScript }[];
  birthDate?: string | null;
  nationalities?: string[];
  sex?: EntrySex | null;
  identifiers?: { kind: IdentifierKind; number: string; country?: string }[];
  reason: string;
  reviewDate?: string;
}

export const addEntry = (listId: string, input: EntryInput) => api.post<EntryChanged>(`${listPath(listId)}/entries`, input);

export const amendEntry = (listId: string, entryId: string, input: Partial<EntryInput> & { version: number; note?: string }) =>
  api.patch<EntryChanged>(entryPath(listId, entryId), input);

export const removeEntry = (listId: string, entryId: string, input: { version: number; note: string }) =>
  api.post<EntryChanged>(`${entryPath(listId, entryId)}/remove`, input);

export const renewEntry = (listId: string, entryId: string, input: { version: number; reviewDate?: string }) =>
  api.post<EntryChanged>(`${entryPath(listId, entryId)}/renew`, input);

/** After a change: the list (counts), its entries and its feed. */
export const refreshList = () => queryClient.invalidateQueries({ queryKey: ['watchlists'] });
