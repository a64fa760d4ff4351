import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  MergeAnswer,
  ReviewDocument,
  ReviewDocumentPage,
  ReviewItem,
  RevisionList,
  SplitAnswer,
  Vocabulary,
} from '../../../../shared/knowledge/review/contract.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { IdParams } from '../../../platform/http/schemas.js';
import type { Wire } from '../../../platform/http/wire.js';
import { discardDocument } from './discard.js';
import * as items from './item-service.js';
import {
  DiscardBody,
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
 * What a review route answers. People (publisher, actor of a revision) are joined by id, so rows
 * type their names as nullable, though a named id always has one; revisions' states are JSON.
 */
type Reply<T> = Wire<T, 'displayName' | 'before' | 'after'>;

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
    {
      config,
      schema: {
        tags,
        summary: 'Documents to review, newest first, with item counts',
        querystring: ReviewListQuery,
        response: replies({ 200: ReviewDocumentPage }),
      },
    },
    async (request): Promise<Reply<ReviewDocumentPage>> =>
      documents.listDocuments(actorContext(request), request.query as ReviewListQuery),
  );
  app.get(
    `${base}/documents/:id`,
    {
      config,
      schema: {
        tags,
        summary: 'One document with its text and all its items',
        params: IdParams,
        response: replies({ 200: ReviewDocument }),
      },
    },
    async (request): Promise<Reply<ReviewDocument>> => documents.getDocument(actorContext(request), idOf(request)),
  );
  app.patch(
    `${base}/documents/:id`,
    {
      config,
      schema: {
        tags,
        summary: "Change a document's handling code or distribution",
        params: IdParams,
        body: DocumentPatch,
        response: replies({ 200: ReviewDocument }),
      },
    },
    async (request): Promise<Reply<ReviewDocument>> =>
      documents.updateSharing(actorContext(request), idOf(request), request.body as DocumentPatch),
  );
  app.post(
    `${base}/documents/:id/publish`,
    {
      config,
      schema: {
        tags,
        summary: 'Publish a document and its draft items',
        params: IdParams,
        body: RevisionSchema,
        response: replies({ 200: ReviewDocument }),
      },
    },
    async (request): Promise<Reply<ReviewDocument>> =>
      documents.publishDocument(actorContext(request), idOf(request), (request.body as RevisionBody).revision),
  );
  app.post(
    `${base}/documents/:id/discard`,
    {
      config: { policy: 'document.discard' as const },
      schema: {
        tags,
        summary: 'Discard a draft document: it leaves the review list, its history stays',
        params: IdParams,
        body: DiscardBody,
        response: replies({ 200: ReviewDocument }),
      },
    },
    async (request): Promise<Reply<ReviewDocument>> => {
      const body = request.body as DiscardBody;
      return discardDocument(actorContext(request), idOf(request), body.revision, body.reason);
    },
  );
  app.post(
    `${base}/documents/:id/merge`,
    {
      config,
      schema: {
        tags,
        summary: 'Merge adjacent items of the document into one',
        params: IdParams,
        body: MergeBody,
        response: replies({ 200: MergeAnswer }),
      },
    },
    async (request): Promise<Reply<MergeAnswer>> =>
      items.mergeItems(actorContext(request), idOf(request), request.body as MergeBody),
  );
  app.get(
    `${base}/documents/:id/history`,
    {
      config,
      schema: {
        tags,
        summary: 'Changes to the document and its items, newest first',
        params: IdParams,
        response: replies({ 200: RevisionList }),
      },
    },
    async (request): Promise<Reply<RevisionList>> => documents.documentHistory(actorContext(request), idOf(request)),
  );
  app.patch(
    `${base}/items/:id`,
    {
      config,
      schema: {
        tags,
        summary: "Edit an item's type, text and tags",
        params: IdParams,
        body: ItemPatch,
        response: replies({ 200: ReviewItem }),
      },
    },
    async (request): Promise<Reply<ReviewItem>> =>
      items.updateItem(actorContext(request), idOf(request), request.body as ItemPatch),
  );
  app.post(
    `${base}/items/:id/split`,
    {
      config,
      schema: {
        tags,
        summary: 'Split an item in two at a character offset',
        params: IdParams,
        body: SplitBody,
        response: replies({ 200: SplitAnswer }),
      },
    },
    async (request): Promise<Reply<SplitAnswer>> =>
      items.splitItem(actorContext(request), idOf(request), request.body as SplitBody),
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
          response: replies({ 200: ReviewItem }),
        },
      },
      async (request): Promise<Reply<ReviewItem>> =>
        items.setItemStatus(actorContext(request), idOf(request), (request.body as RevisionBody).revision, status),
    );
  }
  app.get(
    `${base}/items/:id/history`,
    {
      config,
      schema: { tags, summary: 'Changes to one item, newest first', params: IdParams, response: replies({ 200: RevisionList }) },
    },
    async (request): Promise<Reply<RevisionList>> => documents.itemHistory(actorContext(request), idOf(request)),
  );
  app.get(
    `${base}/vocabulary`,
    {
      config,
      schema: {
        tags,
        summary: 'Countries, themes, organisations, references and recipients to choose from',
        response: replies({ 200: Vocabulary }),
      },
    },
    async (request): Promise<Reply<Vocabulary>> => documents.vocabulary(actorContext(request)),
  );
}
