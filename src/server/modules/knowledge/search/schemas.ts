import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { Literals } from '../../../../shared/contract/kit.js';
import { FOLLOW_UP_STATES } from '../../../../shared/followup/vocabulary.js';
import { ITEM_TYPES } from '../../../../shared/knowledge/kinds.js';
import { Strict } from '../../../platform/http/schemas.js';

export { FACET_FIELDS, type FacetField } from '../../../../shared/knowledge/kinds.js';

const Values = <T extends TSchema>(item: T, description: string) =>
  Type.Optional(Type.Array(item, { maxItems: 50, description: `${description} (repeat for several: OR within the field)` }));

const Value = Type.String({ minLength: 1, maxLength: 100 });

export const SearchQuery = Strict({
  q: Type.Optional(
    Type.String({ maxLength: 200, description: 'Full text (English and French stemming, accents ignored, typo fallback)' }),
  ),
  exact: Type.Optional(Type.Boolean({ description: 'Search the words as typed: no spelling correction (default false)' })),
  type: Values(Literals(ITEM_TYPES), 'Item type'),
  country: Values(Value, 'Country mentioned by the item (ISO code)'),
  theme: Values(Value, 'Theme of the item'),
  process: Values(Value, 'Dialogue process of the document'),
  year: Values(Type.Integer({ minimum: 1900, maximum: 2200 }), 'Year of the meeting'),
  organisation: Values(Value, 'Organisation mentioned by the item'),
  reference: Values(Value, 'Action-plan reference of the item'),
  followUp: Values(Literals(FOLLOW_UP_STATES), 'Whether a commitment you may see acts on the item'),
  sort: Type.Optional(
    Type.Union([Type.Literal('relevance'), Type.Literal('date')], {
      description: 'relevance (default with q) or date (meeting date, newest first; default without q)',
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, default: 0 })),
});
export type SearchQuery = Static<typeof SearchQuery>;

export const DocumentListQuery = Strict({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, default: 0 })),
});
export type DocumentListQuery = Static<typeof DocumentListQuery>;

export interface SearchFilters {
  type?: string[];
  country?: string[];
  theme?: string[];
  process?: string[];
  year?: number[];
  organisation?: string[];
  reference?: string[];
  followUp?: string[];
  /** Per item number, 1 when a commitment the viewer may see acts on it (the `followUp` facet's values). */
  followedUp?: Uint8Array;
}
