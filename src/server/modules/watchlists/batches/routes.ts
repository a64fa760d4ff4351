import type { FastifyInstance } from 'fastify';

/** Filled by this part's owner. */
export async function batchRoutes(_app: FastifyInstance) {}
