import { Type } from '@sinclair/typebox';

/**
 * The live stream's reply: Server-Sent Events, never JSON. Each event is `id: <seq>`,
 * `event: <type>` and `data: <EventData as JSON>` (see ./events.ts).
 */
export const EventStreamReply = Type.String({ description: 'text/event-stream' });
