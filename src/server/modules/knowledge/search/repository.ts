import { type RawBuilder, sql } from 'kysely';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { visibleTo } from '../../../platform/policy/visibility-filter.js';
import type { FacetField, SearchFilters } from './schemas.js';

/**
 * How the text query matches: `fulltext` (stemmed, accent-folded tsquery over the search vector),
 * `fuzzy` (trigram word similarity, used when the full text finds nothing), or `all` (no query).
 */
export type MatchMode = 'all' | 'fulltext' | 'fuzzy';

export interface SearchSpec {
  viewer: Viewer | null;
  q: string | null;
  mode: MatchMode;
  filters: SearchFilters;
}

/** Marks around matched words in ts_headline; control characters never stored in item text. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

// English, French and plain-word queries ORed (liaison_tsquery, migrations/0002), computed once
// per statement rather than per row.
const tsquery = (q: string) => sql`(select liaison_tsquery(${q}))`;

const FILTERS: Record<FacetField, (values: never[]) => RawBuilder<unknown>> = {
  type: (values: string[]) => sql`i.type = any(${values}::text[])`,
  country: (values: string[]) => sql`i.countries && ${values}::text[]`,
  theme: (values: string[]) => sql`i.themes && ${values}::text[]`,
  organisation: (values: string[]) => sql`i.organisations && ${values}::text[]`,
  process: (values: string[]) => sql`d.process = any(${values}::text[])`,
  year: (values: number[]) => sql`extract(year from d.dates[1])::int = any(${values}::int[])`,
  reference: (values: string[]) =>
    sql`exists (select 1 from jsonb_array_elements(i."references") r where r ->> 'id' = any(${values}::text[]))`,
};

/**
 * The WHERE of every search statement (rows, total, facets): published items of published
 * documents the viewer may see, the text query, and the filters (but `except`'s own, for facets).
 */
function where(spec: SearchSpec, except?: FacetField): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [
    sql`i.status = 'published'`,
    sql`d.status = 'published'`,
    visibleTo(spec.viewer, 'd'),
  ];
  if (spec.q && spec.mode === 'fulltext') conditions.push(sql`i.search_vector @@ ${tsquery(spec.q)}`);
  if (spec.q && spec.mode === 'fuzzy') conditions.push(sql`liaison_unaccent(${spec.q}) <% liaison_unaccent(i.text)`);
  for (const [field, build] of Object.entries(FILTERS) as [FacetField, (values: unknown[]) => RawBuilder<unknown>][]) {
    const values = spec.filters[field];
    if (field !== except && values && values.length > 0) conditions.push(build(values));
  }
  return sql.join(conditions, sql` and `);
}

const FROM = sql`knowledge_items i join knowledge_documents d on d.id = i.document_id`;

