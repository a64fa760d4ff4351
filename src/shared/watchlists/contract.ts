import { Type } from '@sinclair/typebox';
import { DateOnly, DateTime, Id, Literals, Nullable, type Static, Strict } from '../contract/kit.js';
import { HANDLING_CODES } from '../handling-codes.js';
import {
  BATCH_STATUSES,
  CHANGE_OPS,
  ENTRY_SEXES,
  ENTRY_STATUSES,
  FACTOR_STATES,
  HIT_STATUSES,
  IDENTIFIER_KINDS,
  MATCH_KINDS,
  NAME_SCRIPTS,
  REVIEW_STATES,
  WATCHLIST_STATUSES,
} from './vocabulary.js';

/**
 * Replies of the watch-lists API (`/api/v1/watchlists`, `/api/v1/screening`). Entries' personal
 * fields appear only in replies to a request that stated its purpose (`?purpose=` or `purpose` in the
 * body), and each such reply is an audited read.
 */

const HandlingCode = Literals(HANDLING_CODES);
const Named = Strict({ id: Id, name: Type.String() });
const Count = Type.Integer({ minimum: 0 });

export const OwnerUnit = Strict({ id: Id, name: Type.String(), organisationId: Id, organisationName: Type.String() });

const watchlistFields = {
  id: Id,
  name: Type.String(),
  purpose: Type.String(),
  legalBasis: Type.String(),
  reviewPeriodDays: Type.Integer({ minimum: 1 }),
  graceDays: Type.Integer({ minimum: 0 }),
  status: Literals(WATCHLIST_STATUSES),
  handlingCode: HandlingCode,
  ownerUnit: OwnerUnit,
  /** Entries not removed. */
  activeEntries: Count,
  /** Active entries past their review date (due or lapsed). */
  dueForReview: Count,
  /** The number of the list's latest change: a subscriber that has it is up to date. */
  lastSeq: Count,
  revision: Type.Integer({ minimum: 1 }),
  createdAt: DateTime,
  updatedAt: DateTime,
  /** What this viewer may do with the list, as the server decided. */
  permissions: Strict({ edit: Type.Boolean() }),
};

export const WatchlistSummary = Strict(watchlistFields);
export type WatchlistSummary = Static<typeof WatchlistSummary>;

export const WatchlistDetail = Strict({
  ...watchlistFields,
  distribution: Strict({
    units: Type.Array(Named),
    organisations: Type.Array(Named),
    sharingGroups: Type.Array(Named),
    allPartners: Type.Boolean(),
  }),
});
export type WatchlistDetail = Static<typeof WatchlistDetail>;

export const WatchlistList = Strict({ items: Type.Array(WatchlistSummary), total: Count });
export type WatchlistList = Static<typeof WatchlistList>;

export const EntryName = Strict({ name: Type.String(), script: Literals(NAME_SCRIPTS) });
export type EntryName = Static<typeof EntryName>;

export const EntryIdentifier = Strict({
  kind: Literals(IDENTIFIER_KINDS),
  number: Type.String(),
  country: Nullable(Type.String()),
});
export type EntryIdentifier = Static<typeof EntryIdentifier>;

/** The personal part of an entry, as it stands (or stood after a change). */
const entryContent = {
  names: Type.Array(EntryName),
  /** "1984" or "1984-03-02". */
  birthDate: Nullable(Type.String()),
  nationalities: Type.Array(Type.String()),
  sex: Nullable(Literals(ENTRY_SEXES)),
  identifiers: Type.Array(EntryIdentifier),
  reason: Type.String(),
  reviewDate: DateOnly,
};

export const WatchlistEntry = Strict({
  id: Id,
  reference: Type.String(),
  watchlistId: Id,
  status: Literals(ENTRY_STATUSES),
  version: Type.Integer({ minimum: 1 }),
  ...entryContent,
  reviewState: Literals(REVIEW_STATES),
  createdAt: DateTime,
  updatedAt: DateTime,
  removedAt: Nullable(DateTime),
});
export type WatchlistEntry = Static<typeof WatchlistEntry>;

export const EntryList = Strict({
  items: Type.Array(WatchlistEntry),
  total: Count,
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: Nullable(Type.String()),
});
export type EntryList = Static<typeof EntryList>;

/** Answer of a change of an entry: its new state and the change's number in the list. */
export const EntryChanged = Strict({
  id: Id,
  reference: Type.String(),
  status: Literals(ENTRY_STATUSES),
  version: Type.Integer({ minimum: 1 }),
  reviewDate: DateOnly,
  seq: Type.Integer({ minimum: 1 }),
});
export type EntryChanged = Static<typeof EntryChanged>;

/** One change of the feed; `entry` is the entry after the change (null for a removal). */
export const WatchlistChange = Strict({
  seq: Type.Integer({ minimum: 1 }),
  op: Literals(CHANGE_OPS),
  entryId: Id,
  reference: Type.String(),
  entryVersion: Type.Integer({ minimum: 1 }),
  changedAt: DateTime,
  changedBy: Nullable(Named),
  entry: Nullable(Strict(entryContent)),
});
export type WatchlistChange = Static<typeof WatchlistChange>;

/** `GET /watchlists/:id/changes?since=N`: the changes after N, oldest first. */
export const ChangeFeed = Strict({
  watchlistId: Id,
  changes: Type.Array(WatchlistChange),
  /** The list's latest change number; ask again with `since=` the last `seq` received while `hasMore`. */
  lastSeq: Count,
  hasMore: Type.Boolean(),
});
export type ChangeFeed = Static<typeof ChangeFeed>;

