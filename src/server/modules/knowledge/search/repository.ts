import { sql } from 'kysely';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
import { prepared } from '../../../platform/db/prepared.js';
import { visibleTo } from '../../../platform/policy/visibility-filter.js';
import type { DocumentRef, Meeting } from '../meeting.js';
import {
  DOCUMENT_REF_COLUMNS,
  type DocumentRefRow,
  documentRefOf,
  MEETING_DATES,
  type MeetingRow,
  meetingOf,
} from '../meeting-repository.js';
import type { Translation } from '../vocabulary/glossary.js';
import { type Matches, parseMatches } from './match-list.js';

/**
 * How the text query matched: `fulltext` (stemmed, accent-folded, every word), `fuzzy` (misspelt
 * words corrected to indexed words, then full text), `partial` (as many of the words as any item
 * holds), or `all` (no text query).
 */
export type MatchMode = 'all' | 'fulltext' | 'fuzzy' | 'partial';

/** Marks around matched words in ts_headline; control characters never stored in item text. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

const FROM = sql`knowledge_items i join knowledge_documents d on d.id = i.document_id`;
const SEARCHABLE = sql`i.status = 'published' and d.status = 'published'`;

/**
 * A text query: the words as typed, or those and the same query written again in English or French
 * (translations through the glossary), ORed.
 */
export type TextQuery = string | { typed: string; translations: readonly Translation[] };

// English, French and plain-word queries ORed (liaison_tsquery, migrations/0002), computed once
// per statement rather than per row.
const tsquery = (q: string) => sql`(select liaison_tsquery(${q}))`;

const CONFIGS = { en: 'public.liaison_english', fr: 'public.liaison_french' } as const;
/** A translation is read in its own language only: the other parses would find nothing more. */
const translationTsquery = ({ text, language }: Translation) =>
  sql`(select websearch_to_tsquery(${CONFIGS[language]}::regconfig, ${text}))`;

/**
 * The text match as conditions on the search index `k`, one per alternative: the typed query, then
 * each translation. Each is a GIN scan of its own that starts from its rarest word — one big OR
 * inside a single tsquery would read every posting list whole (the commonest words' too), and ORed
 * conditions are read by a sequential scan when the planner prices many alternatives, or a GIN
 * pending list, too high. Each alternative leaves out the items an earlier one matched, so that an
 * item is read and ranked once and the matches need no de-duplicating.
 */
function matchConditions(q: TextQuery) {
  const alternatives = typeof q === 'string' ? [tsquery(q)] : [tsquery(q.typed), ...q.translations.map(translationTsquery)];
  return alternatives.map((alternative, index) =>
    sql.join(
      [
        sql`k.vector @@ ${alternative}`,
        ...alternatives.slice(0, index).map((earlier) => sql`(k.vector @@ ${earlier}) is not true`),
      ],
      sql` and `,
    ),
  );
}

/** The whole query as one tsquery, to mark what it matched in snippets. */
function highlightTsquery(q: TextQuery) {
  if (typeof q === 'string') return tsquery(q);
  return sql`(select ${sql.join([sql`liaison_tsquery(${q.typed})`, ...q.translations.map(translationTsquery)], sql` || `)})`;
}

/**
 * The searchable items the viewer may see whose text matches `match` (item numbers), each with a
 * relevance score when `rankWords` are given: ts_rank of the words in the document's language,
 * plus, for a relaxed match (`byCoverage`), a thousand per word the item holds — in a full match
 * every item holds them all. Read from the narrow `knowledge_search_index`, not the item rows, and
 * sent as one text value ("seq:score,…"): tens of thousands of matches travel and parse faster that
 * way than as rows. Ordering is left to the caller, which knows the date order.
 */
