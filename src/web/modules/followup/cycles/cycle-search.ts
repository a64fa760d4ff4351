import { CYCLE_STATUSES, type CycleStatus } from '../../../../shared/followup/vocabulary.js';

/**
 * The cycle list's address, `?status=open|closed` (none: every cycle). Kept apart from the pages so
 * the router reads it eagerly without loading them.
 */
export interface CycleSearch {
  status?: CycleStatus;
}

export function parseCycleSearch(search: Record<string, unknown>): CycleSearch {
  const status = search.status;
  return typeof status === 'string' && (CYCLE_STATUSES as readonly string[]).includes(status)
    ? { status: status as CycleStatus }
    : {};
}
