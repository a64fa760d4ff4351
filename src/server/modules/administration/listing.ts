import { type RawBuilder, sql } from 'kysely';

/** The query every administration list takes: search text, inactive records, a page. */
export interface ListQuery {
  q?: string;
  includeInactive?: boolean;
  limit?: number;
  offset?: number;
}

/** `%text%` for ILIKE with the user's own % and _ taken literally. */
export function containsPattern(q: string | undefined): string | null {
  const text = q?.trim();
  if (!text) return null;
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const page = (query: ListQuery) => sql`limit ${query.limit ?? 50} offset ${query.offset ?? 0}`;

export const activeFilter = (column: RawBuilder<unknown>, query: ListQuery) =>
  query.includeInactive ? sql`true` : sql`${column}`;

/** Rows carry `total` from `count(*) over ()`; split it off into the list answer. */
export function toList<Row extends { total: number }, Item>(rows: Row[], map: (row: Row) => Item) {
  return { items: rows.map(map), total: rows[0]?.total ?? 0 };
}
