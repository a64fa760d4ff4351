import { sql } from 'kysely';
import type { Viewer } from '../../../../shared/visibility.js';
import type { Db } from '../../../platform/db/database.js';
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

const PUBLISHED = sql`i.status = 'published' and d.status = 'published'`;

/** A published item with everything its page, its citation and the exports need. */
export interface LibraryItem extends Meeting {
  id: string;
  type: string;
  text: string;
  line: number | null;
  number: string | null;
  page: number | null;
  position: number;
  /** Its rank among the published items of its type in its document ("recommendation 12"). */
  ordinal: number;
  countries: string[];
  organisations: string[];
  themes: string[];
  references: unknown;
  documentId: string;
  coChairs: string[];
  language: string;
  handlingCode: string;
}

interface FoundRow extends MeetingRow {
  id: string;
  type: string;
  text: string;
  line: number | null;
  number: string | null;
  page: number | null;
  position: number;
  countries: string[];
  organisations: string[];
  themes: string[];
  references: unknown;
  document_id: string;
  co_chairs: string[];
  language: string;
  handling_code: string;
}

/**
 * Each item's rank among the published items of its type in its document ("recommendation 12"),
 * computed per document in one pass. Kept apart from `findItems`, with no join, so that no
 * planner estimate (PGlite keeps no statistics until ANALYZE) can turn it into a nested loop.
 */
async function ordinals(db: Db, documentIds: string[], ids: string[]): Promise<Map<string, number>> {
  const result = await sql<{ id: string; ordinal: number }>`select ranked.id, ranked.ordinal from (
      select same.id, row_number() over (partition by same.document_id, same.type order by same.position)::int as ordinal
      from knowledge_items same where same.status = 'published' and same.document_id = any(${documentIds}::uuid[])) ranked
    where ranked.id = any(${ids}::uuid[])`.execute(db);
  return new Map(result.rows.map((row) => [row.id, row.ordinal]));
}

/** Published items of published documents the viewer may see, among `ids`, in the order of `ids`. */
export async function findItems(db: Db, viewer: Viewer | null, ids: string[]): Promise<LibraryItem[]> {
  if (ids.length === 0) return [];
  const found =
    await sql<FoundRow>`select i.id, i.type, i.text, i.line, i.page, i.number, i.position, i.countries, i.organisations,
      i.themes, i."references", d.id as document_id, d.title, d.process, d.meeting_kind, d.city, d.country,
      ${MEETING_DATES} as dates, d.co_chairs, d.language, d.handling_code
    from unnest(${ids}::uuid[]) with ordinality as wanted(id, n)
      join knowledge_items i on i.id = wanted.id join knowledge_documents d on d.id = i.document_id
    where ${PUBLISHED} and ${visibleTo(viewer, 'd')}
    order by wanted.n`.execute(db);
  const rows = found.rows;
  const ranks = await ordinals(
    db,
    [...new Set(rows.map((row) => row.document_id))],
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    text: row.text,
    line: row.line,
    number: row.number,
    page: row.page,
    position: row.position,
    ordinal: ranks.get(row.id) ?? 0,
    countries: row.countries,
    organisations: row.organisations,
    themes: row.themes,
    references: row.references,
    documentId: row.document_id,
    ...meetingOf(row),
    coChairs: row.co_chairs,
    language: row.language,
    handlingCode: row.handling_code,
  }));
}

/** The document and its earlier and later versions: the same document for "other documents". */
export async function documentVersions(db: Db, documentId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`with recursive
      older(id, previous) as (
        select id, previous_version_id from knowledge_documents where id = ${documentId}
        union all
        select d.id, d.previous_version_id from knowledge_documents d join older o on d.id = o.previous),
      newer(id) as (
        select ${documentId}::uuid
        union all
        select d.id from knowledge_documents d join newer n on d.previous_version_id = n.id)
    select id from older union select id from newer`.execute(db);
  return result.rows.map((row) => row.id);
}

export interface ItemLexeme {
  lexeme: string;
  occurrences: number;
}

/**
 * The item's words as stemmed lexemes of its document's language, with how often each occurs;
 * numbers and words under three letters say little about what an item is about and are left out.
 */
