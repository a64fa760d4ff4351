import type { FastifyInstance } from 'fastify';
import { auditRoutes } from './audit-routes.js';
import { organisationRoutes } from './organisations/routes.js';
import { sharingGroupRoutes } from './sharing-groups/routes.js';
import { unitRoutes } from './units/routes.js';
import { userRoutes } from './users/routes.js';

export async function administrationRoutes(app: FastifyInstance) {
  await app.register(organisationRoutes);
  await app.register(unitRoutes);
  await app.register(userRoutes);
  await app.register(sharingGroupRoutes);
  await app.register(auditRoutes);
}
