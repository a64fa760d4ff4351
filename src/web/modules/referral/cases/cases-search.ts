import { CASE_STATUSES, CASE_TYPES, type CaseStatus, type CaseType } from '../../../../shared/referral/vocabulary.js';

// Apart from the pages (and their API module) so the router reads an address without loading them.

/**
 * The case list's address: `?status=open&type=trafficking`. The name and date-of-birth search is
 * deliberately NOT in the address: a person's name must not land in the browser history, in
 * bookmarks or in a server's access log; it lives in the page's state only.
 */
export interface CaseSearch {
  status?: CaseStatus;
  type?: CaseType;
}

const pick = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;

export function parseCaseSearch(search: Record<string, unknown>): CaseSearch {
  const parsed: CaseSearch = {};
  const status = pick(CASE_STATUSES, search.status);
  const type = pick(CASE_TYPES, search.type);
  if (status) parsed.status = status;
  if (type) parsed.type = type;
  return parsed;
}
