/**
 * The page's address keeps the import being followed, so a reload (or a shared link) shows it again.
 * Apart from the page, so the router reads it without loading the page.
 */
export interface ImportSearch {
  import?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseImportSearch(search: Record<string, unknown>): ImportSearch {
  return typeof search.import === 'string' && UUID.test(search.import) ? { import: search.import } : {};
}
