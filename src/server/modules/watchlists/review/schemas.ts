import { type Static, Type } from '@sinclair/typebox';
import { Literals } from '../../../../shared/contract/kit.js';
import { HIT_STATUSES, WATCHLIST_LIMITS } from '../../../../shared/watchlists/vocabulary.js';
import { Strict, Text } from '../../../platform/http/schemas.js';

export const HitListQuery = Strict({
  status: Type.Optional(Literals(HIT_STATUSES)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
});
export type HitListQuery = Static<typeof HitListQuery>;

export const DecisionBody = Strict({
  decision: Literals(['confirm', 'discard'] as const),
  /** Why: it may name the person, so it is stored encrypted. */
  reason: Text(WATCHLIST_LIMITS.reasonLength, 3),
});
export type DecisionBody = Static<typeof DecisionBody>;
