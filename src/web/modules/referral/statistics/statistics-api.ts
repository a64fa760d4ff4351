import { queryOptions } from '@tanstack/react-query';
import type { StatisticsDimension } from '../../../../shared/referral/statistics.js';
import type { StatisticsTable } from '../../../../shared/referral/statistics-contract.js';
import type { CaseType } from '../../../../shared/referral/vocabulary.js';
import { api, withQuery } from '../../../api/client.js';

export type { PublishedCount, StatisticsTable } from '../../../../shared/referral/statistics-contract.js';

export interface StatisticsFilters {
  by: StatisticsDimension;
  by2?: StatisticsDimension;
  from?: string;
  to?: string;
  caseType?: CaseType;
}

export const statisticsQuery = (filters: StatisticsFilters) =>
  queryOptions({
    queryKey: ['referral', 'statistics', filters] as const,
    queryFn: () => api.get<StatisticsTable>(withQuery('/api/v1/referral-statistics', { ...filters })),
  });

export const EXPORT_URL = '/api/v1/referral-statistics/export.csv';
