import { Type } from '@sinclair/typebox';
import { Literals } from '../../../../shared/contract/kit.js';
import { FUNCTION_KINDS, MAX_LANGUAGES } from '../../../../shared/exchange/directory/vocabulary.js';
import { THEME_IDS } from '../../../../shared/knowledge/vocabulary/themes-data.js';
import { ORGANISATION_KINDS } from '../../../../shared/roles.js';
import { CountryCode, Id, Paging, Strict, Text } from '../../../platform/http/schemas.js';

export const FunctionKindSchema = Literals(FUNCTION_KINDS);
export const ThemeSchema = Literals(THEME_IDS);
export const OrganisationKindSchema = Literals(ORGANISATION_KINDS);
/** Two lower-case letters; membership of ISO 639-1 is checked by the service. */
export const LanguageSchema = Type.String({ pattern: '^[a-z]{2}$', description: 'ISO 639-1 code' });
export const DateSchema = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const FunctionListQuery = Strict({
  ...Paging,
  country: Type.Optional(CountryCode),
  kind: Type.Optional(FunctionKindSchema),
  organisationKind: Type.Optional(OrganisationKindSchema),
  theme: Type.Optional(ThemeSchema),
  language: Type.Optional(LanguageSchema),
  organisation: Type.Optional(Id),
  unit: Type.Optional(Id),
  includeInactive: Type.Optional(Type.Boolean({ default: false })),
});

export const UnitListQuery = Strict({
  q: Type.Optional(
    Type.String({ maxLength: 200, description: 'Unit, organisation, acronym, function or country (any language)' }),
  ),
  country: Type.Optional(CountryCode),
  kind: Type.Optional(OrganisationKindSchema),
  organisation: Type.Optional(Id),
});

const Themes = Type.Array(ThemeSchema, { maxItems: THEME_IDS.length, uniqueItems: true });
const Email = Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()]);
const Phone = Type.Union([Type.String({ minLength: 3, maxLength: 40, pattern: '^[0-9+() .-]+$' }), Type.Null()]);

export const FunctionCreate = Strict({
  unitId: Id,
  title: Text(200),
  kind: FunctionKindSchema,
  themes: Type.Optional(Themes),
  email: Type.Optional(Email),
  phone: Type.Optional(Phone),
  description: Type.Optional(Text(2000, 0)),
});

export const FunctionPatch = Strict({
  title: Type.Optional(Text(200)),
  kind: Type.Optional(FunctionKindSchema),
  themes: Type.Optional(Themes),
  email: Type.Optional(Email),
  phone: Type.Optional(Phone),
  description: Type.Optional(Text(2000, 0)),
  active: Type.Optional(Type.Boolean()),
});

export const HolderCreate = Strict({
  userId: Id,
  startsOn: DateSchema,
  endsOn: Type.Optional(Type.Union([DateSchema, Type.Null()])),
  note: Type.Optional(Text(500, 0)),
});

/** Ends a period (or moves its end); a person's past is corrected, never erased. */
export const HolderPatch = Strict({
  endsOn: Type.Optional(Type.Union([DateSchema, Type.Null()])),
  note: Type.Optional(Text(500, 0)),
});

export const LanguagesBody = Strict({
  languages: Type.Array(LanguageSchema, { maxItems: MAX_LANGUAGES, uniqueItems: true }),
});

export const HolderParams = Strict({ id: Id, holderId: Id });
