import { queryOptions } from '@tanstack/react-query';
import type {
  CommitmentDetail,
  CommitmentHistory,
  CommitmentList,
  EvidenceUpload,
  FollowupAction,
  Indicator,
  OrganisationChoices,
  RecommendationFollowUp,
} from '../../../../shared/followup/contract.js';
import type { FollowupWaiting, PlanCatalogue } from '../../../../shared/followup/dashboards-contract.js';
import type {
  ActionStatus,
  CommitmentStatus,
  FollowupExportKind,
  IndicatorDirection,
  ValueType,
} from '../../../../shared/followup/vocabulary.js';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import type { SearchAnswer } from '../../../../shared/knowledge/contract.js';
import { api, withQuery } from '../../../api/client.js';
import { queryClient } from '../../../api/session.js';
import { uploadFile } from '../../exchange/attachments/attachments-api.js';
import type { CommitmentSearch } from './commitments-search.js';

export type {
  ActionHistoryEntry,
  CommitmentDetail,
  CommitmentHistory,
  CommitmentRevision,
  CommitmentSummary,
  EvidenceUpload,
  FollowupAction,
  Indicator,
  LinkedRecommendation,
  Measurement,
  OrganisationRef,
} from '../../../../shared/followup/contract.js';

export const FOLLOWUP_API = '/api/v1/followup';
export const PAGE_SIZE = 20;

/** Every key starts with `followup`: a change anywhere in the follow-up refreshes what shows it. */
export const commitmentKeys = {
  all: ['followup'] as const,
  list: (search: CommitmentSearch) => ['followup', 'commitments', 'list', filtersOf(search), search.page ?? 1] as const,
  one: (id: string) => ['followup', 'commitments', 'one', id] as const,
  history: (id: string, revision: number) => ['followup', 'commitments', 'history', id, revision] as const,
  recommendation: (itemId: string) => ['followup', 'recommendation', itemId] as const,
  organisations: (q: string) => ['followup', 'organisations', q] as const,
  plans: ['followup', 'plans'] as const,
  waiting: ['followup', 'waiting'] as const,
};

export const commitmentsPath = '/followup/commitments';
export const commitmentPath = (id: string) => `/followup/commitments/${encodeURIComponent(id)}`;
const one = (kind: string, id: string) => `${FOLLOWUP_API}/${kind}/${encodeURIComponent(id)}`;

/** The list's filters as the API takes them (list and exports share them); the page is the list's own. */
export function filtersOf(search: CommitmentSearch): Record<string, string | undefined> {
  return {
    q: search.q?.trim() || undefined,
    organisation: search.organisation,
    plan: search.plan,
    reference: search.reference,
    status: search.status,
    mine: search.mine ? 'true' : undefined,
  };
}

export const commitmentsQuery = (search: CommitmentSearch) =>
  queryOptions({
    queryKey: commitmentKeys.list(search),
    queryFn: () =>
      api.get<CommitmentList>(
        withQuery(`${FOLLOWUP_API}/commitments`, {
          ...filtersOf(search),
          limit: PAGE_SIZE,
          offset: ((search.page ?? 1) - 1) * PAGE_SIZE,
        }),
      ),
  });

export const commitmentQuery = (id: string) =>
  queryOptions({
    queryKey: commitmentKeys.one(id),
    queryFn: () => api.get<CommitmentDetail>(one('commitments', id)),
    retry: false,
  });

/** The revision in the key: a change to the commitment fetches its history again. */
export const commitmentHistoryQuery = (id: string, revision: number) =>
  queryOptions({
    queryKey: commitmentKeys.history(id, revision),
    queryFn: () => api.get<CommitmentHistory>(`${one('commitments', id)}/history`),
  });

export const recommendationFollowUpQuery = (itemId: string) =>
  queryOptions({
    queryKey: commitmentKeys.recommendation(itemId),
    queryFn: () => api.get<RecommendationFollowUp>(one('recommendations', itemId)),
    retry: false,
  });

export const organisationsQuery = (q: string) =>
  queryOptions({
    queryKey: commitmentKeys.organisations(q),
    queryFn: async () =>
      (await api.get<OrganisationChoices>(withQuery(`${FOLLOWUP_API}/organisations`, { q: q.trim() || undefined }))).items,
    staleTime: 5 * 60_000,
  });

