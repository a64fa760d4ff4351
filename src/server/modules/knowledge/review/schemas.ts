import { type Static, Type } from '@sinclair/typebox';
import { Literals } from '../../../../shared/contract/kit.js';
import { HANDLING_CODES } from '../../../../shared/handling-codes.js';
import { DOCUMENT_STATUSES, ITEM_TEXT_MAX, ITEM_TYPES, REFERENCE_KINDS } from '../../../../shared/knowledge/kinds.js';
import { DistributionTargetSchema, Id, Strict, Text } from '../../../platform/http/schemas.js';

export { ITEM_TEXT_MAX };

/** The revision the client last saw: a change made on an older one is refused with 409. */
const Revision = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'The revision the change was made on' });
const VocabularyId = Type.String({ minLength: 1, maxLength: 60 });

export const ReviewListQuery = Strict({
  status: Type.Optional(Literals(DOCUMENT_STATUSES)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, default: 0 })),
});
export type ReviewListQuery = Static<typeof ReviewListQuery>;

export const ReferenceInput = Strict({
  id: VocabularyId,
  kind: Type.Optional(Literals(REFERENCE_KINDS)),
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

export const DiscardBody = Strict({ revision: Revision, reason: Text(500) });
export type DiscardBody = Static<typeof DiscardBody>;

/** A replacement file names the revision of the draft it replaces in the query (the body is the file). */
export const ReplaceQuery = Strict({ revision: Type.Optional(Revision) });
export type ReplaceQuery = Static<typeof ReplaceQuery>;
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
