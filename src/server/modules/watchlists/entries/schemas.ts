import { type Static, Type } from '@sinclair/typebox';
import { Literals } from '../../../../shared/contract/kit.js';
import {
  ENTRY_SEXES,
  ENTRY_STATUSES,
  IDENTIFIER_KINDS,
  NAME_SCRIPTS,
  REVIEW_STATES,
  WATCHLIST_LIMITS,
} from '../../../../shared/watchlists/vocabulary.js';
import { CountryCode, Id, Strict, Text } from '../../../platform/http/schemas.js';

const NameInput = Strict({
  name: Text(WATCHLIST_LIMITS.nameLength),
  /** Detected from the letters when absent. */
  script: Type.Optional(Literals(NAME_SCRIPTS)),
});
const IdentifierInput = Strict({
  kind: Literals(IDENTIFIER_KINDS),
  number: Text(100),
  country: Type.Optional(Type.Union([CountryCode, Type.Null()])),
});
const Names = Type.Array(NameInput, { minItems: 1, maxItems: WATCHLIST_LIMITS.names });
const BirthDate = Type.String({ maxLength: 10, pattern: '^[0-9]{4}(-[0-9]{2}-[0-9]{2})?$', description: '1984 or 1984-03-02' });
const Nationalities = Type.Array(CountryCode, { maxItems: 20 });
const Identifiers = Type.Array(IdentifierInput, { maxItems: WATCHLIST_LIMITS.identifiers });
const Reason = Text(WATCHLIST_LIMITS.reasonLength);
const ReviewDate = Type.String({ maxLength: 10, pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const Version = Type.Integer({ minimum: 1 });
const Note = Text(2000);

export const AddBody = Strict({
  names: Names,
  birthDate: Type.Optional(BirthDate),
  nationalities: Type.Optional(Nationalities),
  sex: Type.Optional(Literals(ENTRY_SEXES)),
  identifiers: Type.Optional(Identifiers),
  reason: Reason,
  /** Default: today plus the list's review period. */
  reviewDate: Type.Optional(ReviewDate),
});
export type AddBody = Static<typeof AddBody>;

/** The fields given replace the entry's; null clears an optional one. */
export const AmendBody = Strict({
  version: Version,
  names: Type.Optional(Names),
  birthDate: Type.Optional(Type.Union([BirthDate, Type.Null()])),
  nationalities: Type.Optional(Nationalities),
  sex: Type.Optional(Type.Union([Literals(ENTRY_SEXES), Type.Null()])),
  identifiers: Type.Optional(Identifiers),
  reason: Type.Optional(Reason),
  reviewDate: Type.Optional(ReviewDate),
  note: Type.Optional(Note),
});
export type AmendBody = Static<typeof AmendBody>;

export const RemoveBody = Strict({ version: Version, note: Note });
export type RemoveBody = Static<typeof RemoveBody>;

export const RenewBody = Strict({ version: Version, reviewDate: Type.Optional(ReviewDate) });
export type RenewBody = Static<typeof RenewBody>;

/** Checked by the service, so that a missing purpose is the 422 `purpose-required`. */
const Purpose = Type.Optional(Type.String({ maxLength: 1000 }));

export const EntriesQuery = Strict({
  purpose: Purpose,
  /** A name: the entries the matcher finds close to it, best first (one page, no cursor). */
  q: Type.Optional(Type.String({ maxLength: WATCHLIST_LIMITS.nameLength })),
  review: Type.Optional(Literals(REVIEW_STATES)),
  status: Type.Optional(Literals(ENTRY_STATUSES)),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type EntriesQuery = Static<typeof EntriesQuery>;

export const PurposeQuery = Strict({ purpose: Purpose });
export type PurposeQuery = Static<typeof PurposeQuery>;

export const ChangesQuery = Strict({
  purpose: Purpose,
  since: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: WATCHLIST_LIMITS.changesPage, default: WATCHLIST_LIMITS.changesPage }),
  ),
});
export type ChangesQuery = Static<typeof ChangesQuery>;

export const EntryParams = Strict({ id: Id, entryId: Id });
export type EntryParams = Static<typeof EntryParams>;
