import { Type } from '@sinclair/typebox';
import { Named } from '../../auth/contract.js';
import { DateTime, Id, Literals, Nullable, Page, type Static, Strict } from '../../contract/kit.js';
import { HandlingCodeSchema, ItemTypeSchema, itemPlace, itemTags, meetingFields } from '../contract.js';
import { DOCUMENT_LANGUAGES, DOCUMENT_STATUSES, ITEM_STATUSES } from '../kinds.js';

/** Replies of the curators' review API (`/api/v1/knowledge/review/…`). */

const Person = Strict({ id: Id, displayName: Type.String() });

/** An item in any status; `revision` is what a change names, so a stale one is refused (409). */
export const ReviewItem = Strict({
  id: Id,
  documentId: Id,
  position: Type.Integer(),
  ...itemPlace,
  type: ItemTypeSchema,
  text: Type.String(),
  status: Literals(ITEM_STATUSES),
  ...itemTags,
  revision: Type.Integer(),
  updatedAt: DateTime,
});
export type ReviewItem = Static<typeof ReviewItem>;

export const ReviewDocumentSummary = Strict({
  id: Id,
  ...meetingFields,
  language: Literals(DOCUMENT_LANGUAGES),
  version: Type.Integer(),
  handlingCode: HandlingCodeSchema,
  status: Literals(DOCUMENT_STATUSES),
  revision: Type.Integer(),
  createdAt: DateTime,
  publishedAt: Nullable(DateTime),
  counts: Strict({ draft: Type.Integer(), published: Type.Integer(), withdrawn: Type.Integer() }),
});
export type ReviewDocumentSummary = Static<typeof ReviewDocumentSummary>;

export const ReviewDocumentPage = Page(ReviewDocumentSummary);
export type ReviewDocumentPage = Static<typeof ReviewDocumentPage>;

export const ReviewDocument = Strict({
  ...ReviewDocumentSummary.properties,
  fileName: Type.String(),
  coChairs: Type.Array(Type.String()),
  originator: Named,
  publishedBy: Nullable(Person),
  distribution: Strict({
    toAllPartners: Type.Boolean(),
    organisations: Type.Array(Named),
    sharingGroups: Type.Array(Named),
    units: Type.Array(Named),
  }),
  /** The version this one follows, and the one that replaced it. */
  previousVersionId: Nullable(Id),
  nextVersionId: Nullable(Id),
  /** Who discarded the document, when and why (null unless discarded). */
  discarded: Nullable(Strict({ at: DateTime, by: Nullable(Person), reason: Type.String() })),
  body: Type.String(),
  items: Type.Array(ReviewItem),
});
export type ReviewDocument = Static<typeof ReviewDocument>;

/** The first item keeps the merged text; the others are withdrawn, never deleted. */
export const MergeAnswer = Strict({ item: ReviewItem, withdrawn: Type.Array(ReviewItem) });
export type MergeAnswer = Static<typeof MergeAnswer>;

/** The item cut short, and the new item made of the rest of its text. */
export const SplitAnswer = Strict({ items: Type.Array(ReviewItem) });
export type SplitAnswer = Static<typeof SplitAnswer>;

/** What an item or the document was before and after a change (null before an item existed). */
const State = Nullable(Type.Record(Type.String(), Type.Unknown()));

export const Revision = Strict({
  /** `item:<n>` or `document:<n>`. */
  id: Type.String(),
  /** Null for a change to the document itself (publication, sharing). */
  itemId: Nullable(Id),
  at: DateTime,
  action: Type.String(),
  actor: Nullable(Person),
  before: State,
  after: State,
  relatedItemIds: Type.Array(Id),
});
export type Revision = Static<typeof Revision>;

export const RevisionList = Strict({ revisions: Type.Array(Revision) });
export type RevisionList = Static<typeof RevisionList>;

/** A label in the library's languages; Arabic where the vocabulary has it. */
const Labels = Strict({ en: Type.Optional(Type.String()), fr: Type.Optional(Type.String()), ar: Type.Optional(Type.String()) });
export type Labels = Static<typeof Labels>;
const Labelled = Strict({ id: Type.String(), label: Labels });

/** What a curator may choose from when tagging items and distributing documents. */
export const Vocabulary = Strict({
  countries: Type.Array(Type.String()),
  themes: Type.Array(Labelled),
  organisations: Type.Array(Labelled),
  references: Type.Array(Labelled),
  recipients: Strict({ organisations: Type.Array(Named), sharingGroups: Type.Array(Named) }),
});
export type Vocabulary = Static<typeof Vocabulary>;
