import type { HandlingCode } from '../../../../shared/handling-codes.js';
import { isVisibleTo, type SharedRecordAccess, type Viewer } from '../../../../shared/visibility.js';
import type { EventType } from '../../../platform/events/record.js';

/** The kinds a user may switch on; each event type belongs to one. */
export const NOTICE_KINDS = ['newMessages', 'rfiChanges', 'alerts'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export function noticeKindOf(type: EventType): NoticeKind {
  if (type === 'message.new') return 'newMessages';
  if (type === 'rfi.updated' || type === 'rfi.reminder') return 'rfiChanges';
  return 'alerts';
}

export interface NoticeEvent {
  seq: number;
  type: EventType;
  recordType: 'message' | 'alert';
  recordId: string;
  access: SharedRecordAccess;
  /** Who caused it (null for reminders): never mailed about their own action. */
  actorUserId: string | null;
}

/** A user who turned e-mail notices on, with what the visibility rule needs to know of them. */
export interface Candidate {
  userId: string;
  email: string;
  locale: string;
  kinds: Record<NoticeKind, boolean>;
  viewer: Viewer;
}

/**
 * Whether `candidate` is mailed about `event`. The audience is who may see the record; a TLP:CLEAR
 * record counts as its distribution (as GREEN) here, since "anyone may see it" must not mean
 * "everyone is mailed". New records and reminders skip the originating unit, as its inbox does: they
 * are for the receiving side; a change (an RFI answered) goes to everyone concerned but its author.
 */
export function isRecipient(event: NoticeEvent, candidate: Candidate): boolean {
  if (!candidate.kinds[noticeKindOf(event.type)]) return false;
  if (event.actorUserId === candidate.userId) return false;
  const audience: SharedRecordAccess =
    event.access.handlingCode === 'TLP:CLEAR' ? { ...event.access, handlingCode: 'TLP:GREEN' as HandlingCode } : event.access;
  if (!isVisibleTo(audience, candidate.viewer) || !isVisibleTo(event.access, candidate.viewer)) return false;
  const forReceivers = event.type.endsWith('.new') || event.type === 'rfi.reminder';
  return !(forReceivers && candidate.viewer.unitIds.includes(event.access.originatorUnitId));
}
