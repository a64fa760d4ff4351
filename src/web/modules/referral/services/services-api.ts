import { queryOptions } from '@tanstack/react-query';
import type { ServiceMap, ServiceProvider, ServiceProviderPage } from '../../../../shared/referral/services-contract.js';
import type { ProviderKind, ServiceType } from '../../../../shared/referral/vocabulary.js';
import { api, withQuery } from '../../../api/client.js';
import { queryClient } from '../../../api/session.js';
import type { ServiceSearch } from './services-search.js';

export type {
  ContactFunction,
  ServiceMap,
  ServicePlace,
  ServicePoint,
  ServiceProvider,
  ServiceProviderPage,
} from '../../../../shared/referral/services-contract.js';
export { PROVIDER_KINDS, type ProviderKind, SERVICE_TYPES, type ServiceType } from '../../../../shared/referral/vocabulary.js';

export const SERVICES_API = '/api/v1/services';
export const PAGE_SIZE = 20;

/** Every key sits under `['referral', 'services']`, so one invalidation refreshes list, map and pages. */
export const serviceKeys = {
  all: ['referral', 'services'] as const,
  list: (search: ServiceSearch) => ['referral', 'services', 'list', filtersOf(search), search.page ?? 1] as const,
  map: (search: ServiceSearch) => ['referral', 'services', 'map', filtersOf(search)] as const,
  one: (id: string) => ['referral', 'services', 'one', id] as const,
};

export const providerPath = (id: string) => `/services/${encodeURIComponent(id)}`;

/** The filters as the API takes them (list and map share them). */
export function filtersOf(search: ServiceSearch): Record<string, string | undefined> {
  return { need: search.need, country: search.country, language: search.language, q: search.q?.trim() || undefined };
}

export const servicesQuery = (search: ServiceSearch) =>
  queryOptions({
    queryKey: serviceKeys.list(search),
    queryFn: () =>
      api.get<ServiceProviderPage>(
        withQuery(SERVICES_API, { ...filtersOf(search), limit: PAGE_SIZE, offset: ((search.page ?? 1) - 1) * PAGE_SIZE }),
      ),
  });

export const serviceMapQuery = (search: ServiceSearch) =>
  queryOptions({
    queryKey: serviceKeys.map(search),
    queryFn: () => api.get<ServiceMap>(withQuery(`${SERVICES_API}/map`, filtersOf(search))),
  });

export const serviceQuery = (id: string) =>
  queryOptions({
    queryKey: serviceKeys.one(id),
    queryFn: () => api.get<ServiceProvider>(`${SERVICES_API}/${encodeURIComponent(id)}`),
    retry: false,
  });

export interface PlaceInput {
  country: string;
  region: string;
  city: string;
  latitude: number | null;
  longitude: number | null;
}

/** What the form sends; the server checks it again, and names the field it refuses. */
export interface ProviderInput {
  name: string;
  kind: ProviderKind;
  organisationId: string | null;
  unitId: string | null;
  contactFunctionId: string | null;
  description: string;
  services: ServiceType[];
  languages: string[];
  openingHours: string;
  capacity: number | null;
  places: PlaceInput[];
}

export const refreshServices = () => queryClient.invalidateQueries({ queryKey: serviceKeys.all });

export const createProvider = (input: ProviderInput) => api.post<ServiceProvider>(SERVICES_API, input);
export const updateProvider = (id: string, input: ProviderInput) =>
  api.patch<ServiceProvider>(`${SERVICES_API}/${encodeURIComponent(id)}`, input);
export const deactivateProvider = (id: string, reason: string) =>
  api.post<ServiceProvider>(`${SERVICES_API}/${encodeURIComponent(id)}/deactivate`, reason ? { reason } : {});
