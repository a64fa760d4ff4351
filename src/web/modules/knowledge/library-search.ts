import { FACET_FIELDS } from '../../../shared/knowledge/kinds.js';

// Apart from knowledge.ts (labels, vocabularies) so the router reads a search without loading them.

/** What a library search is, as it stands in the address bar (so that it can be shared). */
export interface LibrarySearch {
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
}

function strings(value: unknown): string[] | undefined {
  const list = (Array.isArray(value) ? value : [value]).filter(
    (entry): entry is string | number => (typeof entry === 'string' && entry !== '') || typeof entry === 'number',
  );
  return list.length ? list.map(String) : undefined;
}

/** Reads the search from the URL, keeping only what it knows and in the shape it expects. */
export function parseLibrarySearch(raw: Record<string, unknown>): LibrarySearch {
  const search: LibrarySearch = {};
  if (typeof raw.q === 'string' && raw.q.trim()) search.q = raw.q;
  if (search.q && (raw.exact === true || raw.exact === 'true')) search.exact = true;
  if (raw.sort === 'date' || raw.sort === 'relevance') search.sort = raw.sort;
  const page = Number(raw.page);
  if (Number.isInteger(page) && page > 1) search.page = page;
  for (const facet of FACET_FIELDS) {
    const values = strings(raw[facet]);
    if (values) search[facet] = values;
  }
  return search;
}