export async function matchItems(
  db: Db,
  viewer: Viewer | null,
  query: { match: TextQuery; rankWords: string[] | null; byCoverage: boolean; rankAlso?: string },
): Promise<Matches> {
  const words = query.rankWords ?? [];
  // Words of the query's translations rank the items they find as the query's words rank the others.
  const text = [...words, ...(query.rankWords && query.rankAlso ? [query.rankAlso] : [])].join(' ');
  const ranked = text.length > 0;
  let value = sql`k.seq::text`;
  if (ranked) {
    // The language picks which ts_rank to call rather than which tsquery to give it: the same
    // figures, but PostgreSQL ranks tens of thousands of matches about twice as fast this way.
    const rank = sql`coalesce(case when d.language = 'fr'
      then ts_rank(k.vector, (select liaison_rank_tsquery('public.liaison_french'::regconfig, ${text})))
      else ts_rank(k.vector, (select liaison_rank_tsquery('public.liaison_english'::regconfig, ${text}))) end, 0)`;
    const coverage = () =>
      sql.join(
        words.map((word) => sql`(k.vector @@ ${tsquery(word)})::int`),
        sql` + `,
      );
    const score = query.byCoverage && words.length > 0 ? sql`1000 * (${coverage()}) + ${rank}` : rank;
    // In billionths, as an integer: PostgreSQL writes an integer and Node reads one faster than a
    // real, and a real's own precision is coarser than that for every score.
    value = sql`k.seq || ':' || round((${score}) * 1e9)::bigint`;
  }
  const selects = matchConditions(query.match).map(
    (condition) => sql`select ${value} as value
      from knowledge_search_index k join knowledge_documents d on d.id = k.document_id
      where d.status = 'published' and ${visibleTo(viewer, 'd')} and ${condition}`,
  );
  // Prepared: a translated match plans one scan per alternative, which costs more than running it.
  const result = await prepared(
    sql<{ matches: string | null }>`select string_agg(value, ',') as matches from (${sql.join(selects, sql` union all `)}) m`,
  ).execute(db);
  const found = result.rows[0]?.matches;
  if (!found) return { seqs: new Int32Array(0), scores: ranked ? new Float64Array(0) : null };
  return parseMatches(found, ranked);
}

/**
 * Reads every row of the narrow search index once (at start): a match of tens of thousands of items
 * reads most of its pages, three to four times slower while they are not yet in the database's
 * cache, as after a restart or a large import. Reads `vector`, so the rows themselves are read,
 * not only an index of them. Answers nothing about any item: visibility does not apply.
 */
export async function readSearchIndex(db: Db): Promise<void> {
  await sql`select sum(length(k.vector)) from knowledge_search_index k`.execute(db);
}

/** Published documents the viewer may see (the candidates of a search without text). */
export async function visibleDocumentIds(db: Db, viewer: Viewer | null): Promise<Set<string>> {
  const rows = await db
    .selectFrom('knowledge_documents as d')
    .select('d.id')
    .where('d.status', '=', 'published')
    .where(visibleTo(viewer, 'd'))
    .execute();
  return new Set(rows.map((row) => row.id));
}

/**
 * The content words of a text query (accents folded, lower case, stop words of English and French
 * left out), each with the indexed word it is corrected to: itself when indexed, else the most
 * similar indexed word by trigrams, else null.
 */
export async function correctWords(db: Db, q: string): Promise<{ word: string; corrected: string | null }[]> {
  const result = await sql<{ word: string; corrected: string | null }>`select w.word,
      coalesce((select s.word from knowledge_search_words s where s.word = w.word),
        (select s.word from knowledge_search_words s where s.word % w.word
          order by similarity(s.word, w.word) desc, s.word limit 1)) as corrected
    from unnest(tsvector_to_array(to_tsvector('public.liaison_simple'::regconfig, ${q}))) as w(word)
    where to_tsvector('public.liaison_english'::regconfig, w.word) <> ''::tsvector
      and to_tsvector('public.liaison_french'::regconfig, w.word) <> ''::tsvector
    order by w.word`.execute(db);
  return result.rows;
}

/** A search result: the item, its snippet (HTML-escaped, matches between MARK_START and MARK_END) and its source. */
export interface SearchItem extends DocumentRef {
  seq: number;
  id: string;
  type: string;
  text: string;
  snippet: string;
  countries: string[];
  organisations: string[];
  themes: string[];
  references: unknown;
  /** Found only through the query's translation, not through its own words. */
  translated: boolean;
}

