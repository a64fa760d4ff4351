import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { User } from '../../../../shared/administration/contract.js';
import { LOCALES } from '../../../../shared/locales.js';
import { ROLES } from '../../../../shared/roles.js';
import { MAX_PASSWORD_LENGTH } from '../../../platform/auth/passwords.js';
import { Id, ListQuerySchema, Strict, Text } from '../../../platform/http/schemas.js';
import { registerAdminResource } from '../admin-resource.js';
import * as users from './service.js';

const RoleSchema = Type.Union(ROLES.map((role) => Type.Literal(role)));
const Roles = Type.Array(RoleSchema, { maxItems: ROLES.length });
const UnitIds = Type.Array(Id, { maxItems: 50 });
const Locale = Type.Union(LOCALES.map((locale) => Type.Literal(locale)));

export async function userRoutes(app: FastifyInstance) {
  registerAdminResource(app, {
    segment: 'users',
    noun: 'a user (units and roles included)',
    plural: 'users',
    policy: { list: 'user.list', create: 'user.create', read: 'user.read', update: 'user.update' },
    schema: {
      item: User,
      listQuery: ListQuerySchema({ organisationId: Type.Optional(Id) }),
      create: Strict({
        email: Type.String({ format: 'email', maxLength: 254 }),
        displayName: Text(120),
        password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
        organisationId: Id,
        unitIds: UnitIds,
        roles: Roles,
        locale: Type.Optional(Locale),
      }),
      patch: Strict({
        displayName: Type.Optional(Text(120)),
        unitIds: Type.Optional(UnitIds),
        roles: Type.Optional(Roles),
        active: Type.Optional(Type.Boolean()),
        locale: Type.Optional(Locale),
      }),
    },
    list: users.listUsers,
    create: users.createUser,
    get: users.getUser,
    update: users.updateUser,
  });
}
