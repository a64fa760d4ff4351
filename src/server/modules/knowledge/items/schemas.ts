import { type Static, Type } from '@sinclair/typebox';
import { Strict } from '../../../platform/http/schemas.js';
import { CITATION_LANGUAGES } from './citation.js';

export const ItemQuery = Strict({
  lang: Type.Optional(
    Type.Union(
      CITATION_LANGUAGES.map((language) => Type.Literal(language)),
      { description: 'Language of the citation (the document title stays in its own language); default en' },
    ),
  ),
});
export type ItemQuery = Static<typeof ItemQuery>;

/** How many similar items an item page shows. */
export const SIMILAR_LIMIT = 5;
