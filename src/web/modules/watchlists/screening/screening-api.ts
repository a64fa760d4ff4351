import type { EntrySex } from '../../../../shared/watchlists/vocabulary.js';
import { api } from '../../../api/client.js';

export type {
  EntryName,
  MatchFactors,
  MatchReason,
  ScreeningCandidate,
  ScreeningResult,
} from '../../../../shared/watchlists/contract.js';

import type { ScreeningResult } from '../../../../shared/watchlists/contract.js';

export const SCREENING_API = '/api/v1/screening';

/** Every query of screening, review and batches sits under this key, so a live refresh reaches them all. */
export const screeningKeys = {
  all: ['watchlists', 'screening'] as const,
};

export interface ScreeningInput {
  name: string;
  birthYear?: number;
  nationality?: string;
  sex?: EntrySex;
  purpose: string;
}

/**
 * One name against the lists this person may see. A POST (never a GET): the screened name stays out
 * of addresses, history and server logs.
 */
export const screenName = (input: ScreeningInput) => api.post<ScreeningResult>(SCREENING_API, input);

/** The review page of one hit. */
export const hitPath = (hitId: string) => `/screening/hits/${encodeURIComponent(hitId)}`;

/** A score of 0..1 as a whole percentage, the way the page shows it. */
export const percent = (score: number) => Math.round(score * 100);
