import { queryOptions } from '@tanstack/react-query';
import type { BatchList, BatchResults, ScreeningBatch } from '../../../../shared/watchlists/contract.js';
import { BATCH_COLUMNS, type BatchStatus } from '../../../../shared/watchlists/vocabulary.js';
import { api, withQuery } from '../../../api/client.js';
import { postForm } from '../../knowledge/imports/imports-api.js';
import { SCREENING_API, screeningKeys } from '../screening/screening-api.js';

export type { BatchLineError, BatchList, BatchResults, ScreeningBatch } from '../../../../shared/watchlists/contract.js';

export const BATCHES_API = `${SCREENING_API}/batches`;
export const BATCHES_PER_PAGE = 10;
export const RESULTS_PER_PAGE = 50;

export const isFinished = (status: BatchStatus | undefined) => status === 'done' || status === 'failed';

export const batchKeys = {
  all: [...screeningKeys.all, 'batches'] as const,
  list: (page: number) => [...screeningKeys.all, 'batches', 'list', page] as const,
  one: (id: string) => [...screeningKeys.all, 'batches', 'one', id] as const,
  results: (id: string, page: number) => [...screeningKeys.all, 'batches', 'results', id, page] as const,
};

export const batchPath = (id: string) => `/screening/batches/${encodeURIComponent(id)}`;

/** My units' batches, newest first, asked again every two seconds while one is still running. */
export const batchesQuery = (page: number) =>
  queryOptions({
    queryKey: batchKeys.list(page),
    queryFn: () => api.get<BatchList>(withQuery(BATCHES_API, { limit: BATCHES_PER_PAGE, offset: (page - 1) * BATCHES_PER_PAGE })),
    refetchInterval: (query) => (query.state.data?.items.some((item) => !isFinished(item.status)) ? 2000 : false),
    staleTime: 0,
  });

/** One batch, asked again every second until its job has finished. */
export const batchQuery = (id: string) =>
  queryOptions({
    queryKey: batchKeys.one(id),
    queryFn: () => api.get<ScreeningBatch>(`${BATCHES_API}/${encodeURIComponent(id)}`),
    refetchInterval: (query) => (isFinished(query.state.data?.status) ? false : 1000),
    staleTime: 0,
  });

/** The screened lines of a batch: per line, candidates, hits and the top score (never a name). */
export const batchResultsQuery = (id: string, page: number) =>
  queryOptions({
    queryKey: batchKeys.results(id, page),
    queryFn: () =>
      api.get<BatchResults>(
        withQuery(`${BATCHES_API}/${encodeURIComponent(id)}/results`, {
          limit: RESULTS_PER_PAGE,
          offset: (page - 1) * RESULTS_PER_PAGE,
        }),
      ),
  });

export function uploadBatch(file: File, purpose: string, unitId: string | null): Promise<ScreeningBatch> {
  const form = new FormData();
  form.append('purpose', purpose);
  if (unitId) form.append('unitId', unitId);
  form.append('file', file, file.name);
  return postForm<ScreeningBatch>(BATCHES_API, form);
}

/** What a batch file looks like: the header line and two invented lines (no real person). */
export const SAMPLE_CSV = [
  BATCH_COLUMNS.join(','),
  'Mamadou Diallo,1984,SN,male,REF-001',
  '"El Hadji Ousmane Sarr",,MR,,REF-002',
].join('\r\n');

/** What the server would refuse about the chosen file, checked before sending it; null when it looks fine. */
export function fileProblem(file: File, maxBytes: number): 'notCsv' | 'tooLarge' | 'empty' | null {
  if (!file.name.toLowerCase().endsWith('.csv')) return 'notCsv';
  if (file.size === 0) return 'empty';
  if (file.size > maxBytes) return 'tooLarge';
  return null;
}
