/**
 * Watch-lists and name screening: the enumerations and limits both the server and the web app use.
 */

/** Scripts a name of an entry may be written in (Ge'ez is `ethiopic`). */
export const NAME_SCRIPTS = ['latin', 'arabic', 'cyrillic', 'ethiopic', 'other'] as const;
export type NameScript = (typeof NAME_SCRIPTS)[number];

export const WATCHLIST_STATUSES = ['active', 'archived'] as const;
export type WatchlistStatus = (typeof WATCHLIST_STATUSES)[number];

export const ENTRY_STATUSES = ['active', 'removed'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/**
 * Where an entry stands against its review date: `current`; `due` (past the review date, still
 * screened during the list's grace period, flagged to the owner); `lapsed` (past the grace period:
 * out of screening until renewed).
 */
export const REVIEW_STATES = ['current', 'due', 'lapsed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Changes of a list, in the change feed. */
export const CHANGE_OPS = ['add', 'amend', 'remove', 'renew'] as const;
export type ChangeOp = (typeof CHANGE_OPS)[number];

export const ENTRY_SEXES = ['female', 'male', 'other'] as const;
export type EntrySex = (typeof ENTRY_SEXES)[number];

export const IDENTIFIER_KINDS = ['passport', 'national_id', 'residence_permit', 'travel_document', 'other'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/**
 * How a part of the screened name met a part of a listed name (the matcher's reasons): the same
 * letters; the same name in another transliteration or script; the same sound; within a few typing
 * or OCR errors; a known short form (Md., Mohd); an initial; a particle or honorific (al-, Ould, Ben)
 * set aside; and, for the name as a whole, parts in another order or a middle name missing.
 */
export const MATCH_KINDS = [
  'exact',
  'transliteration',
  'phonetic',
  'edit_distance',
  'nickname',
  'initial',
  'particle',
  'order',
  'missing_middle_name',
] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** How the other fields weigh in: they raise or lower a score, never decide alone. */
export const FACTOR_STATES = ['agrees', 'differs', 'unknown'] as const;
export type FactorState = (typeof FACTOR_STATES)[number];

export const HIT_STATUSES = ['open', 'confirmed', 'discarded'] as const;
export type HitStatus = (typeof HIT_STATUSES)[number];

export const BATCH_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** The columns a batch CSV may have (a header line names them; `name` is required). */
export const BATCH_COLUMNS = ['name', 'birth_year', 'nationality', 'sex', 'reference'] as const;

export const WATCHLIST_LIMITS = {
  names: 20,
  nameLength: 200,
  identifiers: 20,
  reasonLength: 2000,
  purposeMin: 3,
  purposeMax: 500,
  /** Candidates returned by one screening. */
  candidates: 20,
  batchLines: 10_000,
  batchBytes: 2 * 1024 * 1024,
  /** Changes in one page of the change feed. */
  changesPage: 500,
} as const;