/** The item's own columns keep their names; only its document's are named apart. */
type ItemRow = Omit<SearchItem, keyof DocumentRef> & DocumentRefRow;

const escapedText = sql`replace(replace(replace(replace(replace(translate(i.text, chr(2) || chr(3), ''),
  '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')`;

/** The snippet, HTML-escaped in SQL; only MARK_START/MARK_END remain to become <mark> tags. */
function snippet(highlight: TextQuery | null) {
  if (!highlight) return sql`left(${escapedText}, 400)`;
  const config = sql`(case when d.language = 'fr' then 'public.liaison_french' else 'public.liaison_english' end)::regconfig`;
  const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MinWords=20, MaxWords=45`;
  return sql`ts_headline(${config}, ${escapedText}, ${highlightTsquery(highlight)}, ${options})`;
}

/**
 * The rows of one page of results, in the order of `seqs`, with snippets highlighting `highlight`.
 * When the match was a translated query, `typed` is the query as typed: an item its words do not
 * match is marked `translated`. Visibility is applied again: a page never shows more than SQL says
 * the viewer may see.
 */
export async function itemRows(
  db: Db,
  viewer: Viewer | null,
  seqs: number[],
  highlight: TextQuery | null,
  typed: string | null = null,
): Promise<SearchItem[]> {
  if (seqs.length === 0) return [];
  const translated = typed
    ? sql`not exists (select 1 from knowledge_search_index k where k.seq = i.search_seq and k.vector @@ ${tsquery(typed)})`
    : sql`false`;
  const result = await sql<ItemRow>`select i.search_seq as seq, i.id, i.type, i.text, ${snippet(highlight)} as snippet,
      ${translated} as translated, i.countries, i.organisations, i.themes, i."references", ${DOCUMENT_REF_COLUMNS}
    from ${FROM} where i.search_seq = any(${seqs}::int[]) and ${SEARCHABLE} and ${visibleTo(viewer, 'd')}`.execute(db);
  const bySeq = new Map(result.rows.map((row) => [row.seq, row]));
  return seqs.flatMap((seq) => {
    const row = bySeq.get(seq);
    if (!row) return [];
    return {
      seq: row.seq,
      id: row.id,
      type: row.type,
      text: row.text,
      snippet: row.snippet,
      countries: row.countries,
      organisations: row.organisations,
      themes: row.themes,
      references: row.references,
      translated: row.translated,
      ...documentRefOf(row),
    };
  });
}

/** What the facet store keeps of an item. */
export interface SearchEntry {
  seq: number;
  id: string;
  documentId: string;
  /** Published, in a published document. */
  searchable: boolean;
  type: string;
  process: string;
  year: number | null;
  /** The first meeting day, ISO. */
  day: string | null;
  position: number;
  countries: string[];
  themes: string[];
  organisations: string[];
  referenceIds: string[];
}

/** Read as a search entry, but for the columns named apart and the null row of a watermark without change. */
interface SearchEntryRow extends Omit<SearchEntry, 'seq' | 'documentId' | 'referenceIds'> {
  seq: number | null;
  document_id: string;
  reference_ids: string[];
}

/**
 * Items written since `watermark` (a transaction id), or belonging to a document written since,
 * with what the facet store keeps of them; and the next watermark: the oldest transaction still
 * running when this statement started, so rows of transactions that commit later are found by the
 * next call.
 */
export async function searchEntriesChangedSince(
  db: Db,
  watermark: string,
): Promise<{ watermark: string; entries: SearchEntry[] }> {
  const result = await sql<SearchEntryRow & { next_watermark: string }>`with snapshot as (
      select pg_snapshot_xmin(pg_current_snapshot())::text as next_watermark),
    changed as (
      select i.id from knowledge_items i where i.search_xid >= ${watermark}::xid8
      union
      select i.id from knowledge_items i where i.document_id in (
        select d.id from knowledge_documents d where d.search_xid >= ${watermark}::xid8))
    select snapshot.next_watermark, c.* from snapshot left join lateral (
      select i.search_seq as seq, i.id, i.document_id, ${SEARCHABLE} as searchable, i.type, d.process,
        extract(year from d.dates[1])::int as year, to_char(d.dates[1], 'YYYY-MM-DD') as day, i.position,
        i.countries, i.themes, i.organisations,
        array(select r ->> 'id' from jsonb_array_elements(i."references") r where r ->> 'id' is not null) as reference_ids
      from changed join ${FROM} on i.id = changed.id) c on true`.execute(db);
  const next = result.rows[0]?.next_watermark ?? watermark;
  // A watermark row with no change carries nulls (the left join): it is no entry.
  const entries = result.rows.flatMap((row) =>
    row.seq === null
      ? []
      : {
          seq: row.seq,
          id: row.id,
          documentId: row.document_id,
          searchable: row.searchable,
          type: row.type,
          process: row.process,
          year: row.year,
          day: row.day,
          position: row.position,
          countries: row.countries,
          themes: row.themes,
          organisations: row.organisations,
          referenceIds: row.reference_ids,
        },
  );
  return { watermark: next, entries };
}

/** A published document of the library, as its page and the document list show it. */
export interface LibraryDocument extends Meeting {
  id: string;
  coChairs: string[];
  language: string;
  version: number;
  handlingCode: string;
  publishedAt: Date | null;
  /** Published items. */
  itemCount: number;
}

interface DocumentRow extends MeetingRow {
  id: string;
  co_chairs: string[];
  language: string;
  version: number;
  handling_code: string;
  published_at: Date | null;
  item_count: number;
}

const toDocument = (row: DocumentRow): LibraryDocument => ({
  id: row.id,
  ...meetingOf(row),
  coChairs: row.co_chairs,
  language: row.language,
  version: row.version,
  handlingCode: row.handling_code,
  publishedAt: row.published_at,
  itemCount: row.item_count,
});

const DOCUMENT_COLUMNS = sql`d.id, d.title, d.process, d.meeting_kind, d.city, d.country,
  ${MEETING_DATES} as dates, d.co_chairs, d.language,
  d.version, d.handling_code, d.published_at,
  (select count(*) from knowledge_items i where i.document_id = d.id and i.status = 'published')::int as item_count`;

export async function listDocuments(
  db: Db,
  viewer: Viewer | null,
  page: { limit: number; offset: number },
): Promise<{ documents: LibraryDocument[]; total: number }> {
  const visible = sql`d.status = 'published' and ${visibleTo(viewer, 'd')}`;
  const rows = await sql<DocumentRow>`select ${DOCUMENT_COLUMNS} from knowledge_documents d where ${visible}
    order by d.dates[1] desc nulls last, d.title, d.id limit ${page.limit} offset ${page.offset}`.execute(db);
  const total = await sql<{ n: number }>`select count(*)::int as n from knowledge_documents d where ${visible}`.execute(db);
  return { documents: rows.rows.map(toDocument), total: total.rows[0].n };
}

export async function findDocument(
  db: Db,
  viewer: Viewer | null,
  id: string,
): Promise<(LibraryDocument & { body: string }) | undefined> {
  const result = await sql<DocumentRow & { body: string }>`select ${DOCUMENT_COLUMNS}, d.body from knowledge_documents d
    where d.id = ${id} and d.status = 'published' and ${visibleTo(viewer, 'd')}`.execute(db);
  const row = result.rows[0];
  return row && { ...toDocument(row), body: row.body };
}

export interface DocumentItem {
  id: string;
  position: number;
  type: string;
  text: string;
  line: number | null;
  page: number | null;
  number: string | null;
  countries: string[];
  organisations: string[];
  themes: string[];
  references: unknown;
}

/** Published items of a published document, under the same visibility rule as the document. */
export async function documentItems(db: Db, viewer: Viewer | null, documentId: string): Promise<DocumentItem[]> {
  const result = await sql<DocumentItem>`select i.id, i.position, i.type, i.text, i.line, i.page, i.number, i.countries,
      i.organisations, i.themes, i."references"
    from ${FROM} where i.document_id = ${documentId} and i.status = 'published' and d.status = 'published'
      and ${visibleTo(viewer, 'd')}
    order by i.position`.execute(db);
  return result.rows;
}
