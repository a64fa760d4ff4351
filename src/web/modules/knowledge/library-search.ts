import { FACET_FIELDS, type FacetField } from '../../../shared/knowledge/kinds.js';

// Apart from knowledge.ts (labels, vocabularies) so the router reads a search without loading them.

/** A library search as the pages work with it: each filter a list of values. */
export interface LibraryQuery {
  q?: string;
  /** Search the words as typed: no spelling correction ("Search instead for …"). */
  exact?: boolean;
  sort?: 'relevance' | 'date';
  page?: number;
  type?: string[];
  country?: string[];
  theme?: string[];
  process?: string[];
  year?: string[];
  organisation?: string[];
  reference?: string[];
  /** `followed_up` or `not_followed_up` (a commitment acts on the item, or none yet). */
  followUp?: string[];
}

/**
 * A library search as it stands in the address bar, to be read and shared:
 * `/library?theme=document_security_and_fraud&country=SN,MA&type=recommendation`. Each filter is
 * one comma-separated value (no vocabulary id holds a comma); a lone number (a year) stays a
 * number, which the router writes as is, where it would quote a string that looks like one.
 */
export type LibrarySearch = Pick<LibraryQuery, 'q' | 'exact' | 'sort' | 'page'> & Partial<Record<FacetField, string | number>>;

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
  if (query.q && (raw.exact === true || raw.exact === 'true')) query.exact = true;
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
  if (query.q && query.exact) search.exact = true;
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
  const query: LibraryQuery = { q: parsed.q, exact: parsed.exact, sort: parsed.sort, page: parsed.page };
  for (const facet of FACET_FIELDS) {
    const list = values(parsed[facet]);
    if (list.length) query[facet] = list;
  }
  for (const key of ['q', 'exact', 'sort', 'page'] as const) if (query[key] === undefined) delete query[key];
  return query;
}
