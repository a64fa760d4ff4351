import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorContext } from '../../../platform/http/authenticate.js';
import { IdParams } from '../../../platform/http/schemas.js';
import * as items from './item-service.js';
import {
  DocumentPatch,
  ItemPatch,
  MergeBody,
  ReviewListQuery,
  type RevisionBody,
  RevisionBody as RevisionSchema,
  SplitBody,
} from './schemas.js';
import * as documents from './service.js';

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

/**
 * Review and publication of library documents by the secretariat (`knowledge.curate` on every
 * route): items of any status, edits with history, merge, split, publication, handling codes.
 */
export async function knowledgeReviewRoutes(app: FastifyInstance) {
  const tags = ['knowledge review'];
  const config = { policy: 'knowledge.curate' as const };
  const base = '/api/v1/knowledge/review';

  app.get(
    `${base}/documents`,
    { config, schema: { tags, summary: 'Documents to review, newest first, with item counts', querystring: ReviewListQuery } },
    async (request) => documents.listDocuments(actorContext(request), request.query as ReviewListQuery),
  );
  app.get(
    `${base}/documents/:id`,
    { config, schema: { tags, summary: 'One document with its text and all its items', params: IdParams } },
    async (request) => documents.getDocument(actorContext(request), idOf(request)),
  );
  app.patch(
    `${base}/documents/:id`,
    {
      config,
      schema: { tags, summary: "Change a document's handling code or distribution", params: IdParams, body: DocumentPatch },
    },
    async (request) => documents.updateSharing(actorContext(request), idOf(request), request.body as DocumentPatch),
  );
  app.post(
    `${base}/documents/:id/publish`,
    { config, schema: { tags, summary: 'Publish a document and its draft items', params: IdParams, body: RevisionSchema } },
    async (request) => documents.publishDocument(actorContext(request), idOf(request), (request.body as RevisionBody).revision),
  );
  app.post(
    `${base}/documents/:id/merge`,
    { config, schema: { tags, summary: 'Merge adjacent items of the document into one', params: IdParams, body: MergeBody } },
    async (request) => items.mergeItems(actorContext(request), idOf(request), request.body as MergeBody),
  );
  app.get(
    `${base}/documents/:id/history`,
    { config, schema: { tags, summary: 'Changes to the document and its items, newest first', params: IdParams } },
    async (request) => documents.documentHistory(actorContext(request), idOf(request)),
  );
  app.patch(
    `${base}/items/:id`,
    { config, schema: { tags, summary: "Edit an item's type, text and tags", params: IdParams, body: ItemPatch } },
    async (request) => items.updateItem(actorContext(request), idOf(request), request.body as ItemPatch),
  );
  app.post(
    `${base}/items/:id/split`,
    { config, schema: { tags, summary: 'Split an item in two at a character offset', params: IdParams, body: SplitBody } },
    async (request) => items.splitItem(actorContext(request), idOf(request), request.body as SplitBody),
  );
  for (const [segment, status] of [
    ['publish', 'published'],
    ['withdraw', 'withdrawn'],
  ] as const) {
    app.post(
      `${base}/items/:id/${segment}`,
      {
        config,
        schema: {
          tags,
          summary: `${segment === 'publish' ? 'Publish' : 'Withdraw'} one item`,
          params: IdParams,
          body: RevisionSchema,
        },
      },
      async (request) =>
        items.setItemStatus(actorContext(request), idOf(request), (request.body as RevisionBody).revision, status),
    );
  }
  app.get(
    `${base}/items/:id/history`,
    { config, schema: { tags, summary: 'Changes to one item, newest first', params: IdParams } },
    async (request) => documents.itemHistory(actorContext(request), idOf(request)),
  );
  app.get(
    `${base}/vocabulary`,
    { config, schema: { tags, summary: 'Countries, themes, organisations, references and recipients to choose from' } },
    async (request) => documents.vocabulary(actorContext(request)),
  );
}
