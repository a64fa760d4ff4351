import { FACET_FIELDS, type FacetField, type ItemType } from '../../../shared/knowledge/kinds.js';
import { ORGANISATIONS } from '../../../shared/knowledge/vocabulary/organisations-data.js';
import { THEMES } from '../../../shared/knowledge/vocabulary/themes-data.js';
import { withQuery } from '../../api/client.js';

export const RESULTS_PER_PAGE = 20;

/** A library search as the pages work with it: each filter a list of values. */
export interface LibraryQuery {
  q?: string;
  sort?: 'relevance' | 'date';
  page?: number;
  type?: string[];
  country?: string[];
  theme?: string[];
  process?: string[];
  year?: string[];
  organisation?: string[];
  reference?: string[];
}

/**
 * A library search as it stands in the address bar, to be read and shared:
 * `/library?theme=document_security_and_fraud&country=SN,MA&type=recommendation`. Each filter is
 * one comma-separated value (no vocabulary id holds a comma); a lone number (a year) stays a
 * number, which the router writes as is, where it would quote a string that looks like one.
 */
export type LibrarySearch = Pick<LibraryQuery, 'q' | 'sort' | 'page'> & Partial<Record<FacetField, string | number>>;

/** Values of a filter however the URL gave them: `a,b`, repeated (`x=a&x=b`), a number, or the JSON list of older links. */
function values(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .flatMap((entry) => (typeof entry === 'number' ? [String(entry)] : typeof entry === 'string' ? entry.split(',') : []))
    .map((entry) => entry.trim())
    .filter((entry, index, all) => entry !== '' && all.indexOf(entry) === index);
}

/** Reads the search from the URL, keeping only what it knows, in the address bar's shape. */
export function parseLibrarySearch(raw: Record<string, unknown>): LibrarySearch {
  const query: LibraryQuery = {};
  if (typeof raw.q === 'string' && raw.q.trim()) query.q = raw.q;
  else if (typeof raw.q === 'number') query.q = String(raw.q);
  if (raw.sort === 'date' || raw.sort === 'relevance') query.sort = raw.sort;
  const page = Number(raw.page);
  if (Number.isInteger(page) && page > 1) query.page = page;
  for (const facet of FACET_FIELDS) {
    const list = values(raw[facet]);
    if (list.length) query[facet] = list;
  }
  return librarySearch(query);
}

/** The address bar's search for a query. */
export function librarySearch(query: LibraryQuery): LibrarySearch {
  const search: LibrarySearch = {};
  if (query.q) search.q = query.q;
  if (query.sort) search.sort = query.sort;
  if (query.page && query.page > 1) search.page = query.page;
  for (const facet of FACET_FIELDS) {
    const list = query[facet];
    if (!list?.length) continue;
    const joined = list.join(',');
    search[facet] = /^[1-9]\d{0,8}$/.test(joined) ? Number(joined) : joined;
  }
  return search;
}

/** The query of an address bar's search (parsed by `parseLibrarySearch`, or any older shape). */
export function libraryQuery(search: LibrarySearch | Record<string, unknown>): LibraryQuery {
  const parsed = parseLibrarySearch(search as Record<string, unknown>);
  const query: LibraryQuery = { q: parsed.q, sort: parsed.sort, page: parsed.page };
  for (const facet of FACET_FIELDS) {
    const list = values(parsed[facet]);
    if (list.length) query[facet] = list;
  }
  for (const key of ['q', 'sort', 'page'] as const) if (query[key] === undefined) delete query[key];
  return query;
}

/** The API request for a search: filters repeat (`country=MA&country=SN`). */
export function searchRequest(search: LibraryQuery): string {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q.trim());
  params.set('sort', search.sort ?? (search.q ? 'relevance' : 'date'));
  for (const facet of FACET_FIELDS) for (const value of search[facet] ?? []) params.append(facet, value);
  params.set('limit', String(RESULTS_PER_PAGE));
  params.set('offset', String(((search.page ?? 1) - 1) * RESULTS_PER_PAGE));
  return `/api/v1/knowledge/items?${params.toString()}`;
}

export const documentsRequest = () => withQuery('/api/v1/knowledge/documents', {});
/** The document's page in the web app. */
export const documentPath = (id: string) => `/library/documents/${encodeURIComponent(id)}`;
export const documentRequest = (id: string) => `/api/v1/knowledge/documents/${encodeURIComponent(id)}`;

type LabelLanguage = 'en' | 'fr' | 'ar';
const labelLanguage = (language: string): LabelLanguage => (language === 'fr' || language === 'ar' ? language : 'en');

const THEME_LABELS = new Map(THEMES.map((theme) => [theme.id as string, theme.label]));
const ORGANISATION_LABELS = new Map(ORGANISATIONS.map((organisation) => [organisation.id, organisation.label]));

/** Themes and organisations are labelled in English, French and Arabic; other languages read English. */
export function themeLabel(id: string, language: string): string {
  return THEME_LABELS.get(id)?.[labelLanguage(language)] ?? id;
}

export function organisationLabel(id: string, language: string): string {
  return ORGANISATION_LABELS.get(id)?.[labelLanguage(language)] ?? id;
}

export const TYPE_COLOURS: Record<ItemType, string> = {
  good_practice: 'green',
  challenge: 'orange',
  recommendation: 'blue',
  conclusion: 'teal',
};

export function typeColour(type: string): string {
  return TYPE_COLOURS[type as ItemType] ?? 'gray';
}

function formatDate(value: string, language: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

/** "12 Mar 2024" or "12 Mar 2024 – 14 Mar 2024". */
export function formatDates(dates: string[] | undefined, language: string): string {
  if (!dates?.length) return '';
  const first = formatDate(dates[0], language);
  const last = formatDate(dates[dates.length - 1], language);
  return first === last ? first : `${first} – ${last}`;
}

export function facetValueKey(facet: FacetField, value: string) {
  return `${facet}:${value}`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Turns the escaped text of a snippet back into plain text (React escapes it again when rendering). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/** Splits a snippet on `<mark>`/`</mark>` into plain-text parts, each saying whether it is highlighted. */
export function snippetParts(snippet: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let marked = false;
  for (const piece of snippet.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(piece)) marked = true;
    else if (/^<\/mark>$/i.test(piece)) marked = false;
    else if (piece) parts.push({ text: decodeEntities(piece), marked });
  }
  return parts;
}
