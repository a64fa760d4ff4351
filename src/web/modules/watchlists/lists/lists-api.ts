import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import type { WatchlistDetail, WatchlistList } from '../../../../shared/watchlists/contract.js';
import { api, withQuery } from '../../../api/client.js';
import { queryClient } from '../../../api/session.js';
import { type DistributionTarget, unitsQuery } from '../../exchange/messages/messages-api.js';
import type { WatchlistSearch } from './lists-search.js';

export type { WatchlistDetail, WatchlistList, WatchlistSummary } from '../../../../shared/watchlists/contract.js';

export const WATCHLISTS_API = '/api/v1/watchlists';
export const PAGE_SIZE = 20;

/** The limits the form checks before sending (the server checks them again). */
export const LIST_LIMITS = { name: 200, purpose: 2000, legalBasis: 2000, reviewPeriodDays: 3650, graceDays: 365 } as const;

/** Every key starts with `watchlists`: a `watchlist.changed` event makes them all stale. */
export const watchlistKeys = {
  all: ['watchlists'] as const,
  list: (search: WatchlistSearch) => ['watchlists', 'list', search] as const,
  one: (id: string) => ['watchlists', 'one', id] as const,
};

export { watchlistPath } from '../paths.js';

const apiPath = (id: string) => `${WATCHLISTS_API}/${encodeURIComponent(id)}`;

export const watchlistsQuery = (search: WatchlistSearch) =>
  queryOptions({
    queryKey: watchlistKeys.list(search),
    queryFn: () =>
      api.get<WatchlistList>(
        withQuery(WATCHLISTS_API, {
          q: search.q,
          mine: search.mine,
          limit: PAGE_SIZE,
          offset: ((search.page ?? 1) - 1) * PAGE_SIZE,
        }),
      ),
  });

export const watchlistQuery = (id: string) =>
  queryOptions({ queryKey: watchlistKeys.one(id), queryFn: () => api.get<WatchlistDetail>(apiPath(id)) });

export interface WatchlistInput {
  name: string;
  purpose: string;
  legalBasis: string;
  reviewPeriodDays: number;
  graceDays?: number;
  handlingCode: HandlingCode;
  distribution: DistributionTarget[];
}

export const createWatchlist = (input: WatchlistInput & { unitId?: string }) => api.post<WatchlistDetail>(WATCHLISTS_API, input);

export const updateWatchlist = (id: string, input: Partial<WatchlistInput> & { revision: number }) =>
  api.patch<WatchlistDetail>(apiPath(id), input);

export const archiveWatchlist = (id: string, input: { revision: number; reason: string }) =>
  api.post<WatchlistDetail>(`${apiPath(id)}/archive`, input);

export const refreshWatchlists = () => queryClient.invalidateQueries({ queryKey: watchlistKeys.all });

/**
 * A stored distribution as chosen: the server also stores the organisation of each named unit (see
 * `resolveDistribution`), which the person did not pick. Those are left out, so that the page does not
 * read "the whole organisation" and an edit does not widen the list to it. `organisationOfUnit` comes
 * from the directory; a unit it does not know keeps its organisation listed.
 */
export function chosenDistribution(
  distribution: WatchlistDetail['distribution'],
  organisationOfUnit: ReadonlyMap<string, string>,
): WatchlistDetail['distribution'] {
  const viaUnit = new Set(distribution.units.map((unit) => organisationOfUnit.get(unit.id)));
  return { ...distribution, organisations: distribution.organisations.filter((organisation) => !viaUnit.has(organisation.id)) };
}

/** A distribution as the picker's values (`unit:<id>`, `all_partners`…). */
export function distributionValues(distribution: WatchlistDetail['distribution']): string[] {
  return [
    ...(distribution.allPartners ? ['all_partners'] : []),
    ...distribution.sharingGroups.map((group) => `sharing_group:${group.id}`),
    ...distribution.organisations.map((organisation) => `organisation:${organisation.id}`),
    ...distribution.units.map((unit) => `unit:${unit.id}`),
  ];
}

/** Unit id → organisation id, from the directory. */
export function useOrganisationOfUnit(): ReadonlyMap<string, string> | undefined {
  const units = useQuery(unitsQuery);
  return useMemo(
    () => (units.data ? new Map(units.data.items.map((unit) => [unit.id, unit.organisation.id])) : undefined),
    [units.data],
  );
}
