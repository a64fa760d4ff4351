import { Type } from '@sinclair/typebox';
import { DateTime, Id, Literals, Nullable, type Static, Strict } from '../../contract/kit.js';
import { HANDLING_CODES } from '../../handling-codes.js';
import { AttachmentSummary } from '../attachments/contract.js';
import { MESSAGE_KINDS, PRIORITIES, RESTRICTIONS, RFI_STATUSES } from './vocabulary.js';

/** What the messages API answers (`toMessageResponse` and the service's replies). */

const Named = Strict({ id: Id, name: Type.String() });

const messageFields = {
  id: Id,
  threadId: Id,
  inReplyTo: Nullable(Id),
  forwardedFrom: Nullable(Id),
  kind: Literals(MESSAGE_KINDS),
  subject: Type.String(),
  /** Markdown as written. */
  body: Type.String(),
  /** The body's Markdown as HTML, sanitised by the server (raw HTML escaped, only safe links). */
  bodyHtml: Type.String(),
  restrictions: Type.Array(Literals(RESTRICTIONS)),
  priority: Literals(PRIORITIES),
  deadline: Nullable(DateTime),
  /** RFIs only; null for a plain message. */
  status: Nullable(Literals(RFI_STATUSES)),
  handlingCode: Literals(HANDLING_CODES),
  sender: Strict({ userId: Id, name: Type.String() }),
  fromUnit: Named,
  fromOrganisation: Named,
  distribution: Strict({
    units: Type.Array(Id),
    organisations: Type.Array(Id),
    sharingGroups: Type.Array(Id),
    allPartners: Type.Boolean(),
    /** Functions of the directory it was addressed to; each reaches its unit's inbox. */
    functions: Type.Array(Id),
  }),
  closedAt: Nullable(DateTime),
  /** Whether one of the viewer's units (or the listed box's unit) acknowledged it. */
  read: Type.Boolean(),
  /** How many units acknowledged it (the sender's RFI tracker shows it). */
  acknowledgementCount: Type.Integer({ minimum: 0 }),
  createdAt: DateTime,
};

/** A message in a list. */
export const Message = Strict(messageFields);
export type Message = Static<typeof Message>;

/** A message of an opened thread, with its attachments. */
export const ThreadMessage = Strict({ ...messageFields, attachments: Type.Array(AttachmentSummary) });
export type ThreadMessage = Static<typeof ThreadMessage>;

export const Acknowledgement = Strict({ unitId: Id, unit: Type.String(), organisation: Type.String(), at: DateTime });
export type Acknowledgement = Static<typeof Acknowledgement>;

/** Where the message sits for one of the reader's units that received it. */
export const Delivery = Strict({ unitId: Id, archived: Type.Boolean(), read: Type.Boolean() });
export type Delivery = Static<typeof Delivery>;

/** One message with its thread (what the viewer may see of it), who acknowledged it, and its deliveries. */
export const MessageDetail = Strict({
  ...ThreadMessage.properties,
  thread: Type.Array(ThreadMessage),
  acknowledgements: Type.Array(Acknowledgement),
  /** The viewer's units whose inbox holds the message, and whether each archived or read it. */
  deliveries: Type.Array(Delivery),
});
export type MessageDetail = Static<typeof MessageDetail>;

export const MessageList = Strict({
  messages: Type.Array(Message),
  total: Type.Integer({ minimum: 0 }),
  unread: Type.Integer({ minimum: 0 }),
  /** The unit whose box this is (null for `all` and for users without a unit). */
  unitId: Nullable(Id),
});
export type MessageList = Static<typeof MessageList>;

export const UnreadCounts = Strict({
  unread: Type.Integer({ minimum: 0 }),
  units: Type.Array(Strict({ unitId: Id, unread: Type.Integer({ minimum: 0 }) })),
});
export type UnreadCounts = Static<typeof UnreadCounts>;

/** An open RFI of one of the viewer's units: `asked` when one of them asked it, else one must answer it. */
export const OpenRfi = Strict({ ...messageFields, asked: Type.Boolean() });
export type OpenRfi = Static<typeof OpenRfi>;

/** Open RFIs of the viewer's units, soonest deadline first: a page, how many in all, how many overdue. */
export const OpenRfiList = Strict({
  rfis: Type.Array(OpenRfi),
  total: Type.Integer({ minimum: 0 }),
  overdue: Type.Integer({ minimum: 0 }),
});
export type OpenRfiList = Static<typeof OpenRfiList>;
