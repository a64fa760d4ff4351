import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { EventStreamReply } from '../../../../shared/exchange/live/contract.js';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import { SESSION_COOKIE } from '../../../platform/auth/credentials.js';
import type { Platform } from '../../../platform/context.js';
import type { OpaqueCursors } from '../../../platform/cursor.js';
import type { Listen } from '../../../platform/db/database.js';
import { problem } from '../../../platform/errors.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { Strict } from '../../../platform/http/schemas.js';
import { type Credential, LiveHub } from './live-hub.js';
import type { ResumePoint } from './stream.js';

export interface LiveOptions {
  /** The database's LISTEN; without it the bus polls. */
  listen?: Listen;
}

/** What a cursor may look like; whether it is one of the caller's is for the cipher to say. */
const CURSOR = /^[A-Za-z0-9_-]{1,128}$/;
const StreamQuery = Strict({
  after: Type.Optional(Type.String({ pattern: CURSOR.source, description: 'Resume after this event (its id)' })),
});

const hubs = new WeakMap<Platform, LiveHub>();

/** The live hub of an app (tests tune its timings; benchmarks read its counts). */
export function liveHub(app: FastifyInstance): LiveHub {
  const hub = hubs.get(app.platform);
  if (!hub) throw new Error('the live routes are not registered');
  return hub;
}

/**
 * `Last-Event-ID` (sent by EventSource when it reconnects) wins over `?after=` (its first URL). A
 * well-formed cursor that is not the caller's (another user's, an older key's, made up) is answered
 * with `reset`, as an event too old to resume from: the client refetches and gets cursors of its own.
 */
function resumePoint(request: FastifyRequest, cursors: OpaqueCursors, userId: string): ResumePoint {
  const header = request.headers['last-event-id'];
  const given = typeof header === 'string' && header !== '' ? header : (request.query as { after?: string }).after;
  if (given === undefined) return 'now';
  if (!CURSOR.test(given))
    throw problem(PLATFORM_PROBLEMS, 'validation', 'Last-Event-ID must be the id of an event of this stream.');
  const after = cursors.open(userId, given);
  return after === null ? 'unknown' : { after };
}

function credentialOf(request: FastifyRequest): Credential {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) return { kind: 'token', secret: bearer };
  return { kind: 'session', secret: request.cookies[SESSION_COOKIE] ?? '' };
}

/** The live stream of exchange events (Server-Sent Events): each user gets the events they may see. */
export async function liveRoutes(app: FastifyInstance, options: LiveOptions) {
  const hub = new LiveHub(app.platform, app.log.child({ component: 'live' }), options.listen);
  hubs.set(app.platform, hub);
  app.addHook('onReady', () => hub.start());
  // Before the server waits for open connections: a stream never finishes by itself.
  app.addHook('preClose', () => hub.stop());

  app.get(
    '/api/v1/events/stream',
    {
      config: { policy: 'events.read' },
      schema: {
        tags: ['events'],
        summary: 'Server-Sent Events of new messages, RFIs and alerts you may see (ids only)',
        description:
          'Each event: `id: <cursor>` (opaque, yours only), `event: <type>`, `data: {"type","recordType","recordId","at"}`. ' +
          'Reconnect with `Last-Event-ID` (or `?after=`) to receive the missed events; `event: reset` means refetch.',
        querystring: StreamQuery,
        // The stream is a Node stream sent as it is written, never serialised from a schema.
        response: replies({ 200: EventStreamReply }),
      },
    },
    async (request, reply) => {
      const { actor, viewer } = actorContext(request);
      const resume = resumePoint(request, hub.cursors, actor.userId);
      const stream = hub.open(actor, viewer, credentialOf(request));
      reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-cache, no-transform')
        // Reverse proxies (nginx) must pass each event on at once.
        .header('x-accel-buffering', 'no')
        // The connection carries only this stream; when it ends nothing should keep it open.
        .header('connection', 'close');
      void stream.open(resume);
      return reply.send(stream.output);
    },
  );
}