export async function itemLexemes(db: Db, text: string, language: string): Promise<ItemLexeme[]> {
  const config =
    language === 'fr' ? 'public.liaison_french' : language === 'en' ? 'public.liaison_english' : 'public.liaison_simple';
  const result = await sql<ItemLexeme>`select w.lexeme, cardinality(w.positions) as occurrences
    from unnest(to_tsvector(${config}::regconfig, ${text})) as w
    where length(w.lexeme) >= 3 and w.lexeme !~ '^[0-9.,:/-]+$'`.execute(db);
  return result.rows;
}

/**
 * The share of items holding each lexeme of the search vector, over the first `sampleSize`
 * published items, for lexemes found in at least `minItems` of them. Read from the data rather
 * than from the planner's statistics, which PGlite only has after an explicit ANALYZE.
 */
export async function lexemeShares(db: Db, sampleSize: number, minItems: number): Promise<Map<string, number>> {
  if (!Number.isInteger(sampleSize) || sampleSize < 1) throw new Error('sampleSize must be a positive integer');
  const sample = `select search_vector from knowledge_items where status = 'published' limit ${sampleSize}`;
  const result = await sql<{ lexeme: string; share: number }>`select s.word as lexeme,
      s.ndoc::float8 / greatest(1, (select count(*) from (select 1 from knowledge_items where status = 'published'
        limit ${sampleSize}) as sampled)) as share
    from ts_stat(${sample}) as s where s.ndoc >= ${minItems}`.execute(db);
  return new Map(result.rows.map((row) => [row.lexeme, Number(row.share)]));
}

/** Lexemes ORed as a tsquery, each quoted so that no character of it is read as an operator. */
export function anyOf(lexemes: string[]): string {
  return lexemes.map((lexeme) => `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`).join(' | ');
}

/** An item like another one, with its document's name, place and dates. */
export interface SimilarItem extends DocumentRef {
  id: string;
  type: string;
  text: string;
  countries: string[];
  themes: string[];
  handlingCode: string;
}

interface SimilarRow extends DocumentRefRow {
  id: string;
  type: string;
  text: string;
  countries: string[];
  themes: string[];
  handling_code: string;
}

export interface SimilarSpec {
  /** A tsquery (see `anyOf`). */
  query: string;
  excludedDocuments: string[];
  themes: string[];
  countries: string[];
  limit: number;
  /** How many matching items are read at most, before the visibility rule and ranking. */
  matches: number;
  /** How many visible matches are ranked at most: ranking reads each one's vector. */
  candidates: number;
}

/**
 * Published items of other documents the viewer may see that share the query's words, ranked by
 * text rank (normalised by length) plus a bonus per shared theme and country. The GIN index on the
 * search vector is read once for the matches (materialised, so that no plan repeats it per
 * document); the visibility rule and the ranking then work on that bounded set.
 */
export async function similarItems(db: Db, viewer: Viewer | null, spec: SimilarSpec): Promise<SimilarItem[]> {
  const query = sql`${spec.query}::tsquery`;
  const shared = (column: string, values: string[]) =>
    sql`cardinality(array(select unnest(${sql.ref(`c.${column}`)}) intersect select unnest(${values}::text[])))`;
  const result = await sql<SimilarRow>`with matches as materialized (
      select i.id, i.document_id from knowledge_items i
      where i.status = 'published' and i.search_vector @@ ${query} and i.document_id <> all(${spec.excludedDocuments}::uuid[])
      limit ${spec.matches}),
    candidates as materialized (
      select i.id, i.type, i.text, i.countries, i.themes, i.search_vector, ${DOCUMENT_REF_COLUMNS}, d.handling_code
      from matches m join knowledge_items i on i.id = m.id join knowledge_documents d on d.id = m.document_id
      where d.status = 'published' and ${visibleTo(viewer, 'd')}
      limit ${spec.candidates})
    select c.id, c.type, c.text, c.countries, c.themes, c.document_id, c.title, c.process, c.city, c.country, c.dates,
      c.handling_code
    from candidates c
    order by ts_rank(c.search_vector, ${query}, 1) + 0.05 * ${shared('themes', spec.themes)}
      + 0.02 * ${shared('countries', spec.countries)} desc, c.id
    limit ${spec.limit}`.execute(db);
  return result.rows.map((row) => ({
    id: row.id,
    type: row.type,
    text: row.text,
    countries: row.countries,
    themes: row.themes,
    ...documentRefOf(row),
    handlingCode: row.handling_code,
  }));
}
