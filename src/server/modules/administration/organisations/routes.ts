import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { Organisation } from '../../../../shared/administration/contract.js';
import { ORGANISATION_KINDS } from '../../../../shared/roles.js';
import { CountryCode, ListQuerySchema, Strict, Text } from '../../../platform/http/schemas.js';
import { registerAdminResource } from '../admin-resource.js';
import * as organisations from './service.js';

const Kind = Type.Union(ORGANISATION_KINDS.map((kind) => Type.Literal(kind)));
const Acronym = Type.Union([Text(30), Type.Null()]);
const Country = Type.Union([CountryCode, Type.Null()]);

export async function organisationRoutes(app: FastifyInstance) {
  registerAdminResource(app, {
    segment: 'organisations',
    noun: 'an organisation',
    plural: 'organisations',
    policy: {
      list: 'organisation.list',
      create: 'organisation.create',
      read: 'organisation.read',
      update: 'organisation.update',
    },
    schema: {
      item: Organisation,
      listQuery: ListQuerySchema(),
      create: Strict({ name: Text(200), acronym: Type.Optional(Acronym), country: Type.Optional(Country), kind: Kind }),
      patch: Strict({
        name: Type.Optional(Text(200)),
        acronym: Type.Optional(Acronym),
        country: Type.Optional(Country),
        kind: Type.Optional(Kind),
        active: Type.Optional(Type.Boolean()),
      }),
    },
    list: organisations.listOrganisations,
    create: (ctx, body) =>
      organisations.createOrganisation(ctx, { ...body, acronym: body.acronym ?? null, country: body.country ?? null }),
    get: organisations.getOrganisation,
    update: organisations.updateOrganisation,
  });
}
