import { type Static, type TSchema, Type } from '@sinclair/typebox';

/**
 * Building blocks of the wire contract. Schemas in `src/shared/<capability>/contract.ts` are used by
 * the server to validate requests and serialise replies (an unlisted column is never published), and
 * their `Static` types by the web app (`import type` only, so TypeBox stays out of the browser).
 */
export const Id = Type.String({ format: 'uuid' });
export const DateTime = Type.String({ format: 'date-time' });
export const DateOnly = Type.String({ format: 'date' });

/** Objects refuse unknown fields on the way in, and publish only their listed fields on the way out. */
export const Strict = <T extends Record<string, TSchema>>(properties: T) =>
  Type.Object(properties, { additionalProperties: false });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * One of a fixed list of strings (an enumeration shared with the web app). Written as a string with
 * an `enum`, not a union of literals: both validate alike, but the serialiser writes an enum-string as
 * a string, while it tries a union's branches one by one (with the 90 capabilities in /me, that
 * was most of the answer's cost).
 */
export const Literals = <const T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });

/** A page of a list: its items and how many there are in all. */
export const Page = <T extends TSchema>(item: T) => Strict({ items: Type.Array(item), total: Type.Integer({ minimum: 0 }) });

export type { Static, TSchema };
