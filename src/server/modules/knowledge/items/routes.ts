import type { FastifyInstance } from 'fastify';
import { ItemPage } from '../../../../shared/knowledge/contract.js';
import { replies } from '../../../platform/http/responses.js';
import { IdParams } from '../../../platform/http/schemas.js';
import type { Wire } from '../../../platform/http/wire.js';
import { ItemQuery } from './schemas.js';
import * as service from './service.js';

/** One item's page: `knowledge.read` is open; anonymous callers reach TLP:CLEAR items only. */
export async function knowledgeItemRoutes(app: FastifyInstance) {
  app.get(
    '/api/v1/knowledge/items/:id',
    {
      config: { policy: 'knowledge.read' },
      schema: {
        tags: ['knowledge'],
        summary: 'One published item: text, tags, citation and similar items from other documents',
        params: IdParams,
        querystring: ItemQuery,
        response: replies({ 200: ItemPage }),
      },
    },
    async (request): Promise<Wire<ItemPage, 'references'>> =>
      service.getItem(request.context(), (request.params as { id: string }).id, request.query as ItemQuery),
  );
}