export const plansQuery = queryOptions({
  queryKey: commitmentKeys.plans,
  queryFn: () => api.get<PlanCatalogue>(`${FOLLOWUP_API}/plans`),
  staleTime: 60 * 60_000,
});

/** What waits for my organisation (Home's card): a small reply of its own. */
export const waitingQuery = queryOptions({
  queryKey: commitmentKeys.waiting,
  queryFn: () => api.get<FollowupWaiting>(`${FOLLOWUP_API}/waiting`),
  staleTime: 0,
});

/** Published recommendations of the library matching a text, to link a commitment to. */
export const recommendationSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['knowledge', 'search', 'recommendations', q] as const,
    queryFn: () =>
      api.get<SearchAnswer>(
        withQuery('/api/v1/knowledge/items', {
          type: 'recommendation',
          q: q.trim() || undefined,
          limit: 10,
          sort: q.trim() ? 'relevance' : 'date',
        }),
      ),
  });

/** The export's address: the list's filters, a kind and a format; a CSV in the reader's language. */
export const exportLink = (search: CommitmentSearch, kind: FollowupExportKind, format: 'csv' | 'json', lang?: string) =>
  withQuery(`${FOLLOWUP_API}/export`, { kind, format, ...filtersOf(search), lang: format === 'csv' ? lang : undefined });

export const evidenceLink = (measurementId: string) => `${one('measurements', measurementId)}/evidence`;

export const refreshFollowup = () => queryClient.invalidateQueries({ queryKey: commitmentKeys.all });

export interface CommitmentInput {
  unitId: string;
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  contributors: string[];
  recommendationIds: string[];
  references: string[];
  handlingCode: HandlingCode;
  distribution: { units: string[]; organisations: string[]; sharingGroups: string[]; allPartners: boolean };
}

export interface IndicatorInput {
  name: string;
  measureUnit: string;
  direction: IndicatorDirection;
  valueType: ValueType;
  milestones?: string[];
  baseline: { value: number; on: string };
  target: { value: number; on: string };
}

export interface MeasurementInput {
  value: number;
  measuredOn: string;
  source: string;
  note?: string;
  evidence?: { attachmentId: string } | { url: string };
}

export const createCommitment = (input: CommitmentInput) => api.post<CommitmentDetail>(`${FOLLOWUP_API}/commitments`, input);
export const editCommitment = (
  id: string,
  input: { revision: number } & Partial<Pick<CommitmentInput, 'title' | 'description' | 'startsOn' | 'endsOn'>>,
) => api.patch<CommitmentDetail>(one('commitments', id), input);
export const setCommitmentStatus = (id: string, input: { revision: number; status: CommitmentStatus; reason: string }) =>
  api.post<CommitmentDetail>(`${one('commitments', id)}/status`, input);

export const addAction = (
  commitmentId: string,
  input: { title: string; description: string; ownerUnitId: string; dueOn: string },
) => api.post<FollowupAction>(`${one('commitments', commitmentId)}/actions`, input);
export const editAction = (id: string, input: { revision: number; dueOn?: string; reason?: string }) =>
  api.patch<FollowupAction>(one('actions', id), input);
export const setActionStatus = (id: string, input: { revision: number; status: ActionStatus; reason?: string }) =>
  api.post<FollowupAction>(`${one('actions', id)}/status`, input);

export const addIndicator = (commitmentId: string, input: IndicatorInput) =>
  api.post<Indicator>(`${one('commitments', commitmentId)}/indicators`, input);
export const reportMeasurement = (indicatorId: string, input: MeasurementInput) =>
  api.post<Indicator>(`${one('indicators', indicatorId)}/measurements`, input);
export const withdrawMeasurement = (id: string, reason: string) =>
  api.post<Indicator>(`${one('measurements', id)}/withdraw`, { reason });

export const uploadEvidence = (file: File, onProgress: (fraction: number) => void, signal: AbortSignal) =>
  uploadFile<EvidenceUpload>(`${FOLLOWUP_API}/evidence`, file, onProgress, signal);

/** Today as `YYYY-MM-DD` in the reader's time zone (what a date input holds). */
export function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
