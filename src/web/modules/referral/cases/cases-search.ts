import { CASE_STATUSES, CASE_TYPES, type CaseStatus, type CaseType } from '../../../../shared/referral/vocabulary.js';

// Apart from the pages (and their API module) so the router reads an address without loading them.

/**
 * The case list's address: `?status=open&type=trafficking&unit=<id>`. The name and date-of-birth search is
 * deliberately NOT in the address: a person's name must not land in the browser history, in
 * bookmarks or in a server's access log; it lives in the page's state only.
 */
export interface CaseSearch {
  status?: CaseStatus;
  type?: CaseType;
  /** The unit in charge (one of the reader's units). */
  unit?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const pick = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;

export function parseCaseSearch(search: Record<string, unknown>): CaseSearch {
  const parsed: CaseSearch = {};
  const status = pick(CASE_STATUSES, search.status);
  const type = pick(CASE_TYPES, search.type);
  if (status) parsed.status = status;
  if (type) parsed.type = type;
  if (typeof search.unit === 'string' && UUID.test(search.unit)) parsed.unit = search.unit;
  return parsed;
}
