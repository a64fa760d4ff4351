import { type Static, type TLiteral, type TUnion, Type } from '@sinclair/typebox';
import { HANDLING_CODES } from '../../../../shared/handling-codes.js';
import { DistributionTargetSchema, Id, Strict, Text } from '../../../platform/http/schemas.js';

/** An item is a paragraph or a list entry; far longer text is a mistake (a whole section pasted). */
export const ITEM_TEXT_MAX = 20_000;

export const ITEM_TYPES = ['good_practice', 'challenge', 'recommendation', 'conclusion'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

const Literals = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((value) => Type.Literal(value))) as TUnion<TLiteral<T[number]>[]>;

/** The revision the client last saw: a change made on an older one is refused with 409. */
const Revision = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'The revision the change was made on' });
const VocabularyId = Type.String({ minLength: 1, maxLength: 60 });

export const ReviewListQuery = Strict({
  status: Type.Optional(Literals(['draft', 'published'] as const)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, default: 0 })),
});
export type ReviewListQuery = Static<typeof ReviewListQuery>;

export const ReferenceInput = Strict({
  id: VocabularyId,
  kind: Type.Optional(Literals(['explicit', 'suggested'] as const)),
});

export const ItemPatch = Strict({
  revision: Revision,
  type: Type.Optional(Literals(ITEM_TYPES)),
  text: Type.Optional(Text(ITEM_TEXT_MAX)),
  countries: Type.Optional(
    Type.Array(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }), { maxItems: 100 }),
  ),
  organisations: Type.Optional(Type.Array(VocabularyId, { maxItems: 100 })),
  themes: Type.Optional(Type.Array(VocabularyId, { maxItems: 50 })),
  references: Type.Optional(Type.Array(ReferenceInput, { maxItems: 100 })),
});
export type ItemPatch = Static<typeof ItemPatch>;

export const RevisionBody = Strict({ revision: Revision });
export type RevisionBody = Static<typeof RevisionBody>;

export const SplitBody = Strict({
  revision: Revision,
  offset: Type.Integer({ minimum: 1, maximum: ITEM_TEXT_MAX, description: 'Where the second item starts (UTF-16 index)' }),
});
export type SplitBody = Static<typeof SplitBody>;

export const MergeBody = Strict({
  items: Type.Array(Strict({ id: Id, revision: Revision }), {
    minItems: 2,
    maxItems: 20,
    description: 'Adjacent items of the document, each with the revision it was seen at',
  }),
});
export type MergeBody = Static<typeof MergeBody>;

export const DocumentPatch = Strict({
  revision: Revision,
  handlingCode: Type.Optional(Literals(HANDLING_CODES)),
  distribution: Type.Optional(Type.Array(DistributionTargetSchema, { minItems: 1, maxItems: 200 })),
});
export type DocumentPatch = Static<typeof DocumentPatch>;
