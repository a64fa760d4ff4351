import { type Static, Type } from '@sinclair/typebox';
import { CountryCode, Strict } from '../../../platform/http/schemas.js';

/** `:code` of a country profile: two capital letters here, a known ISO 3166-1 code in the service. */
export const CountryParams = Type.Object({ code: CountryCode }, { additionalProperties: false });
export type CountryParams = Static<typeof CountryParams>;

/** Neither endpoint takes parameters in the query string; an unknown one is refused, not ignored. */
export const NoQuery = Strict({});

/** How many meetings and latest items a profile lists (the totals count them all). */
export const MEETINGS_LIMIT = 50;
export const LATEST_ITEMS_LIMIT = 5;
export const TOP_LIMIT = 10;
