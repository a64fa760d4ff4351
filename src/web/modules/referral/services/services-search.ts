import { SERVICE_TYPES, type ServiceType } from '../../../../shared/referral/vocabulary.js';

/** The directory's address: `/services?need=shelter&country=ES&language=fr&q=…&page=2&view=map`. */
export interface ServiceSearch {
  need?: ServiceType;
  country?: string;
  language?: string;
  q?: string;
  page?: number;
  view?: 'map';
}

/** Read by the router before the page loads; anything unknown is dropped rather than sent to the API. */
export function parseServiceSearch(search: Record<string, unknown>): ServiceSearch {
  const page = Number(search.page);
  const parsed: ServiceSearch = {
    need: (SERVICE_TYPES as readonly unknown[]).includes(search.need) ? (search.need as ServiceType) : undefined,
    country: typeof search.country === 'string' && /^[A-Z]{2}$/.test(search.country) ? search.country : undefined,
    language: typeof search.language === 'string' && /^[a-z]{2}$/.test(search.language) ? search.language : undefined,
    q: typeof search.q === 'string' && search.q.trim() ? search.q.slice(0, 200) : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    view: search.view === 'map' ? 'map' : undefined,
  };
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined)) as ServiceSearch;
}
