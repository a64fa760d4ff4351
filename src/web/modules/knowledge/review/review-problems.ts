import type { KnowledgeProblem } from '../../../../shared/knowledge/problems.js';

/**
 * Refusals of a review change that the reader gets in their own language (`review.problems.<slug>`);
 * for any other problem the server's detail, in English, is shown.
 */
export const WORDED_REFUSALS = [
  'not-adjacent',
  'item-withdrawn',
  'invalid-split-offset',
  'text-too-long',
  'unknown-recipient',
  'would-hide-document',
  'not-a-draft',
  'same-file',
] as const satisfies readonly KnowledgeProblem[];

type WordedRefusal = (typeof WORDED_REFUSALS)[number];

export const isWordedRefusal = (slug: string): slug is WordedRefusal => (WORDED_REFUSALS as readonly string[]).includes(slug);
