import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ROLES } from '../../../../shared/roles.js';
import { MAX_PASSWORD_LENGTH } from '../../../platform/auth/passwords.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { Id, IdParams, ListQuerySchema, Strict, Text } from '../../../platform/http/schemas.js';
import * as users from './service.js';

const tags = ['administration'];
const RoleSchema = Type.Union(ROLES.map((role) => Type.Literal(role)));
const Locale = Type.Union([Type.Literal('en'), Type.Literal('fr'), Type.Literal('ar')]);
const ListQuery = ListQuerySchema({ organisationId: Type.Optional(Id) });
const CreateBody = Strict({
  email: Type.String({ format: 'email', maxLength: 254 }),
  displayName: Text(120),
  password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
  organisationId: Id,
  unitIds: Type.Array(Id, { maxItems: 50 }),
  roles: Type.Array(RoleSchema, { maxItems: ROLES.length }),
  locale: Type.Optional(Locale),
});
const PatchBody = Strict({
  displayName: Type.Optional(Text(120)),
  unitIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
  roles: Type.Optional(Type.Array(RoleSchema, { maxItems: ROLES.length })),
  active: Type.Optional(Type.Boolean()),
  locale: Type.Optional(Locale),
});

export async function userRoutes(app: FastifyInstance) {
  app.get(
    '/api/v1/admin/users',
    { config: { policy: 'user.list' }, schema: { tags, summary: 'List users', querystring: ListQuery } },
    async (request) => users.listUsers(actorContext(request), request.query as typeof ListQuery.static),
  );
  app.post(
    '/api/v1/admin/users',
    { config: { policy: 'user.create' }, schema: { tags, summary: 'Create a user', body: CreateBody } },
    async (request, reply) =>
      reply.code(201).send(await users.createUser(actorContext(request), request.body as typeof CreateBody.static)),
  );
  app.get(
    '/api/v1/admin/users/:id',
    { config: { policy: 'user.read' }, schema: { tags, summary: 'One user', params: IdParams } },
    async (request) => users.getUser(actorContext(request), (request.params as { id: string }).id),
  );
  app.patch(
    '/api/v1/admin/users/:id',
    {
      config: { policy: 'user.update' },
      schema: { tags, summary: 'Edit, deactivate or reactivate a user; set units and roles', params: IdParams, body: PatchBody },
    },
    async (request) =>
      users.updateUser(actorContext(request), (request.params as { id: string }).id, request.body as typeof PatchBody.static),
  );
}
