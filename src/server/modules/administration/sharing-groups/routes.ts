import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { SharingGroup } from '../../../../shared/administration/contract.js';
import { Id, ListQuerySchema, Strict, Text } from '../../../platform/http/schemas.js';
import { registerAdminResource } from '../admin-resource.js';
import * as groups from './service.js';

const Members = Type.Array(Id, { maxItems: 500 });

export async function sharingGroupRoutes(app: FastifyInstance) {
  registerAdminResource(app, {
    segment: 'sharing-groups',
    noun: 'a sharing group',
    plural: 'sharing groups',
    policy: {
      list: 'sharingGroup.list',
      create: 'sharingGroup.create',
      read: 'sharingGroup.read',
      update: 'sharingGroup.update',
    },
    schema: {
      item: SharingGroup,
      listQuery: ListQuerySchema(),
      create: Strict({ name: Text(200), description: Type.Optional(Text(2000, 0)), organisationIds: Members }),
      patch: Strict({
        name: Type.Optional(Text(200)),
        description: Type.Optional(Text(2000, 0)),
        organisationIds: Type.Optional(Members),
        active: Type.Optional(Type.Boolean()),
      }),
    },
    list: groups.listSharingGroups,
    create: groups.createSharingGroup,
    get: groups.getSharingGroup,
    update: groups.updateSharingGroup,
  });
}
