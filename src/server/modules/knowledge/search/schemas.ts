import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { Strict } from '../../../platform/http/schemas.js';

const Values = <T extends TSchema>(item: T, description: string) =>
  Type.Optional(Type.Array(item, { maxItems: 50, description: `${description} (repeat for several: OR within the field)` }));

const Value = Type.String({ minLength: 1, maxLength: 100 });

/** The filterable fields; a search ANDs between fields and ORs the values of one field. */
export const FACET_FIELDS = ['type', 'country', 'theme', 'process', 'year', 'organisation', 'reference'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

export const SearchQuery = Strict({
  q: Type.Optional(
    Type.String({ maxLength: 200, description: 'Full text (English and French stemming, accents ignored, typo fallback)' }),
  ),
  type: Values(
    Type.Union([
      Type.Literal('good_practice'),
      Type.Literal('challenge'),
      Type.Literal('recommendation'),
      Type.Literal('conclusion'),
    ]),
    'Item type',
  ),
  country: Values(Value, 'Country mentioned by the item (ISO code)'),
  theme: Values(Value, 'Theme of the item'),
  process: Values(Value, 'Dialogue process of the document'),
  year: Values(Type.Integer({ minimum: 1900, maximum: 2200 }), 'Year of the meeting'),
  organisation: Values(Value, 'Organisation mentioned by the item'),
  reference: Values(Value, 'Action-plan reference of the item'),
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
}
