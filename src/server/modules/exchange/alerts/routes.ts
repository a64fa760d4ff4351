import type { FastifyInstance } from 'fastify';

/** Early-warning alerts (filled in by the alerts module). */
export async function alertRoutes(_app: FastifyInstance) {}