export async function countItems(db: Db, spec: SearchSpec): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int as n from ${FROM} where ${where(spec)}`.execute(db);
  return result.rows[0].n;
}

export interface ItemRow {
  id: string;
  type: string;
  text: string;
  snippet: string;
  countries: string[];
  organisations: string[];
  themes: string[];
  references: unknown;
  document_id: string;
  title: string;
  process: string;
  city: string | null;
  country: string | null;
  dates: string[];
}

const escapedText = sql`replace(replace(replace(replace(replace(translate(i.text, chr(2) || chr(3), ''),
  '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')`;

/** The snippet, HTML-escaped in SQL; only MARK_START/MARK_END remain to become <mark> tags. */
function snippet(spec: SearchSpec) {
  if (!spec.q || spec.mode !== 'fulltext') return sql`left(${escapedText}, 400)`;
  const config = sql`(case when d.language = 'fr' then 'public.liaison_french' else 'public.liaison_english' end)::regconfig`;
  const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MinWords=20, MaxWords=45`;
  return sql`ts_headline(${config}, ${escapedText}, ${tsquery(spec.q)}, ${options})`;
}

function order(spec: SearchSpec, sort: 'relevance' | 'date') {
  const byDate = sql`d.dates[1] desc nulls last, d.id, i.position`;
  if (sort === 'date' || !spec.q) return byDate;
  if (spec.mode === 'fuzzy') return sql`word_similarity(liaison_unaccent(${spec.q}), liaison_unaccent(i.text)) desc, ${byDate}`;
  return sql`ts_rank(i.search_vector, ${tsquery(spec.q)}) desc, ${byDate}`;
}

export async function searchItems(
  db: Db,
  spec: SearchSpec,
  page: { sort: 'relevance' | 'date'; limit: number; offset: number },
): Promise<ItemRow[]> {
  const result = await sql<ItemRow>`select i.id, i.type, i.text, ${snippet(spec)} as snippet, i.countries, i.organisations,
      i.themes, i."references", d.id as document_id, d.title, d.process, d.city, d.country,
      array(select to_char(day, 'YYYY-MM-DD') from unnest(d.dates) as day order by day) as dates
    from ${FROM} where ${where(spec)}
    order by ${order(spec, page.sort)}
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return result.rows;
}

// The value each facet counts, and the join that spreads multi-valued fields over their values.
const FACET_VALUES: Record<FacetField, { value: RawBuilder<unknown>; join?: RawBuilder<unknown> }> = {
  type: { value: sql`i.type` },
  process: { value: sql`d.process` },
  year: { value: sql`extract(year from d.dates[1])::int::text` },
  country: { value: sql`v.value`, join: sql`cross join lateral unnest(i.countries) as v(value)` },
  theme: { value: sql`v.value`, join: sql`cross join lateral unnest(i.themes) as v(value)` },
  organisation: { value: sql`v.value`, join: sql`cross join lateral unnest(i.organisations) as v(value)` },
  reference: {
    value: sql`v.value ->> 'id'`,
    join: sql`cross join lateral jsonb_array_elements(i."references") as v(value)`,
  },
};

export const FACET_LIMIT = 100;

/**
 * Items per value of one field, under the same visibility, text query and filters as the rows —
 * except the field's own filter, so choosing a country still shows how many items other countries
 * have. An item counts once per distinct value it carries.
 */
export async function facet(db: Db, spec: SearchSpec, field: FacetField): Promise<{ value: string; count: number }[]> {
  const { value, join } = FACET_VALUES[field];
  const result = await sql<{ value: string; count: number }>`select ${value} as value, count(distinct i.id)::int as count
    from ${FROM} ${join ?? sql``}
    where ${where(spec, field)} and ${value} is not null
    group by 1 order by 2 desc, 1 limit ${FACET_LIMIT}`.execute(db);
  return result.rows;
}

export interface DocumentRow {
  id: string;
  title: string;
  process: string;
  meeting_kind: string | null;
  city: string | null;
  country: string | null;
  dates: string[];
  co_chairs: string[];
  language: string;
  version: number;
  handling_code: string;
  published_at: Date | null;
  item_count: number;
  body?: string;
}

const DOCUMENT_COLUMNS = sql`d.id, d.title, d.process, d.meeting_kind, d.city, d.country,
  array(select to_char(day, 'YYYY-MM-DD') from unnest(d.dates) as day order by day) as dates, d.co_chairs, d.language,
  d.version, d.handling_code, d.published_at,
  (select count(*) from knowledge_items i where i.document_id = d.id and i.status = 'published')::int as item_count`;

export async function listDocuments(
  db: Db,
  viewer: Viewer | null,
  page: { limit: number; offset: number },
): Promise<{ rows: DocumentRow[]; total: number }> {
  const visible = sql`d.status = 'published' and ${visibleTo(viewer, 'd')}`;
  const rows = await sql<DocumentRow>`select ${DOCUMENT_COLUMNS} from knowledge_documents d where ${visible}
    order by d.dates[1] desc nulls last, d.title, d.id limit ${page.limit} offset ${page.offset}`.execute(db);
  const total = await sql<{ n: number }>`select count(*)::int as n from knowledge_documents d where ${visible}`.execute(db);
  return { rows: rows.rows, total: total.rows[0].n };
}

export async function findDocument(db: Db, viewer: Viewer | null, id: string): Promise<DocumentRow | undefined> {
  const result = await sql<DocumentRow>`select ${DOCUMENT_COLUMNS}, d.body from knowledge_documents d
    where d.id = ${id} and d.status = 'published' and ${visibleTo(viewer, 'd')}`.execute(db);
  return result.rows[0];
}

export interface DocumentItemRow {
  id: string;
  position: number;
  type: string;
  text: string;
  line: number | null;
  page: number | null;
  countries: string[];
  organisations: string[];
  themes: string[];
  references: unknown;
}

/** Published items of a published document, under the same visibility rule as the document. */
export async function documentItems(db: Db, viewer: Viewer | null, documentId: string): Promise<DocumentItemRow[]> {
  const result = await sql<DocumentItemRow>`select i.id, i.position, i.type, i.text, i.line, i.page, i.countries,
      i.organisations, i.themes, i."references"
    from ${FROM} where i.document_id = ${documentId} and i.status = 'published' and d.status = 'published'
      and ${visibleTo(viewer, 'd')}
    order by i.position`.execute(db);
  return result.rows;
}
