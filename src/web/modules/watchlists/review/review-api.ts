import { queryOptions } from '@tanstack/react-query';
import type { HitList, ScreeningHit } from '../../../../shared/watchlists/contract.js';
import type { HitStatus } from '../../../../shared/watchlists/vocabulary.js';
import { api, withQuery } from '../../../api/client.js';
import { queryClient } from '../../../api/session.js';
import { SCREENING_API, screeningKeys } from '../screening/screening-api.js';

export type { HitList, ScreeningHit } from '../../../../shared/watchlists/contract.js';

export const HITS_API = `${SCREENING_API}/hits`;
export const HITS_PER_PAGE = 20;

export const hitKeys = {
  all: [...screeningKeys.all, 'hits'] as const,
  list: (status: HitStatus, limit: number, offset: number) =>
    [...screeningKeys.all, 'hits', 'list', status, limit, offset] as const,
  one: (id: string) => [...screeningKeys.all, 'hits', 'one', id] as const,
};

/** A page of the viewer's units' hits of one status; `open` in the answer is the queue's size. */
export const hitsQuery = (status: HitStatus, limit = HITS_PER_PAGE, offset = 0) =>
  queryOptions({
    queryKey: hitKeys.list(status, limit, offset),
    queryFn: () => api.get<HitList>(withQuery(HITS_API, { status, limit, offset })),
    staleTime: 10_000,
  });

export const hitQuery = (id: string) =>
  queryOptions({
    queryKey: hitKeys.one(id),
    queryFn: () => api.get<ScreeningHit>(`${HITS_API}/${encodeURIComponent(id)}`),
  });

export type Decision = 'confirm' | 'discard';

export async function decideHit(id: string, decision: Decision, reason: string): Promise<ScreeningHit> {
  const decided = await api.post<ScreeningHit>(`${HITS_API}/${encodeURIComponent(id)}/decision`, { decision, reason });
  queryClient.setQueryData(hitKeys.one(id), decided);
  await queryClient.invalidateQueries({ queryKey: hitKeys.all });
  return decided;
}
