/**
 * Events of the exchange, as the live stream sends them (`GET /api/v1/events/stream`) and the web
 * app reacts to them. An event carries ids only: the client reads the record through its API.
 */

export const EVENT_TYPES = [
  'message.new',
  'rfi.updated',
  'rfi.reminder',
  'alert.new',
  'alert.updated',
  'alert.feedback',
  /** A watch-list or its entries changed: read `GET /watchlists/:id/changes?since=`. */
  'watchlist.changed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_RECORD_TYPES = ['message', 'alert', 'watchlist'] as const;
export type EventRecordType = (typeof EVENT_RECORD_TYPES)[number];

/** The stream's own events: `ready` once live (its id is the resume point), `reset` to refetch everything. */
export const STREAM_EVENTS = ['ready', 'reset'] as const;
export type StreamEvent = (typeof STREAM_EVENTS)[number];

/** The `data:` of an event. */
export interface EventData {
  seq: number;
  type: EventType;
  recordType: EventRecordType;
  recordId: string;
  /** ISO 8601 instant. */
  at: string;
}
