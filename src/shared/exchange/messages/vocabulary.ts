/**
 * The messages' controlled lists, shared by the server's schemas, the wire contract and the web app
 * (plain arrays, no TypeBox, so the browser bundle stays small).
 */
import type { DistributionTarget } from '../../visibility.js';

export const MESSAGE_KINDS = ['message', 'rfi'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Restrictions an originator may add to the handling code. */
export const RESTRICTIONS = ['law_enforcement_only', 'ask_before_judicial_use'] as const;
export type Restriction = (typeof RESTRICTIONS)[number];

export const PRIORITIES = ['routine', 'urgent', 'immediate'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Boxes of a unit (inbox, archive, sent), and every message the viewer may see (`all`). */
export const BOXES = ['inbox', 'archive', 'sent', 'all'] as const;
export type Box = (typeof BOXES)[number];

/** Statuses of a request for information; `overdue` is not stored: an open RFI past its deadline. */
export const RFI_STATUSES = ['open', 'answered', 'overdue', 'closed'] as const;
export type RfiStatus = (typeof RFI_STATUSES)[number];

/** Who receives a message: the shared record's targets, or a function of the directory (its unit). */
export type MessageTarget = DistributionTarget | { kind: 'function'; id: string };
