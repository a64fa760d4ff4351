import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MessageDetail, MessageList, OpenRfiList, UnreadCounts } from '../../../../shared/exchange/messages/contract.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { IdParams } from '../../../platform/http/schemas.js';
import { forward } from './forward.js';
import { ComposeBody, ForwardBody, MessageListQuery, OpenRfiQuery, UnitBody } from './schemas.js';
import * as service from './service.js';

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

/**
 * Messages and requests for information between units. Reading (`message.read`) is filtered by
 * the visibility rule on every path; sending and forwarding (`message.send`) need a working role.
 */
export async function messageRoutes(app: FastifyInstance) {
  const tags = ['messages'];
  const read = { policy: 'message.read' as const };
  const send = { policy: 'message.send' as const };
  app.get(
    '/api/v1/messages',
    {
      config: read,
      schema: {
        tags,
        summary: 'Inbox or sent box of your units, newest first',
        querystring: MessageListQuery,
        response: replies({ 200: MessageList }),
      },
    },
    async (request) => service.list(actorContext(request), request.query as MessageListQuery),
  );
  app.get(
    '/api/v1/messages/unread',
    {
      config: read,
      schema: { tags, summary: 'Unread messages in the inbox of each of your units', response: replies({ 200: UnreadCounts }) },
    },
    async (request) => service.unread(actorContext(request)),
  );
  app.get(
    '/api/v1/messages/open-rfis',
    {
      config: read,
      schema: {
        tags,
        summary: 'Open requests for information your units asked or must answer, soonest deadline first',
        querystring: OpenRfiQuery,
        response: replies({ 200: OpenRfiList }),
      },
    },
    async (request) => service.openRfis(actorContext(request), request.query as OpenRfiQuery),
  );
  app.post(
    '/api/v1/messages',
    {
      config: send,
      schema: {
        tags,
        summary: 'Send a message or a request for information',
        body: ComposeBody,
        response: replies({ 201: MessageDetail }),
      },
    },
    async (request, reply) => reply.code(201).send(await service.send(actorContext(request), request.body as ComposeBody)),
  );
  app.get(
    '/api/v1/messages/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One message with its thread and acknowledgements',
        params: IdParams,
        response: replies({ 200: MessageDetail }),
      },
    },
    async (request) => service.getMessage(actorContext(request), idOf(request)),
  );
  app.post(
    '/api/v1/messages/:id/read',
    {
      config: read,
      schema: {
        tags,
        summary: 'Mark a thread read for your units (every message of it you may see); answers the unread counts',
        params: IdParams,
        response: replies({ 200: UnreadCounts }),
      },
    },
    async (request) => service.markRead(actorContext(request), idOf(request)),
  );
  app.post(
    '/api/v1/messages/:id/acknowledge',
    {
      config: read,
      schema: {
        tags,
        summary: 'Acknowledge a message for one of your units',
        params: IdParams,
        body: UnitBody,
        response: replies({ 200: MessageDetail }),
      },
    },
    async (request) => service.acknowledge(actorContext(request), idOf(request), (request.body ?? {}) as UnitBody),
  );
  app.post(
    '/api/v1/messages/:id/forward',
    {
      config: send,
      schema: {
        tags,
        summary: 'Forward a message, as far as its handling code allows',
        params: IdParams,
        body: ForwardBody,
        response: replies({ 201: MessageDetail }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await forward(actorContext(request), idOf(request), request.body as ForwardBody)),
  );
  for (const [path, archived] of [
    ['archive', true],
    ['unarchive', false],
  ] as const) {
    app.post(
      `/api/v1/messages/:id/${path}`,
      {
        config: read,
        schema: {
          tags,
          summary: archived ? "File a message away in one of your units' archive" : 'Bring an archived message back to the inbox',
          params: IdParams,
          body: UnitBody,
          response: replies({ 200: MessageDetail }),
        },
      },
      async (request) => service.archive(actorContext(request), idOf(request), (request.body ?? {}) as UnitBody, archived),
    );
  }
  app.post(
    '/api/v1/messages/:id/close',
    {
      config: send,
      schema: {
        tags,
        summary: 'Close a request for information your unit asked',
        params: IdParams,
        response: replies({ 200: MessageDetail }),
      },
    },
    async (request) => service.close(actorContext(request), idOf(request)),
  );
}
