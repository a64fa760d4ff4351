import type { Db } from '../../../platform/db/database.js';
import type { PersonalDataKeys } from '../../../platform/personal-data/keyring.js';

/**
 * Keeps a case's row of `case_statistics` (coarse facts keyed by an HMAC of the case id) equal to
 * the case, its latest screening and its referrals. Every change of a case, a screening or a
 * referral calls it inside its transaction.
 */
export async function refreshCaseFacts(_trx: Db, _keys: PersonalDataKeys, _caseId: string): Promise<void> {
  // Filled in by the statistics part.
}
