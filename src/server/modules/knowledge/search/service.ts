import type { ServiceContext } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { viewerOf } from '../../../platform/policy/visibility-filter.js';
import * as repo from './repository.js';
import { type DocumentListQuery, FACET_FIELDS, type FacetField, type SearchQuery } from './schemas.js';

/** Codes above TLP:GREEN: every read of such a document is written to the audit trail. */
const SENSITIVE_CODES = new Set(['TLP:RED', 'TLP:AMBER+STRICT', 'TLP:AMBER']);

const toMarkedSnippet = (escaped: string) => escaped.replaceAll(repo.MARK_START, '<mark>').replaceAll(repo.MARK_END, '</mark>');

function toItemResponse(row: repo.ItemRow) {
  return {
    id: row.id,
    type: row.type,
    text: row.text,
    snippet: toMarkedSnippet(row.snippet),
    countries: row.countries,
    organisations: row.organisations,
    themes: row.themes,
    references: row.references,
    document: {
      id: row.document_id,
      title: row.title,
      process: row.process,
      city: row.city,
      country: row.country,
      dates: row.dates,
    },
  };
}

/**
 * Full-text search over published items the caller may see. A text query is first matched as full
 * text; only when that finds nothing anywhere (under the same visibility and filters) does it fall
 * back to trigram similarity, so a typo still finds something. Rows, total and every facet go
 * through the same WHERE (repository `where`), which always holds `visibleTo`.
 */
export async function searchItems(ctx: ServiceContext, query: SearchQuery) {
  const spec = await matchSpec(ctx, query);
  const total = await repo.countItems(ctx.db, spec);
  const sort = query.sort ?? (spec.q ? 'relevance' : 'date');
  const rows =
    total === 0 ? [] : await repo.searchItems(ctx.db, spec, { sort, limit: query.limit ?? 20, offset: query.offset ?? 0 });
  const facets = {} as Record<FacetField, { value: string; count: number }[]>;
  for (const field of FACET_FIELDS) facets[field] = await repo.facet(ctx.db, spec, field);
  return { items: rows.map(toItemResponse), total, match: spec.mode, facets };
}

/**
 * Every item a search finds (up to `max`), in the search's order, for exports: the same
 * visibility, text match and filters as `searchItems`, without facets or paging.
 */
export async function searchAllItems(ctx: ServiceContext, query: Omit<SearchQuery, 'limit' | 'offset'>, max: number) {
  const spec = await matchSpec(ctx, query);
  const total = await repo.countItems(ctx.db, spec);
  const sort = query.sort ?? (spec.q ? 'relevance' : 'date');
  const rows = total === 0 ? [] : await repo.searchItems(ctx.db, spec, { sort, limit: max, offset: 0 });
  return { items: rows.map(toItemResponse), total, match: spec.mode };
}

/** The search spec of a query, with the text match mode decided: full text, or fuzzy when that finds nothing. */
async function matchSpec(ctx: ServiceContext, query: Omit<SearchQuery, 'limit' | 'offset'>): Promise<repo.SearchSpec> {
  const q = query.q?.trim() || null;
  const spec: repo.SearchSpec = {
    viewer: viewerOf(ctx.actor),
    q,
    mode: q ? 'fulltext' : 'all',
    filters: {
      type: query.type,
      country: query.country,
      theme: query.theme,
      process: query.process,
      year: query.year,
      organisation: query.organisation,
      reference: query.reference,
    },
  };
  if (q && (await repo.countItems(ctx.db, spec)) === 0) spec.mode = 'fuzzy';
  return spec;
}

function toDocumentResponse(row: repo.DocumentRow) {
  return {
    id: row.id,
    title: row.title,
    process: row.process,
    meetingKind: row.meeting_kind,
    city: row.city,
    country: row.country,
    dates: row.dates,
    coChairs: row.co_chairs,
    language: row.language,
    version: row.version,
    handlingCode: row.handling_code,
    publishedAt: row.published_at,
    itemCount: row.item_count,
  };
}

export async function listDocuments(ctx: ServiceContext, query: DocumentListQuery) {
  const { rows, total } = await repo.listDocuments(ctx.db, viewerOf(ctx.actor), {
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  });
  return { documents: rows.map(toDocumentResponse), total };
}

/** One document with its original text and published items; invisible and unknown ids are both 404. */
export async function getDocument(ctx: ServiceContext, id: string) {
  const viewer = viewerOf(ctx.actor);
  const row = await repo.findDocument(ctx.db, viewer, id);
  if (!row) throw notFound('document');
  if (SENSITIVE_CODES.has(row.handling_code)) {
    await ctx.auditSensitiveRead('knowledge_document', row.id, { handlingCode: row.handling_code });
  }
  const items = await repo.documentItems(ctx.db, viewer, row.id);
  return {
    ...toDocumentResponse(row),
    body: row.body ?? '',
    items: items.map((item) => ({
      id: item.id,
      position: item.position,
      type: item.type,
      text: item.text,
      line: item.line,
      page: item.page,
      countries: item.countries,
      organisations: item.organisations,
      themes: item.themes,
      references: item.references,
    })),
  };
}
