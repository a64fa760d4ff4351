import type { Static, TObject } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { ListPage } from '../../../shared/administration/contract.js';
import { Page } from '../../../shared/contract/kit.js';
import type { ActorContext } from '../../platform/context.js';
import { actorContext } from '../../platform/http/authenticate.js';
import { replies } from '../../platform/http/responses.js';
import { IdParams } from '../../platform/http/schemas.js';
import type { Wire } from '../../platform/http/wire.js';
import type { Action } from '../../platform/policy/policy.js';

/**
 * An administered resource (organisations, units, users, sharing groups) has the same four routes:
 * list, create, read one, edit (which also deactivates and reactivates: nothing is deleted). Each
 * answers the resource's `item` schema (a page of them for the list).
 */
export interface AdminResource<Q extends TObject, C extends TObject, P extends TObject, I extends TObject> {
  /** URL segment under /api/v1/admin, e.g. `units`. */
  segment: string;
  /** Singular and plural nouns for the API documentation. */
  noun: string;
  plural: string;
  policy: { list: Action; create: Action; read: Action; update: Action };
  schema: { listQuery: Q; create: C; patch: P; item: I };
  list(ctx: ActorContext, query: Static<Q>): Promise<Wire<ListPage<Static<I>>>>;
  create(ctx: ActorContext, body: Static<C>): Promise<Wire<Static<I>>>;
  get(ctx: ActorContext, id: string): Promise<Wire<Static<I>>>;
  update(ctx: ActorContext, id: string, patch: Static<P>): Promise<Wire<Static<I>>>;
}

export function registerAdminResource<Q extends TObject, C extends TObject, P extends TObject, I extends TObject>(
  app: FastifyInstance,
  resource: AdminResource<Q, C, P, I>,
) {
  const path = `/api/v1/admin/${resource.segment}`;
  const tags = ['administration'];
  const { item } = resource.schema;
  const idOf = (params: unknown) => (params as { id: string }).id;
  app.get(
    path,
    {
      config: { policy: resource.policy.list },
      schema: {
        tags,
        summary: `List ${resource.plural}`,
        querystring: resource.schema.listQuery,
        response: replies({ 200: Page(item) }),
      },
    },
    async (request) => resource.list(actorContext(request), request.query as Static<Q>),
  );
  app.post(
    path,
    {
      config: { policy: resource.policy.create },
      schema: { tags, summary: `Create ${resource.noun}`, body: resource.schema.create, response: replies({ 201: item }) },
    },
    async (request, reply) => reply.code(201).send(await resource.create(actorContext(request), request.body as Static<C>)),
  );
  app.get(
    `${path}/:id`,
    {
      config: { policy: resource.policy.read },
      schema: { tags, summary: `One ${resource.noun}`, params: IdParams, response: replies({ 200: item }) },
    },
    async (request) => resource.get(actorContext(request), idOf(request.params)),
  );
  app.patch(
    `${path}/:id`,
    {
      config: { policy: resource.policy.update },
      schema: {
        tags,
        summary: `Edit, deactivate or reactivate ${resource.noun}`,
        params: IdParams,
        body: resource.schema.patch,
        response: replies({ 200: item }),
      },
    },
    async (request) => resource.update(actorContext(request), idOf(request.params), request.body as Static<P>),
  );
}
