import type { FastifyInstance } from 'fastify';

/** The live stream of exchange events (Server-Sent Events). */
export async function liveRoutes(_app: FastifyInstance) {}
