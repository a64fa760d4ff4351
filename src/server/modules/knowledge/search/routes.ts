import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../platform/http/schemas.js';
import { DocumentListQuery, SearchQuery } from './schemas.js';
import * as service from './service.js';

/**
 * Read API of the knowledge library. `knowledge.read` is an open action: anonymous callers see
 * TLP:CLEAR documents only; a session or token widens what `visibleTo` lets through.
 */
export async function knowledgeSearchRoutes(app: FastifyInstance) {
  const tags = ['knowledge'];
  app.get(
    '/api/v1/knowledge/items',
    {
      config: { policy: 'knowledge.read' },
      schema: { tags, summary: 'Search published knowledge items, with facets', querystring: SearchQuery },
    },
    async (request) => service.searchItems(request.context(), request.query as SearchQuery),
  );
  app.get(
    '/api/v1/knowledge/documents',
    {
      config: { policy: 'knowledge.read' },
      schema: { tags, summary: 'List published knowledge documents', querystring: DocumentListQuery },
    },
    async (request) => service.listDocuments(request.context(), request.query as DocumentListQuery),
  );
  app.get(
    '/api/v1/knowledge/documents/:id',
    {
      config: { policy: 'knowledge.read' },
      schema: { tags, summary: 'One published document: metadata, original text and items', params: IdParams },
    },
    async (request) => service.getDocument(request.context(), (request.params as { id: string }).id),
  );
}
