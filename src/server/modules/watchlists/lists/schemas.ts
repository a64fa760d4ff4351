import { type Static, Type } from '@sinclair/typebox';
import { Literals } from '../../../../shared/contract/kit.js';
import { HANDLING_CODES } from '../../../../shared/handling-codes.js';
import { DistributionTargetSchema, Id, Strict, Text } from '../../../platform/http/schemas.js';

const Distribution = Type.Array(DistributionTargetSchema, { maxItems: 200 });
const ReviewPeriodDays = Type.Integer({ minimum: 1, maximum: 3650 });
const GraceDays = Type.Integer({ minimum: 0, maximum: 365 });

export const CreateBody = Strict({
  /** The owner unit: one the creator works in, their first by default. */
  unitId: Type.Optional(Id),
  name: Text(200),
  purpose: Text(2000),
  legalBasis: Text(2000),
  reviewPeriodDays: ReviewPeriodDays,
  graceDays: Type.Optional(GraceDays),
  handlingCode: Literals(HANDLING_CODES),
  distribution: Distribution,
});
export type CreateBody = Static<typeof CreateBody>;

export const PatchBody = Strict({
  revision: Type.Integer({ minimum: 1 }),
  name: Type.Optional(Text(200)),
  purpose: Type.Optional(Text(2000)),
  legalBasis: Type.Optional(Text(2000)),
  reviewPeriodDays: Type.Optional(ReviewPeriodDays),
  graceDays: Type.Optional(GraceDays),
  handlingCode: Type.Optional(Literals(HANDLING_CODES)),
  distribution: Type.Optional(Distribution),
});
export type PatchBody = Static<typeof PatchBody>;

export const ArchiveBody = Strict({ revision: Type.Integer({ minimum: 1 }), reason: Text(1000) });
export type ArchiveBody = Static<typeof ArchiveBody>;

export const ListQuery = Strict({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  /** Only the lists my units keep. */
  mine: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, default: 0 })),
});
export type ListQuery = Static<typeof ListQuery>;
