import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { actorContext } from '../../../platform/http/authenticate.js';
import { Id, IdParams, ListQuerySchema, Strict, Text } from '../../../platform/http/schemas.js';
import * as groups from './service.js';

const tags = ['administration'];
const ListQuery = ListQuerySchema();
const Members = Type.Array(Id, { maxItems: 500 });
const CreateBody = Strict({ name: Text(200), description: Type.Optional(Text(2000, 0)), organisationIds: Members });
const PatchBody = Strict({
  name: Type.Optional(Text(200)),
  description: Type.Optional(Text(2000, 0)),
  organisationIds: Type.Optional(Members),
  active: Type.Optional(Type.Boolean()),
});

export async function sharingGroupRoutes(app: FastifyInstance) {
  app.get(
    '/api/v1/admin/sharing-groups',
    { config: { policy: 'sharingGroup.list' }, schema: { tags, summary: 'List sharing groups', querystring: ListQuery } },
    async (request) => groups.listSharingGroups(actorContext(request), request.query as typeof ListQuery.static),
  );
  app.post(
    '/api/v1/admin/sharing-groups',
    { config: { policy: 'sharingGroup.create' }, schema: { tags, summary: 'Create a sharing group', body: CreateBody } },
    async (request, reply) =>
      reply.code(201).send(await groups.createSharingGroup(actorContext(request), request.body as typeof CreateBody.static)),
  );
  app.get(
    '/api/v1/admin/sharing-groups/:id',
    { config: { policy: 'sharingGroup.read' }, schema: { tags, summary: 'One sharing group', params: IdParams } },
    async (request) => groups.getSharingGroup(actorContext(request), (request.params as { id: string }).id),
  );
  app.patch(
    '/api/v1/admin/sharing-groups/:id',
    {
      config: { policy: 'sharingGroup.update' },
      schema: { tags, summary: 'Edit a sharing group or its member organisations', params: IdParams, body: PatchBody },
    },
    async (request) =>
      groups.updateSharingGroup(
        actorContext(request),
        (request.params as { id: string }).id,
        request.body as typeof PatchBody.static,
      ),
  );
}
