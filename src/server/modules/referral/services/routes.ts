import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ServiceMap, ServiceProvider, ServiceProviderPage } from '../../../../shared/referral/services-contract.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { replies } from '../../../platform/http/responses.js';
import { IdParams } from '../../../platform/http/schemas.js';
import { DeactivateBody, ListQuery, MapQuery, ProviderCreate, ProviderPatch } from './schemas.js';
import * as service from './service.js';

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

/**
 * The services directory. Any signed-in partner reads it (`service.read`); working roles add entries
 * (`service.create`), and the service decides `service.edit` on the entry for changes.
 */
export async function serviceRoutes(app: FastifyInstance) {
  const tags = ['referral'];
  const read = { policy: 'service.read' as const };
  // Changes need a role that keeps the directory; the entry's manager is decided by the service.
  const keep = { policy: 'service.create' as const };
  app.get(
    '/api/v1/services',
    {
      config: read,
      schema: {
        tags,
        summary: 'Service providers by need, country, city, language or words, sorted by name',
        querystring: ListQuery,
        response: replies({ 200: ServiceProviderPage }),
      },
    },
    async (request) => service.list(actorContext(request), request.query as ListQuery),
  );
  app.get(
    '/api/v1/services/map',
    {
      config: read,
      schema: {
        tags,
        summary: 'The places of matching providers as points',
        querystring: MapQuery,
        response: replies({ 200: ServiceMap }),
      },
    },
    async (request) => service.map(actorContext(request), request.query as MapQuery),
  );
  app.get(
    '/api/v1/services/:id',
    {
      config: read,
      schema: { tags, summary: 'One service provider', params: IdParams, response: replies({ 200: ServiceProvider }) },
    },
    async (request) => service.get(actorContext(request), idOf(request)),
  );
  app.post(
    '/api/v1/services',
    {
      config: keep,
      schema: {
        tags,
        summary: 'Add a provider to the directory, managed by your organisation',
        body: ProviderCreate,
        response: replies({ 201: ServiceProvider }),
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(actorContext(request), request.body as ProviderCreate)),
  );
  app.patch(
    '/api/v1/services/:id',
    {
      config: keep,
      schema: {
        tags,
        summary: 'Change an entry your organisation manages (places, when given, are replaced)',
        params: IdParams,
        body: ProviderPatch,
        response: replies({ 200: ServiceProvider }),
      },
    },
    async (request) => service.update(actorContext(request), idOf(request), request.body as ProviderPatch),
  );
  app.post(
    '/api/v1/services/:id/deactivate',
    {
      config: keep,
      schema: {
        tags,
        summary: 'Deactivate an entry your organisation manages (it is kept)',
        params: IdParams,
        body: DeactivateBody,
        response: replies({ 200: ServiceProvider }),
      },
    },
    async (request) => service.deactivate(actorContext(request), idOf(request), request.body as DeactivateBody),
  );
}
