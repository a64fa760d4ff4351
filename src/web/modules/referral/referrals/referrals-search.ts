import { REFERRAL_STATUSES, type ReferralStatus } from '../../../../shared/referral/vocabulary.js';

/**
 * The referral boxes' address, `?box=incoming|outgoing&status=…`. Kept apart from the pages so the
 * router reads it eagerly without loading them.
 */
export interface ReferralSearch {
  box?: 'outgoing';
  status?: ReferralStatus;
}

export function parseReferralSearch(search: Record<string, unknown>): ReferralSearch {
  const result: ReferralSearch = {};
  if (search.box === 'outgoing') result.box = 'outgoing';
  if (typeof search.status === 'string' && (REFERRAL_STATUSES as readonly string[]).includes(search.status))
    result.status = search.status as ReferralStatus;
  return result;
}
