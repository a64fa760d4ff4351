import {
  ACTION_PLANS,
  type ActionPlan,
  COMMITMENT_STATUSES,
  type CommitmentStatus,
} from '../../../../shared/followup/vocabulary.js';

// Apart from the pages (and their API module) so the router reads an address without loading them.

/** The list's address: `?q=…&organisation=<id>&plan=CAP&reference=CAP:objective:3&status=active&mine=true&page=2`. */
export interface CommitmentSearch {
  q?: string;
  organisation?: string;
  plan?: ActionPlan;
  reference?: string;
  status?: CommitmentStatus;
  mine?: boolean;
  page?: number;
}

/** The new-commitment form, opened from a library recommendation: `?recommendation=<itemId>`. */
export interface NewCommitmentSearch {
  recommendation?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Reference ids as the library writes them: `CAP:objective:3`, `GCM:objective:23`. */
const REFERENCE = /^[A-Z]{2,5}(:[a-z_]+:[0-9A-Za-z.]+)+$/;

const pick = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;

const compact = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;

export function parseCommitmentSearch(search: Record<string, unknown>): CommitmentSearch {
  const page = Number(search.page);
  const q = typeof search.q === 'string' && search.q.trim() ? search.q.slice(0, 200) : undefined;
  return compact({
    q,
    organisation: typeof search.organisation === 'string' && UUID.test(search.organisation) ? search.organisation : undefined,
    plan: pick(ACTION_PLANS, search.plan),
    reference: typeof search.reference === 'string' && REFERENCE.test(search.reference) ? search.reference : undefined,
    status: pick(COMMITMENT_STATUSES, search.status),
    mine: search.mine === true || search.mine === 'true' ? true : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  });
}

export function parseNewCommitmentSearch(search: Record<string, unknown>): NewCommitmentSearch {
  return compact({
    recommendation:
      typeof search.recommendation === 'string' && UUID.test(search.recommendation) ? search.recommendation : undefined,
  });
}
