import { Type } from '@sinclair/typebox';
import { DateOnly, Id, Nullable, type Static, Strict } from '../../contract/kit.js';
import { ItemTypeSchema, meetingFields } from '../contract.js';
import { ITEM_TYPES, type ItemType } from '../kinds.js';

/** Replies of the country profiles (`/api/v1/knowledge/countries…`). */

export const CountryCount = Strict({
  code: Type.String({ description: 'ISO 3166-1 alpha-2' }),
  /** Published items citing the country. */
  items: Type.Integer(),
  /** Documents citing the country or held in it. */
  documents: Type.Integer(),
});
export type CountryCount = Static<typeof CountryCount>;

export const CountryCounts = Strict({ countries: Type.Array(CountryCount) });
export type CountryCounts = Static<typeof CountryCounts>;

const Year = Nullable(Type.Integer({ description: 'Year of the meeting; null when undated' }));

export const CountryMeeting = Strict({
  id: Id,
  ...meetingFields,
  /** The meeting was held in this country. */
  hostedHere: Type.Boolean(),
  itemCount: Type.Integer(),
  /** Its items citing this country. */
  citingItemCount: Type.Integer(),
});
export type CountryMeeting = Static<typeof CountryMeeting>;

const ByType = Strict(
  Object.fromEntries(ITEM_TYPES.map((type) => [type, Type.Integer()])) as Record<ItemType, ReturnType<typeof Type.Integer>>,
);

export const CountryProfile = Strict({
  code: Type.String({ description: 'ISO 3166-1 alpha-2' }),
  totals: Strict({ items: Type.Integer(), meetings: Type.Integer(), byType: ByType }),
  byYearAndType: Type.Array(Strict({ year: Year, type: ItemTypeSchema, count: Type.Integer() })),
  byYearAndTheme: Type.Array(Strict({ year: Year, theme: Type.String(), count: Type.Integer() })),
  topThemes: Type.Array(Strict({ theme: Type.String(), count: Type.Integer() })),
  topOrganisations: Type.Array(Strict({ organisation: Type.String(), count: Type.Integer() })),
  meetings: Type.Array(CountryMeeting),
  latestItems: Type.Array(
    Strict({
      id: Id,
      type: ItemTypeSchema,
      text: Type.String(),
      document: Strict({ id: Id, title: Type.String(), dates: Type.Array(DateOnly) }),
    }),
  ),
});
export type CountryProfile = Static<typeof CountryProfile>;
