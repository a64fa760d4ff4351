import { FACET_FIELDS, type FacetField, type ItemType } from '../../../shared/knowledge/kinds.js';
import { ORGANISATIONS } from '../../../shared/knowledge/vocabulary/organisations-data.js';
import { THEMES } from '../../../shared/knowledge/vocabulary/themes-data.js';
import { withQuery } from '../../api/client.js';
import { formatDateRange } from '../../app/format.js';
import type { LibraryQuery } from './library-search.js';

export {
  type LibraryQuery,
  type LibrarySearch,
  libraryQuery,
  librarySearch,
  parseLibrarySearch,
} from './library-search.js';

export const RESULTS_PER_PAGE = 20;

/** A document's language as an HTML `lang` value: a language code, never the library's "other". */
export function htmlLang(language: string | null | undefined): string | undefined {
  return language && /^[a-z]{2,3}$/.test(language) ? language : undefined;
}

/** The API request for a search: filters repeat (`country=MA&country=SN`). */
export function searchRequest(search: LibraryQuery): string {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q.trim());
  if (search.q && search.exact) params.set('exact', 'true');
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

/** "12 Mar 2024" or "12 Mar 2024 – 14 Mar 2024". */
export function formatDates(dates: string[] | undefined, language: string): string {
  return formatDateRange(dates, language);
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
