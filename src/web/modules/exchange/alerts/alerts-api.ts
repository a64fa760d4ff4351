import { queryOptions } from '@tanstack/react-query';
import {
  OBSERVABLE_KINDS,
  type ObservableKind,
  SOCIAL_PLATFORMS,
  type SocialPlatform,
} from '../../../../shared/exchange/alerts/observables.js';
import type { HandlingCode } from '../../../../shared/handling-codes.js';
import { api, withQuery } from '../../../api/client.js';
import { queryClient } from '../../../api/session.js';
import type { Me } from '../../../api/types.js';
import type { DistributionTarget } from '../messages/messages-api.js';

export { OBSERVABLE_KINDS, type ObservableKind, SOCIAL_PLATFORMS, type SocialPlatform };

export const ALERTS_API = '/api/v1/alerts';
export const PAGE_SIZE = 20;

export const CATEGORIES = [
  'new_route',
  'modus_operandi',
  'document_fraud',
  'facilitator_network',
  'vessel_of_interest',
  'vehicle_of_interest',
  'persons_at_risk',
  'other',
] as const;
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export const STATUSES = ['active', 'expired', 'withdrawn', 'all'] as const;
export const VERDICTS = ['useful', 'acted_on', 'false_alarm'] as const;

export type Category = (typeof CATEGORIES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type AlertStatus = 'active' | 'expired' | 'withdrawn';
export type StatusFilter = (typeof STATUSES)[number];
export type Verdict = (typeof VERDICTS)[number];

export type Geometry = { type: 'Point'; coordinates: [number, number] } | { type: 'Polygon'; coordinates: [number, number][][] };

export interface AlertArea {
  countries: string[];
  label: string | null;
  geometry: Geometry | null;
}

export interface AlertSummary {
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  validFrom: string;
  validUntil: string;
  status: AlertStatus;
  area: AlertArea;
  handlingCode: HandlingCode;
  fromUnit: { id: string; name: string };
  fromOrganisation: { id: string; name: string };
  createdAt: string;
  observableCount: number;
  correlationCount: number;
}

export interface AlertObservable {
  kind: ObservableKind;
  value: string;
  display: string;
  country?: string | null;
  platform?: SocialPlatform | null;
}

export interface Correlation {
  alertId: string;
  title: string;
  severity: Severity;
  handlingCode: HandlingCode;
  status: AlertStatus;
  createdAt: string;
  shared: { kind: ObservableKind; display: string; weak: boolean }[];
}

export interface FeedbackEntry {
  unitId: string;
  unit: string;
  organisation: { id: string; name: string };
  verdict: Verdict;
  comment: string | null;
  at: string;
}

export interface AlertDetail extends AlertSummary {
  description: string;
  /** Sanitised by the server; null when it could not render it (the source is shown instead). */
  descriptionHtml: string | null;
  sender: { userId: string; name: string };
  withdrawal: { at: string; by: string | null; reason: string | null } | null;
  observables: AlertObservable[];
  correlations: Correlation[];
  /** `all` for the originating unit (with a count per verdict), `own` for a recipient (their units' only). */
  feedback: { scope: 'all' | 'own'; entries: FeedbackEntry[]; summary: Record<Verdict, number> | null };
  /** What this viewer may do with the alert, as the server decided. */
  permissions: { withdraw: boolean; feedback: boolean };
}

export type Facets = Partial<Record<'category' | 'severity' | 'country', Record<string, number>>>;

export interface AlertList {
  alerts: AlertSummary[];
  total: number;
  facets: Facets;
}

export interface AlertMap {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: Geometry;
    properties: { id: string; title: string; category: Category; severity: Severity; handlingCode: HandlingCode };
  }[];
  countries: Record<string, number>;
}

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

export interface ExtractedCandidate {
  kind: ObservableKind;
  value: string;
  display: string;
  country: string | null;
  platform: SocialPlatform | null;
}

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

export const exportLink = (search: AlertSearch, format: 'csv' | 'json') =>
  withQuery(`${ALERTS_API}/export`, { format, ...filtersOf(search) });

export const refreshAlerts = () => queryClient.invalidateQueries({ queryKey: alertKeys.all });

export const issueAlert = (input: IssueInput) => api.post<AlertDetail>(ALERTS_API, input);
export const extractObservables = (text: string) =>
  api.post<{ candidates: ExtractedCandidate[] }>(`${ALERTS_API}/extract-observables`, { text });
export const giveFeedback = (id: string, input: { verdict: Verdict; comment?: string; unitId?: string }) =>
  api.post<AlertDetail>(`${ALERTS_API}/${encodeURIComponent(id)}/feedback`, input);
export const withdrawAlert = (id: string, reason: string) =>
  api.post<AlertDetail>(`${ALERTS_API}/${encodeURIComponent(id)}/withdraw`, { reason });

/** Issuing and feedback need a working role (a reader reads) and a unit to speak for. */
export const mayIssue = (me: Me | null | undefined) => !!me && me.units.length > 0 && me.roles.some((role) => role !== 'reader');

const pick = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;

export function parseAlertSearch(search: Record<string, unknown>): AlertSearch {
  const page = Number(search.page);
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.slice(0, 200) : undefined);
  const parsed: AlertSearch = {
    category: pick(CATEGORIES, search.category),
    severity: pick(SEVERITIES, search.severity),
    country: typeof search.country === 'string' && /^[A-Z]{2}$/.test(search.country) ? search.country : undefined,
    status: pick(STATUSES, search.status),
    q: text(search.q),
    observable: text(search.observable),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    view: search.view === 'map' ? 'map' : undefined,
  };
  // Undefined keys would still show as `?category=` in some serialisers: leave them out.
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined)) as AlertSearch;
}
