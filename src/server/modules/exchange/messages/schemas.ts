import { type Static, Type } from '@sinclair/typebox';
import { Literals } from '../../../../shared/contract/kit.js';
import { MAX_ATTACHMENTS_PER_MESSAGE } from '../../../../shared/exchange/attachments/limits.js';
import { BOXES, MESSAGE_KINDS, PRIORITIES, RESTRICTIONS } from '../../../../shared/exchange/messages/vocabulary.js';
import { HANDLING_CODES } from '../../../../shared/handling-codes.js';
import { DistributionTargetSchema, Id, Paging, Strict, Text } from '../../../platform/http/schemas.js';

/** Messages may also be addressed to a function of the directory: it reaches the function's unit. */
export const MessageTarget = Type.Union([DistributionTargetSchema, Strict({ kind: Type.Literal('function'), id: Id })]);
export type MessageTarget = Static<typeof MessageTarget>;
const Distribution = Type.Array(MessageTarget, { minItems: 1, maxItems: 200 });
const Body = Type.String({ minLength: 1, maxLength: 100_000, description: 'Markdown' });

export const ComposeBody = Strict({
  kind: Type.Optional(Literals(MESSAGE_KINDS)),
  subject: Text(300),
  body: Body,
  handlingCode: Literals(HANDLING_CODES),
  restrictions: Type.Optional(Type.Array(Literals(RESTRICTIONS), { maxItems: RESTRICTIONS.length, uniqueItems: true })),
  distribution: Distribution,
  priority: Type.Optional(Literals(PRIORITIES)),
  deadline: Type.Optional(Type.String({ format: 'date-time', description: 'RFI: answer wanted by' })),
  inReplyTo: Type.Optional(Id),
  fromUnitId: Type.Optional(Id),
  /** Ids of the sender's own pending uploads (POST /api/v1/attachments). */
  attachmentIds: Type.Optional(Type.Array(Id, { maxItems: MAX_ATTACHMENTS_PER_MESSAGE, uniqueItems: true })),
});
export type ComposeBody = Static<typeof ComposeBody>;

export const ForwardBody = Strict({
  distribution: Distribution,
  handlingCode: Type.Optional(Literals(HANDLING_CODES)),
  note: Type.Optional(Type.String({ maxLength: 10_000 })),
  fromUnitId: Type.Optional(Id),
});
export type ForwardBody = Static<typeof ForwardBody>;

/** Acknowledge, archive or bring back for one of your units (your first unit by default). */
export const UnitBody = Strict({ unitId: Type.Optional(Id) });
export type UnitBody = Static<typeof UnitBody>;

export const MessageListQuery = Strict({
  box: Type.Optional(Literals(BOXES)),
  unitId: Type.Optional(Id),
  kind: Type.Optional(Literals(MESSAGE_KINDS)),
  ...Paging,
});
export type MessageListQuery = Static<typeof MessageListQuery>;

export const OpenRfiQuery = Strict({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })) });
export type OpenRfiQuery = Static<typeof OpenRfiQuery>;
