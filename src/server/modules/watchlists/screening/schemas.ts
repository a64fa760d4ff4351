import { type Static, Type } from '@sinclair/typebox';
import { Literals } from '../../../../shared/contract/kit.js';
import { ENTRY_SEXES, WATCHLIST_LIMITS } from '../../../../shared/watchlists/vocabulary.js';
import { CountryCode, Id, Strict, Text } from '../../../platform/http/schemas.js';

/**
 * The purpose is checked by the service (422 `purpose-required`, not a 400), so a missing or short
 * one is told apart from a malformed request; the schema only bounds its size.
 */
export const Purpose = Type.String({ maxLength: 2000 });

export const ScreenBody = Strict({
  name: Text(WATCHLIST_LIMITS.nameLength),
  birthYear: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
  nationality: Type.Optional(CountryCode),
  sex: Type.Optional(Literals(ENTRY_SEXES)),
  purpose: Type.Optional(Purpose),
  unitId: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: WATCHLIST_LIMITS.candidates })),
});
export type ScreenBody = Static<typeof ScreenBody>;
