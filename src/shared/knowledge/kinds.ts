/**
 * The library's fixed lists, as plain values for both the server (schemas, checks) and the web app
 * (filters, labels, forms). The database checks the same lists (migrations 0002, 0004).
 */

/** The four kinds of statement the library keeps from an outcome document. */
export const ITEM_TYPES = ['good_practice', 'challenge', 'recommendation', 'conclusion'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const ITEM_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** A draft is reviewed, then published; a wrong or replaced draft is discarded (kept, never deleted). */
export const DOCUMENT_STATUSES = ['draft', 'published', 'discarded'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** The dialogue process a document comes from. */
export const PROCESSES = ['rabat', 'budapest', 'khartoum', 'prague', 'other'] as const;
export type Process = (typeof PROCESSES)[number];

/** The language a document is written in, as the reader tells it. */
export const DOCUMENT_LANGUAGES = ['en', 'fr', 'other'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/** A reference the document states (`explicit`), or one its themes suggest (`suggested`). */
export const REFERENCE_KINDS = ['explicit', 'suggested'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/**
 * The filterable fields of a search; a search ANDs between fields and ORs the values of one field.
 * `followUp` (`followed_up`, `not_followed_up`: whether a commitment the viewer may see acts on the
 * item) depends on the viewer, so it is computed per search rather than stored with the item's tags.
 */
export const FACET_FIELDS = ['type', 'country', 'theme', 'process', 'year', 'organisation', 'reference', 'followUp'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/**
 * How the text query matched: `fulltext` (stemmed, accent-folded, every word), `fuzzy` (misspelt
 * words corrected to indexed words), `partial` (as many of the words as any item holds), or `all`
 * (no text query).
 */
export const MATCH_MODES = ['all', 'fulltext', 'fuzzy', 'partial'] as const;
export type MatchMode = (typeof MATCH_MODES)[number];

/** An item is a paragraph or a list entry; far longer text is a mistake (a whole section pasted). */
export const ITEM_TEXT_MAX = 20_000;

export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** A file of an import: waiting, at a stage of ingestion, or its outcome. */
export const FILE_STATUSES = ['queued', 'reading', 'extracting', 'storing', 'done', 'duplicate', 'failed'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

export const EXPORT_FORMATS = ['csv', 'json', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The PDF's built-in fonts (Helvetica) cannot draw Arabic script: the digest is in English or French. */
export const PDF_LANGUAGES = ['en', 'fr'] as const;
export type PdfLanguage = (typeof PDF_LANGUAGES)[number];
