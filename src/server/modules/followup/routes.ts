import type { FastifyInstance } from 'fastify';
import { commitmentRoutes } from './commitments/routes.js';
import { cycleRoutes } from './cycles/routes.js';
import { dashboardRoutes } from './dashboards/routes.js';

/** Follow-up of recommendations (`/api/v1/followup/…`): one registration per part of the module. */
export async function followupRoutes(app: FastifyInstance) {
  await app.register(commitmentRoutes);
  await app.register(cycleRoutes);
  await app.register(dashboardRoutes);
}
