import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { Unit } from '../../../../shared/administration/contract.js';
import { Id, ListQuerySchema, Strict, Text } from '../../../platform/http/schemas.js';
import { registerAdminResource } from '../admin-resource.js';
import * as units from './service.js';

export async function unitRoutes(app: FastifyInstance) {
  registerAdminResource(app, {
    segment: 'units',
    noun: 'a unit',
    plural: 'units',
    policy: { list: 'unit.list', create: 'unit.create', read: 'unit.read', update: 'unit.update' },
    schema: {
      item: Unit,
      listQuery: ListQuerySchema({ organisationId: Type.Optional(Id) }),
      create: Strict({ organisationId: Id, name: Text(200), description: Type.Optional(Text(2000, 0)) }),
      patch: Strict({
        name: Type.Optional(Text(200)),
        description: Type.Optional(Text(2000, 0)),
        active: Type.Optional(Type.Boolean()),
      }),
    },
    list: units.listUnits,
    create: units.createUnit,
    get: units.getUnit,
    update: units.updateUnit,
  });
}
