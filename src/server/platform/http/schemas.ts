import { type TSchema, Type } from '@sinclair/typebox';

/** Shared schema pieces. Objects refuse unknown fields so a typo never passes silently. */
/**
 * A record id: the plain 36-character form only. The `uuid` format alone also takes `urn:uuid:…`,
 * which PostgreSQL refuses as a uuid, so such an id would fail in SQL (500) instead of here (400).
 */
export const Id = Type.String({ format: 'uuid', maxLength: 36, pattern: '^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$' });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

/** Text a person types: trimmed length bounds, no control characters. */
export const Text = (maxLength: number, minLength = 1) =>
  Type.String({ minLength, maxLength, pattern: '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$' });

export const Strict = <T extends Record<string, TSchema>>(properties: T) =>
  Type.Object(properties, { additionalProperties: false });

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
  },
  { additionalProperties: true, description: 'RFC 9457 problem details' },
);

export const Paging = {
  q: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, default: 0 })),
};

/** Query string of a list endpoint: search text, inactive records, a page, and extra filters. */
export const ListQuerySchema = <T extends Record<string, TSchema>>(extra: T = {} as T) =>
  Strict({
    ...Paging,
    includeInactive: Type.Optional(Type.Boolean({ default: false })),
    ...extra,
  });

export const CountryCode = Type.String({ maxLength: 2, pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });

/** Who receives a shared record (see src/shared/visibility.ts `DistributionTarget`). */
export const DistributionTargetSchema = Type.Union([
  Strict({ kind: Type.Literal('unit'), id: Id }),
  Strict({ kind: Type.Literal('organisation'), id: Id }),
  Strict({ kind: Type.Literal('sharing_group'), id: Id }),
  Strict({ kind: Type.Literal('all_partners') }),
]);
