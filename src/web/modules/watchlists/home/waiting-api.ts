import { queryOptions } from '@tanstack/react-query';
import type { ScreeningWaiting } from '../../../../shared/watchlists/contract.js';
import { api } from '../../../api/client.js';
import { SCREENING_API, screeningKeys } from '../screening/screening-api.js';

/**
 * What waits (Home and the review queue's tab): the open hits' count and newest five, the units' lists
 * with entries due for review. No personal field, so reading it is not an audited personal read. Its
 * key sits under the hits' (`[...screeningKeys.all, 'hits']`): a decision refreshes it.
 */
export const waitingQuery = () =>
  queryOptions({
    queryKey: [...screeningKeys.all, 'hits', 'waiting'] as const,
    queryFn: () => api.get<ScreeningWaiting>(`${SCREENING_API}/waiting`),
    staleTime: 10_000,
  });
