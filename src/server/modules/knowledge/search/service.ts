import { isAboveGreen } from '../../../../shared/handling-codes.js';
import type { ServiceContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/errors.js';
import { toDocumentRefResponse, toMeetingResponse } from '../meeting.js';
import { translateQuery, translationWords } from '../vocabulary/glossary.js';
import { correctQuery, warmSpelling } from './correction.js';
import { type FacetStore, facetStoreFor } from './facet-store.js';
import { firstInOrder } from './first-in-order.js';
import { followedUpSeqs } from './followup-repository.js';
import * as repo from './repository.js';
import type { DocumentListQuery, SearchFilters, SearchQuery } from './schemas.js';

/** Words of a query used to relax it, at most: beyond, the combinations grow too many. */
const MAX_RELAXED_WORDS = 6;

const toMarkedSnippet = (escaped: string) => escaped.replaceAll(repo.MARK_START, '<mark>').replaceAll(repo.MARK_END, '</mark>');

function toItemResponse(row: repo.SearchItem) {
  return {
    id: row.id,
    type: row.type,
    text: row.text,
    snippet: toMarkedSnippet(row.snippet),
    countries: row.countries,
    organisations: row.organisations,
    themes: row.themes,
    references: row.references,
    matchedThrough: row.translated ? ('translation' as const) : ('query' as const),
    document: toDocumentRefResponse(row),
  };
}

type Query = Omit<SearchQuery, 'limit' | 'offset'>;
/** What a search reads with: the database and who is looking (null: the public). */
type Reader = Pick<ServiceContext, 'db' | 'viewer'>;

const filtersOf = (query: Query): SearchFilters => ({
  type: query.type,
  country: query.country,
  theme: query.theme,
  process: query.process,
  year: query.year,
  organisation: query.organisation,
  reference: query.reference,
  followUp: query.followUp,
});

/** Date order: newest meeting first, then document, then place in the document. */
const byDateRank = (store: FacetStore) => {
  const { dateRank } = store;
  return (a: number, b: number) => dateRank[a] - dateRank[b];
};

/**
 * Finds what a query matches (item numbers), with facet counts and the order to show it in
 * (`compare`; the matches themselves are not sorted: a page needs only its first few). The text
 * match, its relevance scores and the visibility rule run in SQL; filters, facets and date order
 * run over the facet store. Misspelt words are corrected to words the viewer may find (`fuzzy`, with
 * the `correction`, unless `exact`); a text that still matches nothing is retried with misspelt
 * words corrected by trigrams (`fuzzy`), then with as many of its words as some item holds (`partial`).
 */
async function runSearch(ctx: Reader, query: Query) {
  const { viewer } = ctx;
  const store = facetStoreFor(ctx.db);
  // Which items a commitment the viewer may see acts on (the followUp facet), read beside the refresh.
  const [, followedUp] = await Promise.all([store.refresh(), followedUpSeqs(ctx.db, viewer)]);
  const filters = { ...filtersOf(query), followedUp };
  const q = query.q?.trim() || null;
  const byDate = (query.sort ?? (q ? 'relevance' : 'date')) === 'date';
  if (!q) {
    const documents = await repo.visibleDocumentIds(ctx.db, viewer);
    const found = store.filterAndCount(store.inDocuments(documents), filters);
    return { mode: 'all' as const, correction: null, highlight: null, typed: null, compare: byDateRank(store), ...found };
  }
  const typed = await textSearch(ctx, store, filters, byDate, q);
  const { words, attempt } = typed;
  const exact = await typed.asWritten();
  const correction = query.exact ? null : await correctQuery(ctx.db, viewer, q);
  if (correction) {
    // The corrected query, run and ranked as if typed so. Its results replace the typed query's when
    // they are at least twice as many, none included. Not the typed and corrected words ORed:
    // "Showing results for trafficking" must be true of every result. Not only when the typed query
    // finds nothing: a misspelling may still stem to a real word ("trafficing" → traffic) and find a
    // few items about something else. Twice as many, so that a rare but real form the lexicon lacks
    // ("migrantes", found through the French stem) keeps its own, comparable results.
    const fixed = await textSearch(ctx, store, filters, byDate, correction.query);
    const found = await fixed.asWritten();
    if (found.matched.length > 0 && found.matched.length >= 2 * exact.matched.length) {
      return { mode: 'fuzzy' as const, correction, ...found };
    }
    // Neither finds an item holding every word: the corrected words are relaxed instead.
    const relaxed = exact.matched.length === 0 && found.matched.length === 0 ? await relax(fixed) : null;
    if (relaxed) return { ...relaxed, correction };
  }
  if (exact.matched.length > 0) return { mode: 'fulltext' as const, correction: null, ...exact };
  if (!query.exact && words.some((word) => word.corrected && word.corrected !== word.word)) {
    const fuzzy = await attempt(words.map((word) => word.corrected ?? word.word).join(' '));
    if (fuzzy.matched.length > 0) return { mode: 'fuzzy' as const, correction: null, ...fuzzy };
  }
  const relaxed = await relax(typed);
  return relaxed ? { ...relaxed, correction: null } : { mode: 'fulltext' as const, correction: null, ...exact };
}

/**
 * Relaxed: the most words any item holds together (fewer than all, or all the known ones when some
 * words are unknown to the library), items holding more of them first; null when no item holds any.
 */
async function relax({ words, known, attempt }: TextSearch) {
  for (let size = Math.min(known.length, words.length - 1); size >= 1; size--) {
    const relaxed = combinations(known, size).map((combination) => combination.join(' '));
    const partial = await attempt(relaxed.join(' or '), true);
    if (partial.matched.length > 0) return { mode: 'partial' as const, ...partial };
  }
  return null;
}

/**
 * The text search of `q`: its indexed words (ranking and relaxing), `attempt` to match a text query
 * and rank what it finds by `q`'s words, and `asWritten`, the match of `q` ORed with its
 * translations through the glossary.
 */
async function textSearch(ctx: Reader, store: FacetStore, filters: SearchFilters, byDate: boolean, q: string) {
  const { viewer } = ctx;
  const words = await repo.correctWords(ctx.db, q);
  const known = [...new Set(words.flatMap((word) => (word.corrected ? [word.corrected] : [])))].slice(0, MAX_RELAXED_WORDS);
  // The query written again in the other language(s) through the glossary, ORed with it as typed.
  const translations = translateQuery(q);
  const rankWordsOfTranslations = translationWords(translations)
    .filter((word) => !known.includes(word))
    .join(' ');
  const attempt = async (match: repo.TextQuery, byCoverage = false) => {
    const rankAlso = typeof match === 'string' ? undefined : rankWordsOfTranslations;
    const matches = await repo.matchItems(ctx.db, viewer, { match, rankWords: byDate ? null : known, byCoverage, rankAlso });
    const found = store.filterAndCount(store.searchable(matches.seqs), filters);
    const typed = typeof match === 'string' ? null : match.typed;
    if (!matches.scores) return { highlight: match, typed, compare: byDateRank(store), ...found };
    const score = new Float64Array(store.capacity);
    const { seqs, scores } = matches;
    for (let i = 0; i < seqs.length; i++) {
      if (seqs[i] < score.length) score[seqs[i]] = scores[i];
    }
    const { dateRank } = store;
    // Most relevant first, then newest: the date order breaks every tie.
    const compare = (a: number, b: number) => score[b] - score[a] || dateRank[a] - dateRank[b];
    return { highlight: match, typed, compare, ...found };
  };
  const asWritten = () => attempt(translations.length > 0 ? { typed: q, translations } : q);
  return { words, known, attempt, asWritten };
}

type TextSearch = Awaited<ReturnType<typeof textSearch>>;
/** Every choice of `size` words, in order: the relaxed query ORs them. */
function combinations(words: string[], size: number): string[][] {
  if (size === 0) return [[]];
  return words.flatMap((word, index) => combinations(words.slice(index + 1), size - 1).map((rest) => [word, ...rest]));
}

async function pageRows(ctx: Reader, seqs: number[], highlight: repo.TextQuery | null, typed: string | null) {
  const rows = await repo.itemRows(ctx.db, ctx.viewer, seqs, highlight, typed);
  return rows.map(toItemResponse);
}

/**
 * Full-text search over published items the caller may see, with facets. Every step that decides
 * what is visible runs through the SQL visibility rule (`visibleTo`): the match, the candidate
 * documents of a search without text, and the page rows.
 */
export async function searchItems(ctx: Reader, query: SearchQuery) {
  const found = await runSearch(ctx, query);
  const offset = query.offset ?? 0;
  const page = firstInOrder(found.matched, offset + (query.limit ?? 20), found.compare).slice(offset);
  const items = await pageRows(ctx, page, found.highlight, found.typed);
  const correction = found.correction ? { correction: { query: found.correction.query, from: found.correction.from } } : {};
  return { items, total: found.matched.length, match: found.mode, ...correction, facets: found.facets };
}

/**
 * Every item a search finds (up to `max`), in the search's order, for exports: the same
 * visibility, text match and filters as `searchItems`, without facets or paging.
 */
export async function searchAllItems(ctx: ServiceContext, query: Query, max: number) {
  const found = await runSearch(ctx, query);
  // Exports show whole texts: no highlighted snippets, which cost more than the rest of the rows.
  const items = await pageRows(ctx, firstInOrder(found.matched, max, found.compare), null, null);
  return { items, total: found.matched.length, match: found.mode };
}

const warmed = new WeakSet<Db>();

/** Connections of the pool the warm-up prepares at once (PGlite has one session: it runs them in turn). */
const WARM_CONNECTIONS = 3;

/**
 * Prepares the library's search at start: loads the facet store (seconds for a large library) and
 * reads the search index into the database's cache, then runs, as the public, a search with text,
 * one written in French that the glossary translates and one without text, on a few connections at
 * once, so that the first real search does not pay either for what the store does not hold — the
 * text-search dictionaries each database connection loads on first use, first plans and prepared
 * statements, compiling this code and the glossary's.
 */
export async function warmSearch(db: Db, throughTheRoute?: () => Promise<unknown>) {
  await facetStoreFor(db).refresh();
  await warmSpelling(db);
  await repo.readSearchIndex(db);
  const reader: Reader = { db, viewer: null };
  const warmOnce = async () => {
    await searchItems(reader, { q: 'migration border', limit: 20 });
    await searchItems(reader, { q: 'retour volontaire', limit: 20 });
    await searchItems(reader, { limit: 20 });
  };
  await Promise.all(Array.from({ length: WARM_CONNECTIONS }, warmOnce));
  // The HTTP layers' own first-call costs (parsing, validation, serialising the answer) were about
  // twenty milliseconds of the first search: one search through the route takes them.
  await throughTheRoute?.();
  warmed.add(db);
}

/** Whether `warmSearch` has completed on this database handle. */
export const isSearchWarm = (db: Db) => warmed.has(db);

function toDocumentResponse(row: repo.LibraryDocument) {
  return {
    id: row.id,
    ...toMeetingResponse(row),
    coChairs: row.coChairs,
    language: row.language,
    version: row.version,
    handlingCode: row.handlingCode,
    publishedAt: row.publishedAt,
    itemCount: row.itemCount,
  };
}

export async function listDocuments(ctx: ServiceContext, query: DocumentListQuery) {
  const { documents, total } = await repo.listDocuments(ctx.db, ctx.viewer, {
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  });
  return { documents: documents.map(toDocumentResponse), total };
}

/** One document with its original text and published items; invisible and unknown ids are both 404. */
export async function getDocument(ctx: ServiceContext, id: string) {
  const { viewer } = ctx;
  const row = await repo.findDocument(ctx.db, viewer, id);
  if (!row) throw notFound('document');
  if (isAboveGreen(row.handlingCode)) {
    await ctx.auditSensitiveRead('knowledge_document', row.id, { handlingCode: row.handlingCode });
  }
  const items = await repo.documentItems(ctx.db, viewer, row.id);
  return {
    ...toDocumentResponse(row),
    body: row.body,
    items: items.map((item) => ({
      id: item.id,
      position: item.position,
      type: item.type,
      text: item.text,
      line: item.line,
      number: item.number,
      page: item.page,
      countries: item.countries,
      organisations: item.organisations,
      themes: item.themes,
      references: item.references,
    })),
  };
}
