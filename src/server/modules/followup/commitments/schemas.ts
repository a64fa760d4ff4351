import { type Static, Type } from '@sinclair/typebox';
import { Literals } from '../../../../shared/contract/kit.js';
import {
  ACTION_PLANS,
  ACTION_STATUSES,
  COMMITMENT_STATUSES,
  FOLLOWUP_EXPORT_KINDS,
  INDICATOR_DIRECTIONS,
  MAX_LINKED_RECOMMENDATIONS,
  MAX_MILESTONES,
  MAX_PARTNERS,
  VALUE_TYPES,
} from '../../../../shared/followup/vocabulary.js';
import { HANDLING_CODES } from '../../../../shared/handling-codes.js';
import { LOCALES } from '../../../../shared/locales.js';
import { Id, Strict, Text } from '../../../platform/http/schemas.js';

/** Request schemas of the commitments API; replies are in src/shared/followup/contract.ts. */

const DateOnly = Type.String({ format: 'date', maxLength: 10 });
const Revision = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const Reference = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Z]+(:[a-z]+)?(:[0-9]+)?$' });
/** A value as stored: finite, and within what a numeric column round-trips exactly enough. */
const Value = Type.Number({ minimum: -1e12, maximum: 1e12 });

export const DistributionBody = Strict({
  units: Type.Array(Id, { maxItems: 100, uniqueItems: true }),
  organisations: Type.Array(Id, { maxItems: 100, uniqueItems: true }),
  sharingGroups: Type.Array(Id, { maxItems: 50, uniqueItems: true }),
  allPartners: Type.Boolean(),
});
export type DistributionBody = Static<typeof DistributionBody>;

export const CreateBody = Strict({
  unitId: Id,
  title: Text(300),
  description: Type.Optional(Text(20000, 0)),
  startsOn: DateOnly,
  endsOn: DateOnly,
  contributors: Type.Optional(Type.Array(Id, { maxItems: MAX_PARTNERS - 1, uniqueItems: true })),
  recommendationIds: Type.Optional(Type.Array(Id, { maxItems: MAX_LINKED_RECOMMENDATIONS, uniqueItems: true })),
  references: Type.Optional(Type.Array(Reference, { maxItems: 50, uniqueItems: true })),
  handlingCode: Type.Optional(Literals(HANDLING_CODES)),
  distribution: Type.Optional(DistributionBody),
});
export type CreateBody = Static<typeof CreateBody>;

export const UpdateBody = Strict({
  revision: Revision,
  title: Type.Optional(Text(300)),
  description: Type.Optional(Text(20000, 0)),
  startsOn: Type.Optional(DateOnly),
  endsOn: Type.Optional(DateOnly),
  contributors: Type.Optional(Type.Array(Id, { maxItems: MAX_PARTNERS - 1, uniqueItems: true })),
  recommendationIds: Type.Optional(Type.Array(Id, { maxItems: MAX_LINKED_RECOMMENDATIONS, uniqueItems: true })),
  references: Type.Optional(Type.Array(Reference, { maxItems: 50, uniqueItems: true })),
  reason: Type.Optional(Text(2000)),
});
export type UpdateBody = Static<typeof UpdateBody>;

export const CommitmentStatusBody = Strict({
  revision: Revision,
  status: Literals(COMMITMENT_STATUSES),
  reason: Type.Optional(Text(2000)),
});
export type CommitmentStatusBody = Static<typeof CommitmentStatusBody>;

/** Filters shared by the list and the export. */
const filters = {
  q: Type.Optional(Type.String({ maxLength: 200 })),
  organisation: Type.Optional(Id),
  reference: Type.Optional(Reference),
  plan: Type.Optional(Literals(ACTION_PLANS)),
  status: Type.Optional(Literals(COMMITMENT_STATUSES)),
  recommendation: Type.Optional(Id),
  mine: Type.Optional(Type.Boolean()),
};

export const ListQuery = Strict({
  ...filters,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, default: 0 })),
});
export type ListQuery = Static<typeof ListQuery>;
export type CommitmentFilters = Static<ReturnType<typeof Strict<typeof filters>>>;

export const ExportQuery = Strict({
  ...filters,
  kind: Type.Optional(Literals(FOLLOWUP_EXPORT_KINDS)),
  format: Type.Optional(Literals(['csv', 'json'] as const)),
  lang: Type.Optional(Literals(LOCALES)),
});
export type ExportQuery = Static<typeof ExportQuery>;

export const ActionBody = Strict({
  title: Text(300),
  description: Type.Optional(Text(20000, 0)),
  ownerUnitId: Id,
  dueOn: DateOnly,
});
export type ActionBody = Static<typeof ActionBody>;

export const ActionUpdateBody = Strict({
  revision: Revision,
  title: Type.Optional(Text(300)),
  description: Type.Optional(Text(20000, 0)),
  ownerUnitId: Type.Optional(Id),
  dueOn: Type.Optional(DateOnly),
  reason: Type.Optional(Text(2000)),
});
export type ActionUpdateBody = Static<typeof ActionUpdateBody>;

export const ActionStatusBody = Strict({
  revision: Revision,
  status: Literals(ACTION_STATUSES),
  reason: Type.Optional(Text(2000)),
});
export type ActionStatusBody = Static<typeof ActionStatusBody>;

const Point = Strict({ value: Value, on: DateOnly });

export const IndicatorBody = Strict({
  name: Text(300),
  measureUnit: Type.Optional(Text(100, 0)),
  direction: Literals(INDICATOR_DIRECTIONS),
  valueType: Literals(VALUE_TYPES),
  milestones: Type.Optional(Type.Array(Text(200), { maxItems: MAX_MILESTONES })),
  baseline: Point,
  target: Point,
});
export type IndicatorBody = Static<typeof IndicatorBody>;

export const MeasurementBody = Strict({
  value: Value,
  measuredOn: DateOnly,
  source: Text(500),
  note: Type.Optional(Text(2000, 0)),
  evidence: Type.Optional(
    Type.Union([Strict({ attachmentId: Id }), Strict({ url: Type.String({ minLength: 1, maxLength: 2000 }) })]),
  ),
});
export type MeasurementBody = Static<typeof MeasurementBody>;

export const WithdrawBody = Strict({ reason: Text(2000) });
export type WithdrawBody = Static<typeof WithdrawBody>;

export const OrganisationQuery = Strict({ q: Type.Optional(Type.String({ maxLength: 200 })) });
export type OrganisationQuery = Static<typeof OrganisationQuery>;

export const ItemParams = Strict({ itemId: Id });
