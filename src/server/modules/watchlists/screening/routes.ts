import type { FastifyInstance } from 'fastify';

/** Filled by this part's owner. */
export async function screeningRoutes(_app: FastifyInstance) {}
