import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ORGANISATION_KINDS } from '../../../../shared/roles.js';
import { actorContext } from '../../../platform/http/authenticate.js';
import { CountryCode, IdParams, ListQuerySchema, Strict, Text } from '../../../platform/http/schemas.js';
import type { ListQuery } from '../listing.js';
import * as organisations from './service.js';

const tags = ['administration'];
const Kind = Type.Union(ORGANISATION_KINDS.map((kind) => Type.Literal(kind)));
const Nullable = <T extends ReturnType<typeof Text> | typeof CountryCode>(schema: T) => Type.Union([schema, Type.Null()]);

const CreateBody = Strict({
  name: Text(200),
  acronym: Type.Optional(Nullable(Text(30))),
  country: Type.Optional(Nullable(CountryCode)),
  kind: Kind,
});
const PatchBody = Strict({
  name: Type.Optional(Text(200)),
  acronym: Type.Optional(Nullable(Text(30))),
  country: Type.Optional(Nullable(CountryCode)),
  kind: Type.Optional(Kind),
  active: Type.Optional(Type.Boolean()),
});

export async function organisationRoutes(app: FastifyInstance) {
  app.get(
    '/api/v1/admin/organisations',
    { config: { policy: 'organisation.list' }, schema: { tags, summary: 'List organisations', querystring: ListQuerySchema() } },
    async (request) => organisations.listOrganisations(actorContext(request), request.query as ListQuery),
  );
  app.post(
    '/api/v1/admin/organisations',
    { config: { policy: 'organisation.create' }, schema: { tags, summary: 'Create an organisation', body: CreateBody } },
    async (request, reply) => {
      const body = request.body as typeof CreateBody.static;
      const created = await organisations.createOrganisation(actorContext(request), {
        name: body.name,
        acronym: body.acronym ?? null,
        country: body.country ?? null,
        kind: body.kind,
      });
      return reply.code(201).send(created);
    },
  );
  app.get(
    '/api/v1/admin/organisations/:id',
    { config: { policy: 'organisation.read' }, schema: { tags, summary: 'One organisation', params: IdParams } },
    async (request) => organisations.getOrganisation(actorContext(request), (request.params as { id: string }).id),
  );
  app.patch(
    '/api/v1/admin/organisations/:id',
    {
      config: { policy: 'organisation.update' },
      schema: { tags, summary: 'Edit, deactivate or reactivate an organisation', params: IdParams, body: PatchBody },
    },
    async (request) =>
      organisations.updateOrganisation(
        actorContext(request),
        (request.params as { id: string }).id,
        request.body as typeof PatchBody.static,
      ),
  );
}
