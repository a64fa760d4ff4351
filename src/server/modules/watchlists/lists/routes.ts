import type { FastifyInstance } from 'fastify';

/** Filled by this part's owner. */
export async function watchlistRoutes(_app: FastifyInstance) {}
