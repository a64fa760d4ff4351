import { Type } from '@sinclair/typebox';
import { DateOnly, Id, Literals, Nullable, Page, type Static, Strict } from '../../contract/kit.js';
import { ORGANISATION_KINDS } from '../../roles.js';
import { FUNCTION_KINDS } from './vocabulary.js';

/** What the directory API answers (`toFunctionResponse`, `toHolderResponse`, units, languages). */

const FunctionKind = Literals(FUNCTION_KINDS);
/** ISO 639-1 codes. */
const Languages = Type.Array(Type.String());

export const DirectoryOrganisation = Strict({
  id: Id,
  name: Type.String(),
  acronym: Nullable(Type.String()),
  country: Nullable(Type.String()),
  kind: Literals(ORGANISATION_KINDS),
});

/** Someone holding the function today: the only holders whose e-mail is published. */
export const CurrentHolder = Strict({
  holderId: Id,
  userId: Id,
  name: Type.String(),
  email: Type.String(),
  languages: Languages,
  startsOn: DateOnly,
  endsOn: Nullable(DateOnly),
});
export type CurrentHolder = Static<typeof CurrentHolder>;

/** A holder period of the function's history; past and upcoming holders' e-mail is left out. */
export const HolderPeriod = Strict({
  id: Id,
  userId: Id,
  name: Type.String(),
  languages: Languages,
  startsOn: DateOnly,
  /** Inclusive; null while open-ended. */
  endsOn: Nullable(DateOnly),
  note: Type.String(),
  current: Type.Boolean(),
  email: Type.Optional(Type.String()),
});
export type HolderPeriod = Static<typeof HolderPeriod>;

const functionFields = {
  id: Id,
  title: Type.String(),
  kind: FunctionKind,
  /** Theme ids of the library's vocabulary. */
  themes: Type.Array(Type.String()),
  /** The function's own mailbox and E.164 phone. */
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  description: Type.String(),
  active: Type.Boolean(),
  unit: Strict({ id: Id, name: Type.String() }),
  organisation: DirectoryOrganisation,
  currentHolders: Type.Array(CurrentHolder),
};

export const DirectoryFunction = Strict(functionFields);
export type DirectoryFunction = Static<typeof DirectoryFunction>;

/** One function and its whole holder history: what survives rotation. */
export const FunctionDetail = Strict({ ...functionFields, holders: Type.Array(HolderPeriod) });
export type FunctionDetail = Static<typeof FunctionDetail>;

export const FunctionPage = Page(DirectoryFunction);
export type FunctionPage = Static<typeof FunctionPage>;

export const DirectoryUnit = Strict({
  id: Id,
  name: Type.String(),
  organisation: DirectoryOrganisation,
  /** Its active functions. */
  functions: Type.Array(Strict({ id: Id, title: Type.String(), kind: FunctionKind })),
});
export type DirectoryUnit = Static<typeof DirectoryUnit>;

export const UnitList = Strict({ items: Type.Array(DirectoryUnit) });
export type UnitList = Static<typeof UnitList>;

/** The languages the signed-in user speaks. */
export const MyLanguages = Strict({ languages: Languages });
export type MyLanguages = Static<typeof MyLanguages>;
