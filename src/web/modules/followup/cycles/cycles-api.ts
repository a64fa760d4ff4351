import { queryOptions } from '@tanstack/react-query';
import type { CommitmentList, OrganisationChoices } from '../../../../shared/followup/contract.js';
import type { CycleDetail, CycleList, ReportDetail, ReviewComment } from '../../../../shared/followup/cycles-contract.js';
import { ACTION_PLANS, type ActionPlan, type Assessment, type CycleStatus } from '../../../../shared/followup/vocabulary.js';
import { api, withQuery } from '../../../api/client.js';
import { queryClient } from '../../../api/session.js';

export type { CommitmentSummary, OrganisationRef } from '../../../../shared/followup/contract.js';
export type {
  CycleDetail,
  CycleList,
  CycleSummary,
  PartnerProgress,
  ReportDetail,
  ReportEntry,
  ReviewComment,
} from '../../../../shared/followup/cycles-contract.js';
export {
  ACTION_PLANS,
  type ActionPlan,
  ASSESSMENTS,
  type Assessment,
  CYCLE_STATUSES,
  type CycleStatus,
  REPORT_PROGRESS,
  type ReportProgress,
} from '../../../../shared/followup/vocabulary.js';

export const FOLLOWUP_API = '/api/v1/followup';

/** Every key starts with `followup`, then `cycles`: a change to a cycle or report refreshes them all. */
export const cycleKeys = {
  all: ['followup', 'cycles'] as const,
  list: (status: CycleStatus | undefined) => ['followup', 'cycles', 'list', status ?? 'all'] as const,
  one: (id: string) => ['followup', 'cycles', 'one', id] as const,
  report: (id: string) => ['followup', 'cycles', 'report', id] as const,
  commitments: (plan: string | undefined, q: string) => ['followup', 'cycles', 'commitments', plan ?? 'any', q] as const,
  organisations: ['followup', 'cycles', 'organisations'] as const,
};

export const cyclePath = (id: string) => `/followup/cycles/${encodeURIComponent(id)}`;
export const reportPath = (id: string) => `/followup/reports/${encodeURIComponent(id)}`;
export const commitmentPath = (id: string) => `/followup/commitments/${encodeURIComponent(id)}`;

export { type CycleSearch, parseCycleSearch } from './cycle-search.js';

export const cyclesQuery = (status: CycleStatus | undefined) =>
  queryOptions({
    queryKey: cycleKeys.list(status),
    queryFn: () => api.get<CycleList>(withQuery(`${FOLLOWUP_API}/cycles`, { status })),
  });

export const cycleQuery = (id: string) =>
  queryOptions({
    queryKey: cycleKeys.one(id),
    queryFn: () => api.get<CycleDetail>(`${FOLLOWUP_API}/cycles/${encodeURIComponent(id)}`),
    retry: false,
  });

export const reportQuery = (id: string) =>
  queryOptions({
    queryKey: cycleKeys.report(id),
    queryFn: () => api.get<ReportDetail>(`${FOLLOWUP_API}/reports/${encodeURIComponent(id)}`),
    retry: false,
  });

/**
 * The commitments a new cycle may cover (those the secretariat may see), of one plan when chosen,
 * matching the words typed: the server searches, so a long list is never cut short.
 */
export const commitmentsToCoverQuery = (plan: ActionPlan | undefined, q: string) =>
  queryOptions({
    queryKey: cycleKeys.commitments(plan, q),
    queryFn: () =>
      api.get<CommitmentList>(withQuery(`${FOLLOWUP_API}/commitments`, { plan, q: q || undefined, limit: COMMITMENT_CHOICES })),
  });

/** How many commitments the picker offers at once; typing narrows them. */
export const COMMITMENT_CHOICES = 50;

/** Partner organisations to name as reviewers. */
export const organisationsQuery = queryOptions({
  queryKey: cycleKeys.organisations,
  queryFn: async () => (await api.get<OrganisationChoices>(`${FOLLOWUP_API}/organisations`)).items,
});

export const refreshCycles = () => queryClient.invalidateQueries({ queryKey: cycleKeys.all });

export interface NewCycleInput {
  unitId: string;
  title: string;
  description: string;
  plan?: ActionPlan;
  deadline: string;
  commitmentIds: string[];
  reviewerOrganisations: string[];
}

export const openCycle = (input: NewCycleInput) => api.post<CycleDetail>(`${FOLLOWUP_API}/cycles`, input);
export const closeCycle = (id: string, revision: number, summary: string) =>
  api.post<CycleDetail>(`${FOLLOWUP_API}/cycles/${encodeURIComponent(id)}/close`, { revision, summary });

export interface EntryInput {
  commitmentId: string;
  progress: string;
  assessment: Assessment | null;
}

const reportUrl = (id: string, step = '') => `${FOLLOWUP_API}/reports/${encodeURIComponent(id)}${step}`;

export const saveReport = (id: string, input: { revision: number; summary: string; entries: EntryInput[] }) =>
  api.put<ReportDetail>(reportUrl(id), input);
export const submitReport = (id: string, revision: number) => api.post<ReportDetail>(reportUrl(id, '/submit'), { revision });
export const returnReport = (id: string, revision: number, reason: string) =>
  api.post<ReportDetail>(reportUrl(id, '/return'), { revision, reason });
export const acceptReport = (id: string, revision: number) => api.post<ReportDetail>(reportUrl(id, '/accept'), { revision });
export const commentOnReport = (id: string, body: string) => api.post<ReviewComment>(reportUrl(id, '/comments'), { body });

/** The cycle report's language: the PDF speaks English and French; any other reader gets English. */
export function pdfLanguage(language: string): 'en' | 'fr' {
  return language.slice(0, 2) === 'fr' ? 'fr' : 'en';
}

export const reportPdfLink = (cycleId: string, language: string) =>
  withQuery(`${FOLLOWUP_API}/cycles/${encodeURIComponent(cycleId)}/report.pdf`, { lang: pdfLanguage(language) });

export const isActionPlan = (value: unknown): value is ActionPlan =>
  typeof value === 'string' && (ACTION_PLANS as readonly string[]).includes(value);
