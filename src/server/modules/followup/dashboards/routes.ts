import type { FastifyInstance } from 'fastify';

/** The partner dashboard, action-plan dashboards and the public progress pages. */
export async function dashboardRoutes(_app: FastifyInstance) {}
