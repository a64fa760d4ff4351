/** The query every administration list takes: search text, inactive records, a page. */
export interface ListQuery {
  q?: string;
  includeInactive?: boolean;
  limit?: number;
  offset?: number;
}

/** A page of a list and the length of the whole list. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** `%text%` for ILIKE with the user's own % and _ taken literally. */
export function containsPattern(q: string | undefined): string | null {
  const text = q?.trim();
  if (!text) return null;
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Rows carry `total` from `count(*) over ()`; split it off into the list answer. A page past the
 * end has no row to carry it, so the first row of the list is fetched for the count.
 */
export async function listPage<Query extends ListQuery, Row extends { total: number }, Item>(
  query: Query,
  fetch: (query: Query) => Promise<Row[]>,
  map: (row: Row) => Item,
): Promise<Page<Item>> {
  const rows = await fetch(query);
  if (rows.length > 0 || !query.offset) return { items: rows.map(map), total: rows[0]?.total ?? 0 };
  const first = await fetch({ ...query, offset: 0, limit: 1 });
  return { items: [], total: first[0]?.total ?? 0 };
}

export const mapPage = <T, U>(page: Page<T>, map: (item: T) => U): Page<U> => ({ items: page.items.map(map), total: page.total });
