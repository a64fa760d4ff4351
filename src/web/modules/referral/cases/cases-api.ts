import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { CaseChanged, CaseCreated, CaseDetail, CaseHistory, CaseList } from '../../../../shared/referral/cases-contract.js';
import type { CaseType, PersonalField, Sex } from '../../../../shared/referral/vocabulary.js';
import { api, withQuery } from '../../../api/client.js';
import { queryClient } from '../../../api/session.js';
import type { CaseSearch } from './cases-search.js';

export type { CaseDetail, CaseHistory, CaseList, CaseSummary } from '../../../../shared/referral/cases-contract.js';

export const CASES_API = '/api/v1/cases';
export const PAGE_SIZE = 25;

/** What the reader typed to find a person: kept in the page's state, never in the address. */
export interface PersonQuery {
  q?: string;
  dateOfBirth?: string;
}

/** Every key starts with `referral`: a change anywhere in the referral module refreshes what shows it. */
export const caseKeys = {
  all: ['referral'] as const,
  cases: ['referral', 'cases'] as const,
  list: (search: CaseSearch, person: PersonQuery) => ['referral', 'cases', 'list', search, person] as const,
  one: (id: string, reason: string | undefined) => ['referral', 'cases', 'one', id, reason ?? null] as const,
  history: (id: string, revision: number) => ['referral', 'cases', 'history', id, revision] as const,
  open: ['referral', 'cases', 'open'] as const,
};

export const casesPath = '/cases';
export const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;
const one = (id: string) => `${CASES_API}/${encodeURIComponent(id)}`;

export const casesQuery = (search: CaseSearch, person: PersonQuery) =>
  infiniteQueryOptions({
    queryKey: caseKeys.list(search, person),
    queryFn: ({ pageParam }) =>
      api.get<CaseList>(
        withQuery(CASES_API, {
          status: search.status,
          type: search.type,
          unit: search.unit,
          q: person.q?.trim() || undefined,
          dateOfBirth: person.dateOfBirth || undefined,
          limit: PAGE_SIZE,
          cursor: pageParam,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Open cases of my units, for Home (the list is scoped to what the viewer may see by the server). */
export const openCasesQuery = queryOptions({
  queryKey: caseKeys.open,
  queryFn: () => api.get<CaseList>(withQuery(CASES_API, { status: 'open', limit: 5 })),
  staleTime: 0,
});

/**
 * One case. The reason (asked when the case belongs to another unit) is part of the key, so a
 * reading with a reason is its own audited request; it is never kept beyond this page's state.
 */
export const caseQuery = (id: string, reason?: string) =>
  queryOptions({
    queryKey: caseKeys.one(id, reason),
    queryFn: () => api.get<CaseDetail>(withQuery(one(id), { reason })),
    retry: false,
    // Personal fields are not kept in the cache once the page is left.
    gcTime: 0,
  });

/** The revision in the key: a change to the case fetches its history again. */
export const caseHistoryQuery = (id: string, revision: number) =>
  queryOptions({
    queryKey: caseKeys.history(id, revision),
    queryFn: () => api.get<CaseHistory>(`${one(id)}/history`),
  });

export const refreshCases = () => queryClient.invalidateQueries({ queryKey: caseKeys.cases });

/** The person as the forms hold it: every field a string (or a list), empty when not known. */
export interface PersonInput {
  givenNames: string;
  familyName: string;
  dateOfBirth?: string;
  sex?: Sex;
  nationality?: string;
  languages?: string[];
  contact?: string;
  placeFound?: string;
}

export interface NewCaseInput {
  unitId?: string;
  caseType?: CaseType;
  isChild?: boolean;
  person: PersonInput;
  notes?: string;
}

/** A change: only what changed travels; names may change but not be cleared, other fields may (null). */
export interface CaseEditInput {
  revision: number;
  person?: Partial<Record<PersonalField, unknown>>;
  caseType?: CaseType;
  isChild?: boolean;
  notes?: string | null;
}

export const createCase = (input: NewCaseInput) => api.post<CaseCreated>(CASES_API, input);
export const editCase = (id: string, input: CaseEditInput) => api.patch<CaseChanged>(one(id), input);
export const closeCase = (id: string, input: { revision: number; reason: string }) =>
  api.post<CaseChanged>(`${one(id)}/close`, input);

/** Today as `YYYY-MM-DD` in the reader's time zone (what a date input holds). */
export function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** Whether a person born on `dateOfBirth` is under 18 today (what the server assumes when not told). */
export function isMinor(dateOfBirth: string, on = today()): boolean {
  const [year, month, day] = dateOfBirth.split('-').map(Number);
  if (!year || !month || !day) return false;
  const eighteenth = `${String(year + 18).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return eighteenth > on;
}
