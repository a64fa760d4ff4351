import type { FastifyInstance } from 'fastify';
import { DocumentList, LibraryDocument, SearchAnswer } from '../../../../shared/knowledge/contract.js';
import { replies } from '../../../platform/http/responses.js';
import { IdParams } from '../../../platform/http/schemas.js';
import type { Wire } from '../../../platform/http/wire.js';
import { DocumentListQuery, SearchQuery } from './schemas.js';
import * as service from './service.js';

/**
 * Read API of the knowledge library. `knowledge.read` is an open action: anonymous callers see
 * TLP:CLEAR documents only; a session or token widens what `visibleTo` lets through.
 */
export async function knowledgeSearchRoutes(app: FastifyInstance) {
  warmSearchAtStart(app);
  const tags = ['knowledge'];
  app.get(
    '/api/v1/knowledge/items',
    {
      config: { policy: 'knowledge.read' },
      schema: {
        tags,
        summary: 'Search published knowledge items, with facets',
        querystring: SearchQuery,
        response: replies({ 200: SearchAnswer }),
      },
    },
    async (request): Promise<Wire<SearchAnswer, 'references'>> =>
      service.searchItems(request.context(), request.query as SearchQuery),
  );
  app.get(
    '/api/v1/knowledge/documents',
    {
      config: { policy: 'knowledge.read' },
      schema: {
        tags,
        summary: 'List published knowledge documents',
        querystring: DocumentListQuery,
        response: replies({ 200: DocumentList }),
      },
    },
    async (request): Promise<Wire<DocumentList>> => service.listDocuments(request.context(), request.query as DocumentListQuery),
  );
  app.get(
    '/api/v1/knowledge/documents/:id',
    {
      config: { policy: 'knowledge.read' },
      schema: {
        tags,
        summary: 'One published document: metadata, original text and items',
        params: IdParams,
        response: replies({ 200: LibraryDocument }),
      },
    },
    async (request): Promise<Wire<LibraryDocument, 'references'>> =>
      service.getDocument(request.context(), (request.params as { id: string }).id),
  );
}

/**
 * Prepares the search once the app is ready (after migrations and demo data), in the background:
 * loading a large library's facets takes seconds, which would otherwise fall on the first search.
 * Readiness does not wait for it (`/readyz` tells `libraryWarm`); a failure is logged and the first
 * search loads the store instead. Closing waits for it, so the database stays open meanwhile.
 */
function warmSearchAtStart(app: FastifyInstance) {
  let warming: Promise<void> | null = null;
  app.addHook('onReady', async () => {
    const started = performance.now();
    const searchOverHttp = () => app.inject({ method: 'GET', url: '/api/v1/knowledge/items?q=migration%20routes&limit=20' });
    warming = service.warmSearch(app.platform.db, searchOverHttp).then(
      () => app.log.info({ ms: Math.round(performance.now() - started) }, 'library search warmed'),
      (error: unknown) => app.log.error({ err: error }, 'library search could not be warmed; the first search will load it'),
    );
  });
  app.addHook('onClose', async () => {
    await warming;
  });
}
