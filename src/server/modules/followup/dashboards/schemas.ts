import { type Static, Type } from '@sinclair/typebox';
import { Literals } from '../../../../shared/contract/kit.js';
import { ACTION_PLANS, ACTION_STATUSES, INDICATOR_TRENDS } from '../../../../shared/followup/vocabulary.js';
import { Id, Strict } from '../../../platform/http/schemas.js';

/** Request schemas of the dashboards and drill-down lists (unknown fields and values refused: 400). */

export const PlanParams = Strict({ plan: Literals(ACTION_PLANS) });
export type PlanParams = Static<typeof PlanParams>;

const page = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, default: 0 })),
};

const scope = {
  reference: Type.Optional(
    Type.String({ minLength: 1, maxLength: 40, description: "An action plan's part ('CAP:objective:3', 'GCM:9')" }),
  ),
  plan: Type.Optional(Literals(ACTION_PLANS, { description: 'Any part of this action plan' })),
  organisation: Type.Optional(Id),
  commitment: Type.Optional(Id),
};

export const ActionListQuery = Strict({
  ...scope,
  status: Type.Optional(Type.Array(Literals(ACTION_STATUSES), { maxItems: 5, description: 'Repeat for several' })),
  overdue: Type.Optional(Type.Boolean({ description: 'Open (not done nor cancelled) and past its due date' })),
  dueSoon: Type.Optional(Type.Boolean({ description: 'Open and due within 30 days' })),
  ...page,
});
export type ActionListQuery = Static<typeof ActionListQuery>;

export const IndicatorListQuery = Strict({
  ...scope,
  trend: Type.Optional(Type.Array(Literals(INDICATOR_TRENDS), { maxItems: 4, description: 'Repeat for several' })),
  ...page,
});
export type IndicatorListQuery = Static<typeof IndicatorListQuery>;

export const PublicCommitmentsQuery = Strict(page);
export type PublicCommitmentsQuery = Static<typeof PublicCommitmentsQuery>;
