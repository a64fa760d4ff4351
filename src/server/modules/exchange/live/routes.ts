import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { EventStreamReply } from '../../../../shared/exchange/live/contract.js';
import { PLATFORM_PROBLEMS } from '../../../../shared/problems.js';
import { SESSION_COOKIE } from '../../../platform/auth/credentials.js';
import type { Platform } from '../../../platform/context.js';
import type { Listen } from '../../../platform/db/database.js';
import { problem } from '../../../platform/errors.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { Strict } from '../../../platform/http/schemas.js';
import { type Credential, LiveHub } from './live-hub.js';

export interface LiveOptions {
  /** The database's LISTEN; without it the bus polls. */
  listen?: Listen;
}

const SEQ = /^[0-9]{1,15}$/;
const StreamQuery = Strict({
  after: Type.Optional(Type.String({ pattern: SEQ.source, description: 'Resume after this event' })),
});

const hubs = new WeakMap<Platform, LiveHub>();

/** The live hub of an app (tests tune its timings; benchmarks read its counts). */
export function liveHub(app: FastifyInstance): LiveHub {
  const hub = hubs.get(app.platform);
  if (!hub) throw new Error('the live routes are not registered');
  return hub;
}

/** `Last-Event-ID` (sent by EventSource when it reconnects) wins over `?after=` (its first URL). */
function resumePoint(request: FastifyRequest): number | null {
  const header = request.headers['last-event-id'];
  const given = typeof header === 'string' && header !== '' ? header : (request.query as { after?: string }).after;
  if (given === undefined) return null;
  if (!SEQ.test(given)) throw problem(PLATFORM_PROBLEMS, 'validation', 'Last-Event-ID must be an event sequence number.');
  return Number(given);
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
          'Each event: `id: <seq>`, `event: <type>`, `data: {"seq","type","recordType","recordId","at"}`. ' +
          'Reconnect with `Last-Event-ID` (or `?after=`) to receive the missed events; `event: reset` means refetch.',
        querystring: StreamQuery,
        // The stream is a Node stream sent as it is written, never serialised from a schema.
        response: replies({ 200: EventStreamReply }),
      },
    },
    async (request, reply) => {
      const { actor } = actorContext(request);
      const after = resumePoint(request);
      const stream = hub.open(actor, credentialOf(request));
      reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-cache, no-transform')
        // Reverse proxies (nginx) must pass each event on at once.
        .header('x-accel-buffering', 'no')
        // The connection carries only this stream; when it ends nothing should keep it open.
        .header('connection', 'close');
      void stream.open(after);
      return reply.send(stream.output);
    },
  );
}
