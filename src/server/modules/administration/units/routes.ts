import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { actorContext } from '../../../platform/http/authenticate.js';
import { Id, IdParams, ListQuerySchema, Strict, Text } from '../../../platform/http/schemas.js';
import * as units from './service.js';

const tags = ['administration'];
const ListQuery = ListQuerySchema({ organisationId: Type.Optional(Id) });
const CreateBody = Strict({ organisationId: Id, name: Text(200), description: Type.Optional(Text(2000, 0)) });
const PatchBody = Strict({
  name: Type.Optional(Text(200)),
  description: Type.Optional(Text(2000, 0)),
  active: Type.Optional(Type.Boolean()),
});

export async function unitRoutes(app: FastifyInstance) {
  app.get(
    '/api/v1/admin/units',
    { config: { policy: 'unit.list' }, schema: { tags, summary: 'List units', querystring: ListQuery } },
    async (request) => units.listUnits(actorContext(request), request.query as typeof ListQuery.static),
  );
  app.post(
    '/api/v1/admin/units',
    { config: { policy: 'unit.create' }, schema: { tags, summary: 'Create a unit', body: CreateBody } },
    async (request, reply) =>
      reply.code(201).send(await units.createUnit(actorContext(request), request.body as typeof CreateBody.static)),
  );
  app.get(
    '/api/v1/admin/units/:id',
    { config: { policy: 'unit.read' }, schema: { tags, summary: 'One unit', params: IdParams } },
    async (request) => units.getUnit(actorContext(request), (request.params as { id: string }).id),
  );
  app.patch(
    '/api/v1/admin/units/:id',
    {
      config: { policy: 'unit.update' },
      schema: { tags, summary: 'Edit, deactivate or reactivate a unit', params: IdParams, body: PatchBody },
    },
    async (request) =>
      units.updateUnit(actorContext(request), (request.params as { id: string }).id, request.body as typeof PatchBody.static),
  );
}
