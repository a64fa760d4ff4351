import { queryOptions } from '@tanstack/react-query';
import type {
  AlertDetail,
  AlertList,
  AlertMap,
  ExtractedObservables,
  Geometry,
} from '../../../../shared/exchange/alerts/contract.js';
import type { ObservableKind, SocialPlatform } from '../../../../shared/exchange/alerts/observables.js';
import {
  CATEGORIES,
  type Category,
  SEVERITIES,
  type Severity,
  STATUS_FILTERS,
  type StatusFilter,
  type Verdict,
} from '../../../../shared/exchange/alerts/vocabulary.js';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import { api, withQuery } from '../../../api/client.js';
import { queryClient } from '../../../api/session.js';
import type { Me } from '../../../api/types.js';
import { can } from '../../../app/capabilities.js';
import type { DistributionTarget } from '../messages/messages-api.js';

export type {
  AlertDetail,
  AlertList,
  AlertMap,
  AlertObservable,
  AlertSummary,
  Correlation,
  ExtractedObservables,
  FeedbackEntry,
  Geometry,
} from '../../../../shared/exchange/alerts/contract.js';
export {
  OBSERVABLE_KINDS,
  type ObservableKind,
  SOCIAL_PLATFORMS,
  type SocialPlatform,
} from '../../../../shared/exchange/alerts/observables.js';
export {
  type AlertStatus,
  CATEGORIES,
  type Category,
  MAX_DESCRIPTION,
  MAX_GEOMETRY_POINTS,
  MAX_OBSERVABLES,
  MAX_TITLE,
  type Severity,
  STATUS_FILTERS,
  type StatusFilter,
  VERDICTS,
  type Verdict,
} from '../../../../shared/exchange/alerts/vocabulary.js';

export const ALERTS_API = '/api/v1/alerts';
export const PAGE_SIZE = 20;

/** Severities as the board and the form list them: the most severe first. */
export const SEVERITIES_MOST_FIRST: readonly Severity[] = [...SEVERITIES].reverse();

/** Counts per value of the board's facets. */
export type Facets = AlertList['facets'];

/** The board's address: `?category=…&severity=…&country=MA&status=all&q=…&observable=…&page=2&view=map`. */
export interface AlertSearch {
  category?: Category;
  severity?: Severity;
  country?: string;
  status?: StatusFilter;
  q?: string;
  observable?: string;
  page?: number;
  view?: 'map';
}

export interface ObservableInput {
  kind: ObservableKind;
  value: string;
  country?: string;
  platform?: SocialPlatform;
}

export interface IssueInput {
  title: string;
  category: Category;
  severity: Severity;
  validFrom?: string;
  validUntil: string;
  area: { countries: string[]; label?: string; geometry?: Geometry };
  description: string;
  observables: ObservableInput[];
  handlingCode: HandlingCode;
  distribution: DistributionTarget[];
  fromUnitId?: string;
}

export type ExtractedCandidate = ExtractedObservables['candidates'][number];

/** Every key starts with `alerts`: the live stream invalidates `['alerts']` when an alert changes. */
export const alertKeys = {
  all: ['alerts'] as const,
  list: (search: AlertSearch) => ['alerts', 'list', filtersOf(search), search.page ?? 1] as const,
  map: (search: AlertSearch) => ['alerts', 'map', filtersOf(search)] as const,
  one: (id: string) => ['alerts', 'one', id] as const,
};

export const alertPath = (id: string) => `/alerts/${encodeURIComponent(id)}`;

/** The filters as the API takes them (list, map and export share them); the page and view are the board's own. */
export function filtersOf(search: AlertSearch): Record<string, string | undefined> {
  return {
    category: search.category,
    severity: search.severity,
    country: search.country,
    status: search.status,
    q: search.q?.trim() || undefined,
    observable: search.observable?.trim() || undefined,
  };
}

export const alertsQuery = (search: AlertSearch) =>
  queryOptions({
    queryKey: alertKeys.list(search),
    queryFn: () =>
      api.get<AlertList>(
        withQuery(ALERTS_API, { ...filtersOf(search), limit: PAGE_SIZE, offset: ((search.page ?? 1) - 1) * PAGE_SIZE }),
      ),
  });

export const alertMapQuery = (search: AlertSearch) =>
  queryOptions({
    queryKey: alertKeys.map(search),
    queryFn: () => api.get<AlertMap>(withQuery(`${ALERTS_API}/map`, filtersOf(search))),
  });

export const alertQuery = (id: string) =>
  queryOptions({
    queryKey: alertKeys.one(id),
    queryFn: () => api.get<AlertDetail>(`${ALERTS_API}/${encodeURIComponent(id)}`),
    retry: false,
  });

/** The export's address; a CSV is written in the reader's interface language (`lang`). */
export const exportLink = (search: AlertSearch, format: 'csv' | 'json', lang?: string) =>
  withQuery(`${ALERTS_API}/export`, { format, ...filtersOf(search), lang: format === 'csv' ? lang : undefined });

export const refreshAlerts = () => queryClient.invalidateQueries({ queryKey: alertKeys.all });

export const issueAlert = (input: IssueInput) => api.post<AlertDetail>(ALERTS_API, input);
export const extractObservables = (text: string) => api.post<ExtractedObservables>(`${ALERTS_API}/extract-observables`, { text });
export const giveFeedback = (id: string, input: { verdict: Verdict; comment?: string; unitId?: string }) =>
  api.post<AlertDetail>(`${ALERTS_API}/${encodeURIComponent(id)}/feedback`, input);
export const withdrawAlert = (id: string, reason: string) =>
  api.post<AlertDetail>(`${ALERTS_API}/${encodeURIComponent(id)}/withdraw`, { reason });

/** Issuing and feedback need a working role (a reader reads) and a unit to speak for. */
export const mayIssue = (me: Me | null | undefined) => !!me && me.units.length > 0 && can(me, 'alert.issue');

const pick = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;

export function parseAlertSearch(search: Record<string, unknown>): AlertSearch {
  const page = Number(search.page);
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.slice(0, 200) : undefined);
  const parsed: AlertSearch = {
    category: pick(CATEGORIES, search.category),
    severity: pick(SEVERITIES, search.severity),
    country: typeof search.country === 'string' && /^[A-Z]{2}$/.test(search.country) ? search.country : undefined,
    status: pick(STATUS_FILTERS, search.status),
    q: text(search.q),
    observable: text(search.observable),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    view: search.view === 'map' ? 'map' : undefined,
  };
  // Undefined keys would still show as `?category=` in some serialisers: leave them out.
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined)) as AlertSearch;
}
