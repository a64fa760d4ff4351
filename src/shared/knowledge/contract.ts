import { Type } from '@sinclair/typebox';
import { DateOnly, DateTime, Id, Literals, Nullable, type Static, Strict } from '../contract/kit.js';
import { HANDLING_CODES } from '../handling-codes.js';
import {
  DOCUMENT_LANGUAGES,
  FACET_FIELDS,
  type FacetField,
  ITEM_TYPES,
  MATCH_MODES,
  PROCESSES,
  REFERENCE_KINDS,
} from './kinds.js';

/**
 * Replies of the library's read API (`/api/v1/knowledge/…`): search with facets, documents, an
 * item's page and the JSON export. Review, imports and country profiles have files of their own.
 */

export const ItemTypeSchema = Literals(ITEM_TYPES);
export const HandlingCodeSchema = Literals(HANDLING_CODES);
/** Country codes are ISO 3166-1 alpha-2; organisations, themes and references are vocabulary ids. */
export const Tags = Type.Array(Type.String());

export const Reference = Strict({ id: Type.String(), kind: Literals(REFERENCE_KINDS) });
export type Reference = Static<typeof Reference>;

/** The meeting a document records, as every read of the library shows it. */
export const meetingFields = {
  title: Type.String(),
  process: Literals(PROCESSES),
  meetingKind: Nullable(Type.String()),
  city: Nullable(Type.String()),
  country: Nullable(Type.String()),
  /** The days of the meeting, in order. */
  dates: Type.Array(DateOnly),
};

/** A document as a search result or a similar item names it. */
export const DocumentRef = Strict({
  id: Id,
  title: meetingFields.title,
  process: meetingFields.process,
  city: meetingFields.city,
  country: meetingFields.country,
  dates: meetingFields.dates,
});
export type DocumentRef = Static<typeof DocumentRef>;

/** What an item is tagged with: countries, organisations, themes, action-plan references. */
export const itemTags = { countries: Tags, organisations: Tags, themes: Tags, references: Type.Array(Reference) };

export const SearchItem = Strict({
  id: Id,
  type: ItemTypeSchema,
  text: Type.String(),
  /** HTML in which only `<mark>…</mark>` is markup; everything else is escaped. */
  snippet: Type.String(),
  ...itemTags,
  /**
   * `translation` when only the query's translation into the other language (the library's
   * glossary: English ↔ French, Arabic → both) matched the item, not the words as typed.
   */
  matchedThrough: Literals(['query', 'translation'] as const),
  document: DocumentRef,
});
export type SearchItem = Static<typeof SearchItem>;

export const FacetCount = Strict({ value: Type.String(), count: Type.Integer() });
export type FacetCount = Static<typeof FacetCount>;

/** Counts of each field's values among the matches (each field ignores its own filter), the largest first. */
const Facets = Strict(
  Object.fromEntries(FACET_FIELDS.map((field) => [field, Type.Array(FacetCount)])) as Record<
    FacetField,
    ReturnType<typeof Type.Array<typeof FacetCount>>
  >,
);

export const SearchAnswer = Strict({
  items: Type.Array(SearchItem),
  total: Type.Integer(),
  match: Literals(MATCH_MODES),
  /**
   * Present when misspelt words of the query were corrected and the results are the corrected
   * query's: `query` was searched instead of `from` (as typed). `exact=true` searches `from` as typed.
   */
  correction: Type.Optional(Strict({ query: Type.String(), from: Type.String() })),
  facets: Facets,
});
export type SearchAnswer = Static<typeof SearchAnswer>;

export const DocumentSummary = Strict({
  id: Id,
  ...meetingFields,
  coChairs: Type.Array(Type.String()),
  language: Literals(DOCUMENT_LANGUAGES),
  version: Type.Integer(),
  handlingCode: HandlingCodeSchema,
  publishedAt: Nullable(DateTime),
  /** Published items. */
  itemCount: Type.Integer(),
});
export type DocumentSummary = Static<typeof DocumentSummary>;

export const DocumentList = Strict({ documents: Type.Array(DocumentSummary), total: Type.Integer() });
export type DocumentList = Static<typeof DocumentList>;

/**
 * Where an item sits in its document: line of the original text, page when the file had pages, and
 * the paragraph number the document gives it ("11", "11(b)") when it has one.
 */
export const itemPlace = {
  line: Nullable(Type.Integer()),
  page: Nullable(Type.Integer()),
  number: Nullable(Type.String({ maxLength: 40 })),
};

export const DocumentItem = Strict({
  id: Id,
  position: Type.Integer(),
  type: ItemTypeSchema,
  text: Type.String(),
  ...itemPlace,
  ...itemTags,
});
export type DocumentItem = Static<typeof DocumentItem>;

/** One published document: metadata, original text and published items. */
export const LibraryDocument = Strict({
  ...DocumentSummary.properties,
  body: Type.String(),
  items: Type.Array(DocumentItem),
});
export type LibraryDocument = Static<typeof LibraryDocument>;

/** The document an item comes from, as the item page and the exports show it. */
export const ItemSource = Strict({
  id: Id,
  ...meetingFields,
  coChairs: Type.Array(Type.String()),
  language: Literals(DOCUMENT_LANGUAGES),
  handlingCode: HandlingCodeSchema,
});
export type ItemSource = Static<typeof ItemSource>;

export const SimilarItem = Strict({
  id: Id,
  type: ItemTypeSchema,
  text: Type.String(),
  countries: Tags,
  themes: Tags,
  document: DocumentRef,
});
export type SimilarItem = Static<typeof SimilarItem>;

export const ItemPage = Strict({
  id: Id,
  type: ItemTypeSchema,
  text: Type.String(),
  ...itemPlace,
  position: Type.Integer(),
  /** The item's rank among the document's published items of its type: "recommendation 12". */
  ordinal: Type.Integer(),
  ...itemTags,
  document: ItemSource,
  /** Ready to paste, in the language asked for; the document title stays in its own language. */
  citation: Type.String(),
  similar: Type.Array(SimilarItem),
});
export type ItemPage = Static<typeof ItemPage>;

/** The JSON export of a search: the search as asked, its size, and each item with its source and citation. */
export const JsonExport = Strict({
  query: Type.Record(Type.String(), Type.Unknown(), { description: 'The search parameters that were given' }),
  /** Items the search finds in all; more than `exported` when the export was cut at `limit`. */
  total: Type.Integer(),
  exported: Type.Integer(),
  capped: Type.Boolean(),
  limit: Type.Integer(),
  exportedAt: DateTime,
  items: Type.Array(
    Strict({
      id: Id,
      type: ItemTypeSchema,
      text: Type.String(),
      ...itemTags,
      ...itemPlace,
      document: ItemSource,
      citation: Type.String(),
      /** The item's page in the web app. */
      url: Type.String(),
    }),
  ),
});
export type JsonExport = Static<typeof JsonExport>;
