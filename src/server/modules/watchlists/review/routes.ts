import type { FastifyInstance } from 'fastify';

/** Filled by this part's owner. */
export async function reviewRoutes(_app: FastifyInstance) {}
