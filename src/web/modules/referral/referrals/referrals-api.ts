import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { UnitList } from '../../../../shared/exchange/directory/contract.js';
import type {
  ReferralCreateBody,
  ReferralDetail,
  ReferralList,
  ReferralStatusBody,
  ReferralSummary,
} from '../../../../shared/referral/referrals-contract.js';
import type { BestInterestsList, ConsentList } from '../../../../shared/referral/screening-contract.js';
import type { ServiceProviderPage } from '../../../../shared/referral/services-contract.js';
import type { ServiceType } from '../../../../shared/referral/vocabulary.js';
import { api, withQuery } from '../../../api/client.js';
import { queryClient } from '../../../api/session.js';

export type {
  ReferralCreateBody,
  ReferralDetail,
  ReferralEvent,
  ReferralList,
  ReferralStatusBody,
  ReferralSummary,
} from '../../../../shared/referral/referrals-contract.js';

const API = '/api/v1';
export const BOX_PAGE_SIZE = 50;

export const referralKeys = {
  all: ['referral', 'referrals'] as const,
  ofCase: (caseId: string) => ['referral', 'referrals', 'case', caseId] as const,
  box: (box: string, status: string) => ['referral', 'referrals', 'box', box, status] as const,
  boxPages: (box: string, status: string) => ['referral', 'referrals', 'box-pages', box, status] as const,
  one: (id: string) => ['referral', 'referrals', 'one', id] as const,
};

export const referralPath = (id: string) => `/referrals/${id}`;

export const caseReferralsQuery = (caseId: string) =>
  queryOptions({
    queryKey: referralKeys.ofCase(caseId),
    queryFn: () => api.get<{ items: ReferralSummary[] }>(`${API}/cases/${caseId}/referrals`),
  });

/** The first page of a unit box (Home's card). */
export const referralBoxQuery = (box: 'incoming' | 'outgoing', status: string | undefined) =>
  queryOptions({
    queryKey: referralKeys.box(box, status ?? ''),
    queryFn: () => api.get<ReferralList>(withQuery(`${API}/referrals`, { box, status, limit: 100 })),
  });

/** A unit box, a page at a time (soonest answer first; the server's cursor leads to the next page). */
export const referralBoxPagesQuery = (box: 'incoming' | 'outgoing', status: string | undefined) =>
  infiniteQueryOptions({
    queryKey: referralKeys.boxPages(box, status ?? ''),
    queryFn: ({ pageParam }) =>
      api.get<ReferralList>(withQuery(`${API}/referrals`, { box, status, limit: BOX_PAGE_SIZE, cursor: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const referralQuery = (id: string) =>
  queryOptions({ queryKey: referralKeys.one(id), queryFn: () => api.get<ReferralDetail>(`${API}/referrals/${id}`) });

export const createReferral = (caseId: string, body: ReferralCreateBody) =>
  api.post<ReferralDetail>(`${API}/cases/${caseId}/referrals`, body);

export const changeReferralStatus = (id: string, body: ReferralStatusBody) =>
  api.post<ReferralDetail>(`${API}/referrals/${id}/status`, body);

/** After a change: every list of referrals (and the case pages' sections) is read again. */
export const refreshReferrals = () => queryClient.invalidateQueries({ queryKey: referralKeys.all });

/** Providers serving a need, for the referral form's picker. */
export const providersQuery = (need: ServiceType | null) =>
  queryOptions({
    queryKey: ['referral', 'providers-for', need ?? ''],
    queryFn: () => api.get<ServiceProviderPage>(withQuery(`${API}/services`, { need, limit: 100 })),
    enabled: need !== null,
  });

/** Partner units, for a transnational referral (the form leaves out the units of the referring country). */
export const unitsQuery = (q: string) =>
  queryOptions({
    queryKey: ['referral', 'units', q],
    queryFn: () => api.get<UnitList>(withQuery(`${API}/directory/units`, { q })),
  });

/** The consents and best-interests steps the form offers (the screening part's lists). */
export const consentsQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['referral', 'referral-consents', caseId],
    queryFn: () => api.get<ConsentList>(`${API}/cases/${caseId}/consents`),
  });
export const bestInterestsQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['referral', 'referral-best-interests', caseId],
    queryFn: () => api.get<BestInterestsList>(`${API}/cases/${caseId}/best-interests`),
  });