/** Why the matcher scored as it did: which part of the screened name met which listed part, and how. */
export const MatchReason = Strict({
  kind: Literals(MATCH_KINDS),
  /** The part of the screened name (empty for a whole-name reason such as `order`). */
  query: Type.String(),
  /** The part of the listed name. */
  listed: Type.String(),
  /** How much this part agrees, 0..1. */
  similarity: Type.Number({ minimum: 0, maximum: 1 }),
});
export type MatchReason = Static<typeof MatchReason>;

export const MatchFactors = Strict({
  birthYear: Literals(FACTOR_STATES),
  nationality: Literals(FACTOR_STATES),
  sex: Literals(FACTOR_STATES),
});
export type MatchFactors = Static<typeof MatchFactors>;

export const ScreeningCandidate = Strict({
  entryId: Id,
  reference: Type.String(),
  watchlist: Strict({ id: Id, name: Type.String(), handlingCode: HandlingCode }),
  score: Type.Number({ minimum: 0, maximum: 1 }),
  /** At or above the default threshold: a hit, opened as a review task. */
  match: Type.Boolean(),
  /** The listed name that scored best. */
  matchedName: EntryName,
  names: Type.Array(EntryName),
  birthDate: Nullable(Type.String()),
  nationalities: Type.Array(Type.String()),
  sex: Nullable(Literals(ENTRY_SEXES)),
  reasons: Type.Array(MatchReason),
  factors: MatchFactors,
  /** The review task of a hit. */
  hitId: Nullable(Id),
});
export type ScreeningCandidate = Static<typeof ScreeningCandidate>;

/** Answer of `POST /screening`: ranked candidates, best first. */
export const ScreeningResult = Strict({
  screeningId: Id,
  threshold: Type.Number({ minimum: 0, maximum: 1 }),
  candidates: Type.Array(ScreeningCandidate),
  hits: Count,
});
export type ScreeningResult = Static<typeof ScreeningResult>;

export const ScreenedQuery = Strict({
  name: Type.String(),
  birthYear: Nullable(Type.Integer()),
  country: Nullable(Type.String()),
  sex: Nullable(Literals(ENTRY_SEXES)),
});
export type ScreenedQuery = Static<typeof ScreenedQuery>;

/** A hit as a review task of the screening unit. */
export const ScreeningHit = Strict({
  id: Id,
  status: Literals(HIT_STATUSES),
  score: Type.Number({ minimum: 0, maximum: 1 }),
  createdAt: DateTime,
  screening: Strict({
    id: Id,
    purpose: Type.String(),
    unit: Named,
    screenedBy: Nullable(Named),
    screenedAt: DateTime,
    query: ScreenedQuery,
    batchId: Nullable(Id),
    batchLine: Nullable(Type.Integer({ minimum: 1 })),
  }),
  entry: Strict({
    id: Id,
    reference: Type.String(),
    status: Literals(ENTRY_STATUSES),
    names: Type.Array(EntryName),
    birthDate: Nullable(Type.String()),
    nationalities: Type.Array(Type.String()),
    sex: Nullable(Literals(ENTRY_SEXES)),
    watchlist: Strict({ id: Id, name: Type.String(), handlingCode: HandlingCode, ownerUnit: OwnerUnit }),
  }),
  reasons: Type.Array(MatchReason),
  decision: Nullable(Strict({ reason: Type.String(), by: Nullable(Named), at: DateTime, noticeMessageId: Nullable(Id) })),
});
export type ScreeningHit = Static<typeof ScreeningHit>;

export const HitList = Strict({
  items: Type.Array(ScreeningHit),
  total: Count,
  /** Open hits of the viewer's units (the review queue's size). */
  open: Count,
});
export type HitList = Static<typeof HitList>;

export const BatchLineError = Strict({
  line: Type.Integer({ minimum: 1 }),
  slug: Type.String(),
  field: Nullable(Type.String()),
});
export type BatchLineError = Static<typeof BatchLineError>;

export const ScreeningBatch = Strict({
  id: Id,
  status: Literals(BATCH_STATUSES),
  fileName: Type.String(),
  purpose: Type.String(),
  unit: Named,
  totalLines: Count,
  processedLines: Count,
  screened: Count,
  hits: Count,
  errors: Type.Array(BatchLineError),
  createdAt: DateTime,
  finishedAt: Nullable(DateTime),
});
export type ScreeningBatch = Static<typeof ScreeningBatch>;

export const BatchList = Strict({ items: Type.Array(ScreeningBatch), total: Count });
export type BatchList = Static<typeof BatchList>;

/** The screened lines of a batch: per line its screening, candidates and hits (no names). */
export const BatchResults = Strict({
  items: Type.Array(
    Strict({
      line: Type.Integer({ minimum: 1 }),
      clientReference: Nullable(Type.String()),
      screeningId: Id,
      candidates: Count,
      hits: Count,
      topScore: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
    }),
  ),
  total: Count,
});
export type BatchResults = Static<typeof BatchResults>;

/**
 * `GET /screening/waiting`: what waits for the person on Home — the open hits of their units (the
 * newest five) and their units' lists with entries past the review date. References, list names and
 * scores only: no name of a person, so Home reads it without an audited personal read.
 */
export const ScreeningWaiting = Strict({
  openHits: Count,
  hits: Type.Array(
    Strict({ id: Id, reference: Type.String(), watchlistName: Type.String(), score: Type.Number({ minimum: 0, maximum: 1 }) }),
  ),
  dueEntries: Count,
  dueLists: Type.Array(Strict({ id: Id, name: Type.String(), due: Count })),
});
export type ScreeningWaiting = Static<typeof ScreeningWaiting>;
